using System;
using System.Collections.Generic;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi.Building;

/// <summary>
/// Builds an <see cref="OpenApiDocument"/> from the parsed tree. Structural problems that make the
/// text something other than an OpenAPI 3.x document are errors (<see cref="TextParseException"/>);
/// everything else that cannot be used is a warning and reads as unknown.
/// </summary>
internal sealed class DocumentBuilder
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly DocumentNode _root;
    private readonly string _path;
    private readonly WarningSink _warnings;
    private readonly ReferenceResolver _references;
    private readonly SchemaBuilder _schemas;
    private readonly Dictionary<string, OpenApiSecurityScheme> _declaredSchemes = new(StringComparer.Ordinal);

    private DocumentBuilder(DocumentNode root, string path)
    {
        _root = root;
        _path = path;
        _warnings = new WarningSink(path);
        _references = new ReferenceResolver(root, _warnings);
        _schemas = new SchemaBuilder(_references, _warnings);
    }

    public static OpenApiDocument Build(DocumentNode root, string path) => new DocumentBuilder(root, path).Build();

    private OpenApiDocument Build()
    {
        if (!_root.IsMapping)
        {
            throw new TextParseException("not an OpenAPI document: the top level must be a mapping with 'openapi', 'info' and 'paths'", 1, 1);
        }

        var swagger = _root.GetEntry("swagger");
        if (swagger is not null)
        {
            throw new TextParseException(
                "only OpenAPI 3.0 and 3.1 are supported; this is a Swagger " + swagger.Value.Value.Text + " document: convert it to OpenAPI 3",
                swagger.Value.KeyLine,
                swagger.Value.KeyColumn);
        }

        var version = _root.Get("openapi");
        if (version is null)
        {
            throw new TextParseException("not an OpenAPI document: the 'openapi' key (the OpenAPI version, such as 3.0.3) is missing", 1, 1);
        }

        var versionText = version.IsScalar ? version.Text : string.Empty;
        if (!IsVersion(versionText, "3.0") && !IsVersion(versionText, "3.1"))
        {
            if (!IsLaterThree(versionText))
            {
                throw new TextParseException("only OpenAPI 3.0 and 3.1 are supported; this document declares openapi '" + versionText + "'", version.Line, version.Column);
            }

            // 3.2 and later minors keep 3.1's structure; read them rather than refuse them.
            _warnings.Add("OpenAPI " + versionText + " is read with the rules of OpenAPI 3.1", version);
        }

        var paths = _root.Get("paths");
        if (paths is null)
        {
            throw new TextParseException("not an OpenAPI document: the 'paths' key (the API's endpoints) is missing", 1, 1);
        }

        if (!paths.IsMapping && paths.Kind != NodeKind.Null)
        {
            throw new TextParseException("'paths' must be a mapping from path templates such as /users/{id} to their operations", paths.Line, paths.Column);
        }

        var info = _root.Get("info");
        var title = info?.GetText("title");
        var apiVersion = info?.GetText("version");

        var declaredSchemes = ReadSecuritySchemes();
        var operations = ReadOperations(paths);
        _schemas.Complete();

        return new OpenApiDocument(_path, title, versionText, apiVersion, ReadServerBasePaths(), operations, declaredSchemes, _warnings.Warnings);
    }

    /// <summary>True for "3.0", "3.0.3", not for "3.01" (<paramref name="prefix"/> then the end or a '.').</summary>
    private static bool IsVersion(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && (text.Length == prefix.Length || text[prefix.Length] == '.');

    /// <summary>True for "3.2", "3.2.0", "3.10.1": a 3.x minor above 1 written without leading zeros.</summary>
    private static bool IsLaterThree(string text)
    {
        if (!text.StartsWith("3.", StringComparison.Ordinal))
        {
            return false;
        }

        var end = 2;
        while (end < text.Length && text[end] >= '0' && text[end] <= '9')
        {
            end++;
        }

        var minor = text.Substring(2, end - 2);
        var wellFormed = minor.Length > 0 && minor.Length < 6 && (minor.Length == 1 || minor[0] != '0') && (end == text.Length || text[end] == '.');
        return wellFormed && int.Parse(minor, System.Globalization.CultureInfo.InvariantCulture) >= 2;
    }

    // ---- servers ----

    private List<string> ReadServerBasePaths()
    {
        var basePaths = new List<string>();
        var servers = _root.Get("servers");
        if (servers is not null && servers.IsSequence)
        {
            foreach (var server in servers.Items)
            {
                var url = server.IsMapping ? server.GetText("url") : null;
                if (url is null)
                {
                    _warnings.Add("a server needs a 'url'; this one is ignored", server);
                    continue;
                }

                var basePath = BasePathOf(SubstituteVariables(url, server.Get("variables")));
                if (!basePaths.Contains(basePath))
                {
                    basePaths.Add(basePath);
                }
            }
        }

        if (basePaths.Count == 0)
        {
            basePaths.Add(string.Empty); // OpenAPI's default server is "/"
        }

        return basePaths;
    }

    private static string SubstituteVariables(string url, DocumentNode? variables)
    {
        if (variables is null || !variables.IsMapping || !TextSearch.Contains(url, '{'))
        {
            return url;
        }

        foreach (var variable in variables.Entries)
        {
            var defaultValue = variable.Value.IsMapping ? variable.Value.GetText("default") : null;
            if (defaultValue is not null)
            {
                url = TextSearch.ReplaceOrdinal(url, "{" + variable.Key + "}", defaultValue);
            }
        }

        return url;
    }

    /// <summary>The path of a server URL without trailing '/': "https://h/api/" gives "/api", "http://h" gives "".</summary>
    internal static string BasePathOf(string url)
    {
        var text = url.Trim();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '?' || text[i] == '#')
            {
                text = text.Substring(0, i);
                break;
            }
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = scheme >= 0 ? scheme + 3 : text.StartsWith("//", StringComparison.Ordinal) ? 2 : -1;
        string path;
        if (authorityStart >= 0)
        {
            var slash = TextSearch.IndexOf(text, '/', authorityStart);
            path = slash < 0 ? string.Empty : text.Substring(slash);
        }
        else
        {
            path = text;
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            if (string.Equals(path, ".", StringComparison.Ordinal))
            {
                path = string.Empty;
            }

            if (path.Length > 0 && path[0] != '/')
            {
                path = "/" + path;
            }
        }

        return path.TrimEnd('/');
    }

    // ---- security ----

    private List<OpenApiSecurityScheme> ReadSecuritySchemes()
    {
        var schemes = new List<OpenApiSecurityScheme>();
        var declared = _root.Get("components")?.Get("securitySchemes");
        if (declared is null || !declared.IsMapping)
        {
            return schemes;
        }

        foreach (var entry in declared.Entries)
        {
            var node = _references.Resolve(entry.Value);
            if (node is null || !node.IsMapping)
            {
                continue;
            }

            var type = node.GetText("type");
            if (type is null)
            {
                _warnings.Add("security scheme '" + entry.Key + "' has no 'type'", node);
            }

            var isHttp = string.Equals(type, "http", StringComparison.Ordinal);
            var isApiKey = string.Equals(type, "apiKey", StringComparison.Ordinal);
            var scheme = new OpenApiSecurityScheme(
                entry.Key,
                type,
                isHttp ? node.GetText("scheme")?.ToLowerInvariant() : null,
                isHttp ? node.GetText("bearerFormat") : null,
                isApiKey ? node.GetText("in") : null,
                isApiKey ? node.GetText("name") : null,
                true);
            schemes.Add(scheme);
            _declaredSchemes[entry.Key] = scheme;
        }

        return schemes;
    }

    private List<IReadOnlyList<string>> ReadSecurityRequirements(DocumentNode? security)
    {
        var requirements = new List<IReadOnlyList<string>>();
        if (security is null || security.Kind == NodeKind.Null)
        {
            return requirements;
        }

        if (!security.IsSequence)
        {
            _warnings.Add("'security' must be a list of requirements such as '- bearerAuth: []'; it is ignored", security);
            return requirements;
        }

        foreach (var requirement in security.Items)
        {
            if (!requirement.IsMapping)
            {
                _warnings.Add("a security requirement must be a mapping of scheme names to scopes; it is ignored", requirement);
                continue;
            }

            var names = new List<string>(requirement.Entries.Count);
            foreach (var entry in requirement.Entries)
            {
                names.Add(entry.Key);
            }

            requirements.Add(names);
        }

        return requirements;
    }

    private List<OpenApiSecurityScheme> SchemesOf(List<IReadOnlyList<string>> requirements, DocumentNode? at)
    {
        var schemes = new List<OpenApiSecurityScheme>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            foreach (var name in requirement)
            {
                if (!seen.Add(name))
                {
                    continue;
                }

                if (_declaredSchemes.TryGetValue(name, out var scheme))
                {
                    schemes.Add(scheme);
                }
                else
                {
                    if (at is not null)
                    {
                        _warnings.Add("security scheme '" + name + "' is not declared in components.securitySchemes", at);
                    }

                    schemes.Add(new OpenApiSecurityScheme(name, null, null, null, null, null, false));
                }
            }
        }

        return schemes;
    }

    // ---- paths and operations ----

    private List<OpenApiOperation> ReadOperations(DocumentNode paths)
    {
        var operations = new List<OpenApiOperation>();
        if (!paths.IsMapping)
        {
            return operations;
        }

        var globalSecurity = _root.Get("security");
        var globalRequirements = ReadSecurityRequirements(globalSecurity);
        foreach (var pathEntry in paths.Entries)
        {
            var template = pathEntry.Key;
            if (template.Length == 0 || template[0] != '/')
            {
                _warnings.Add("path '" + template + "' does not start with '/'; requests are matched against it as '/" + template + "'", pathEntry.KeyLine, pathEntry.KeyColumn);
                template = "/" + template;
            }

            var pathItem = _references.Resolve(pathEntry.Value);
            if (pathItem is null || !pathItem.IsMapping)
            {
                if (pathItem is not null && pathItem.Kind != NodeKind.Null)
                {
                    _warnings.Add("path item '" + template + "' must be a mapping of methods to operations; it is ignored", pathItem);
                }

                continue;
            }

            var pathParameters = pathItem.Get("parameters");
            foreach (var entry in pathItem.Entries)
            {
                if (Array.IndexOf(Methods, entry.Key) < 0)
                {
                    continue;
                }

                if (!entry.Value.IsMapping)
                {
                    _warnings.Add(entry.Key.ToUpperInvariant() + " " + template + " must be a mapping (an operation object); it is ignored", entry.Value);
                    continue;
                }

                operations.Add(ReadOperation(entry, template, entry.Value, pathParameters, globalRequirements, globalSecurity));
            }
        }

        return operations;
    }

    private OpenApiOperation ReadOperation(
        MappingEntry methodEntry,
        string template,
        DocumentNode operation,
        DocumentNode? pathParameters,
        List<IReadOnlyList<string>> globalRequirements,
        DocumentNode? globalSecurity)
    {
        var parameters = ReadParameters(pathParameters, operation.Get("parameters"));

        var mediaTypes = new List<string>();
        OpenApiSchema? jsonBody = null;
        var bodyRequired = false;
        var body = _references.Resolve(operation.Get("requestBody"));
        if (body is not null && body.IsMapping)
        {
            bodyRequired = body.GetFlag("required");
            var content = body.Get("content");
            if (content is not null && content.IsMapping)
            {
                foreach (var media in content.Entries)
                {
                    mediaTypes.Add(media.Key);
                }

                jsonBody = _schemas.Get(JsonMediaType(content)?.Get("schema"));
            }
        }

        var responses = new List<OpenApiResponse>();
        var responsesNode = operation.Get("responses");
        if (responsesNode is not null && responsesNode.IsMapping)
        {
            foreach (var response in responsesNode.Entries)
            {
                if (!OpenApiOperation.IsValidResponseKey(response.Key))
                {
                    if (!response.Key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        _warnings.Add("response key '" + response.Key + "' is not a status code, a range such as 2XX, or 'default'; it is ignored", response.KeyLine, response.KeyColumn);
                    }

                    continue;
                }

                var resolved = _references.Resolve(response.Value);
                var content = resolved is not null && resolved.IsMapping ? resolved.Get("content") : null;
                var schema = content is not null && content.IsMapping ? _schemas.Get(JsonMediaType(content)?.Get("schema")) : null;
                responses.Add(new OpenApiResponse(response.Key, schema));
            }
        }

        var security = operation.Get("security");
        var requirements = security is null ? globalRequirements : ReadSecurityRequirements(security);
        var schemes = SchemesOf(requirements, security ?? globalSecurity);

        return new OpenApiOperation(
            methodEntry.Key.ToUpperInvariant(),
            template,
            operation.GetText("operationId"),
            methodEntry.KeyLine,
            methodEntry.KeyColumn,
            parameters,
            mediaTypes,
            jsonBody,
            bodyRequired,
            responses,
            requirements,
            schemes);
    }

    /// <summary>application/json first, then any +json type, then a wildcard (*/* or application/*).</summary>
    private static DocumentNode? JsonMediaType(DocumentNode content)
    {
        DocumentNode? structured = null;
        DocumentNode? wildcard = null;
        foreach (var media in content.Entries)
        {
            var type = MediaTypeBase(media.Key);
            if (string.Equals(type, "application/json", StringComparison.Ordinal))
            {
                return media.Value;
            }

            if (structured is null && type.EndsWith("+json", StringComparison.Ordinal))
            {
                structured = media.Value;
            }
            else if (wildcard is null && (string.Equals(type, "*/*", StringComparison.Ordinal) || string.Equals(type, "application/*", StringComparison.Ordinal)))
            {
                wildcard = media.Value;
            }
        }

        var chosen = structured ?? wildcard;
        return chosen is not null && chosen.IsMapping ? chosen : null;
    }

    private static string MediaTypeBase(string mediaType)
    {
        var semicolon = TextSearch.IndexOf(mediaType, ';');
        var type = semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon);
        return type.Trim().ToLowerInvariant();
    }

    private List<OpenApiParameter> ReadParameters(DocumentNode? pathLevel, DocumentNode? operationLevel)
    {
        var parameters = new List<OpenApiParameter>();
        AddParameters(parameters, pathLevel);
        AddParameters(parameters, operationLevel);
        return parameters;
    }

    private void AddParameters(List<OpenApiParameter> parameters, DocumentNode? list)
    {
        if (list is null || !list.IsSequence)
        {
            return;
        }

        foreach (var item in list.Items)
        {
            var node = _references.Resolve(item);
            if (node is null || !node.IsMapping)
            {
                continue;
            }

            var name = node.GetText("name");
            var location = node.GetText("in");
            if (name is null || location is null)
            {
                _warnings.Add("a parameter needs 'name' and 'in'; this one is ignored", node);
                continue;
            }

            var parameter = new OpenApiParameter(
                name,
                location,
                string.Equals(location, "path", StringComparison.Ordinal) || node.GetFlag("required"),
                _schemas.Get(node.Get("schema")));

            // An operation parameter replaces the path-item parameter with the same name and location.
            var replaced = false;
            for (var i = 0; i < parameters.Count; i++)
            {
                if (string.Equals(parameters[i].Name, name, StringComparison.Ordinal) && string.Equals(parameters[i].In, location, StringComparison.Ordinal))
                {
                    parameters[i] = parameter;
                    replaced = true;
                    break;
                }
            }

            if (!replaced)
            {
                parameters.Add(parameter);
            }
        }
    }
}
