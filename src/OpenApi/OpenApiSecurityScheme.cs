namespace K6Scenarios.OpenApi;

/// <summary>A security scheme named by a security requirement, resolved from <c>components.securitySchemes</c>.</summary>
public sealed class OpenApiSecurityScheme
{
    internal OpenApiSecurityScheme(string name, string? type, string? scheme, string? bearerFormat, string? location, string? parameterName, bool isDeclared)
    {
        Name = name;
        Type = type;
        Scheme = scheme;
        BearerFormat = bearerFormat;
        In = location;
        ParameterName = parameterName;
        IsDeclared = isDeclared;
        Description = Describe();
    }

    /// <summary>The key under <c>components.securitySchemes</c>, as security requirements name it.</summary>
    public string Name { get; }

    /// <summary><c>http</c>, <c>apiKey</c>, <c>oauth2</c>, <c>openIdConnect</c> or <c>mutualTLS</c>; null when undeclared.</summary>
    public string? Type { get; }

    /// <summary>For <c>http</c>: the lower-case scheme (<c>bearer</c>, <c>basic</c>); otherwise null.</summary>
    public string? Scheme { get; }

    /// <summary>For <c>http</c> bearer: the token format hint (<c>JWT</c>); otherwise null.</summary>
    public string? BearerFormat { get; }

    /// <summary>For <c>apiKey</c>: <c>header</c>, <c>query</c> or <c>cookie</c>; otherwise null.</summary>
    public string? In { get; }

    /// <summary>For <c>apiKey</c>: the header, query parameter or cookie name; otherwise null.</summary>
    public string? ParameterName { get; }

    /// <summary>False when a requirement names a scheme that <c>components.securitySchemes</c> lacks.</summary>
    public bool IsDeclared { get; }

    /// <summary>
    /// The request header that carries the credential: <c>Authorization</c> for http, oauth2 and
    /// openIdConnect, the key's header for an apiKey in a header; null otherwise.
    /// </summary>
    public string? HeaderName => Type switch
    {
        "http" or "oauth2" or "openIdConnect" => "Authorization",
        "apiKey" when string.Equals(In, "header", System.StringComparison.Ordinal) => ParameterName,
        _ => null,
    };

    /// <summary>A short description for messages: <c>bearer (http)</c>, <c>apiKey in header X-API-Key</c>.</summary>
    public string Description { get; }

    private string Describe()
    {
        if (!IsDeclared)
        {
            return Name + " (undeclared)";
        }

        return Type switch
        {
            "http" => (Scheme ?? "unspecified scheme") + " (http)",
            "apiKey" => "apiKey in " + (In ?? "an unspecified location") + " " + (ParameterName ?? "(unnamed)"),
            null => Name,
            _ => Type,
        };
    }
}
