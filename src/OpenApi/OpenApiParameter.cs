namespace K6Scenarios.OpenApi;

/// <summary>A parameter of an operation (path-item and operation parameters merged, <c>$ref</c>s resolved).</summary>
public sealed class OpenApiParameter
{
    internal OpenApiParameter(string name, string location, bool required, OpenApiSchema? schema)
    {
        Name = name;
        In = location;
        Required = required;
        Schema = schema;
    }

    /// <summary>The parameter name as written (header names keep their case).</summary>
    public string Name { get; }

    /// <summary>Where the parameter goes: <c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</summary>
    public string In { get; }

    /// <summary>True when the request must send it (path parameters always are).</summary>
    public bool Required { get; }

    /// <summary>The parameter's schema, or null when it has none or it cannot be resolved.</summary>
    public OpenApiSchema? Schema { get; }
}
