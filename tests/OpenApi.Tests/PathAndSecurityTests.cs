using System.Linq;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>Path matching rules, server base paths and security requirements.</summary>
public sealed class PathAndSecurityTests
{
    private const string Users = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /users/{id}:
            get: {operationId: byId, responses: {'200': {description: ok}}}
            delete: {operationId: remove, responses: {'204': {description: ok}}}
          /users/me:
            get: {operationId: me, responses: {'200': {description: ok}}}
          /files/{name}.json:
            get: {operationId: jsonFile, responses: {'200': {description: ok}}}
          /files/{name}:
            get: {operationId: file, responses: {'200': {description: ok}}}
          /reports/{year}-{month}:
            get: {operationId: report, responses: {'200': {description: ok}}}
          /items/:
            get: {operationId: items, responses: {'200': {description: ok}}}
        """;

    [Theory]
    [InlineData("GET", "/users/me", "me")] // a literal path wins over a template
    [InlineData("GET", "/users/42", "byId")]
    [InlineData("GET", "/users/{userId}", "byId")] // a request placeholder never matches the literal "me"
    [InlineData("DELETE", "/users/me", "remove")] // /users/me has no DELETE: the template does
    [InlineData("GET", "/files/report.json", "jsonFile")]
    [InlineData("GET", "/files/{fileName}.json", "jsonFile")]
    [InlineData("GET", "/files/report.csv", "file")]
    [InlineData("GET", "/files/{fileName}", "file")]
    [InlineData("GET", "/reports/2024-05", "report")]
    [InlineData("GET", "/reports/{y}-{m}", "report")]
    [InlineData("GET", "/items/", "items")]
    [InlineData("GET", "items/", "items")]
    [InlineData("GET", "/users/me#fragment", "me")]
    [InlineData("GET", "https://api.example.com/users/me?x=1", "me")]
    public void Matches_the_most_specific_template(string method, string path, string operationId)
    {
        Assert.Equal(operationId, TestDocuments.ReadOk(Users).FindOperation(method, path)?.OperationId);
    }

    [Theory]
    [InlineData("GET", "/users")]
    [InlineData("GET", "/users/")]
    [InlineData("GET", "/Users/me")]
    [InlineData("GET", "/files/")] // a placeholder needs at least one character
    [InlineData("GET", "/reports/2024")]
    [InlineData("GET", "/items")]
    [InlineData("PATCH", "/users/1")]
    public void Does_not_match_other_paths(string method, string path)
    {
        Assert.Null(TestDocuments.ReadOk(Users).FindOperation(method, path));
    }

    [Fact]
    public void Path_parameter_names_come_from_the_template()
    {
        var document = TestDocuments.ReadOk(Users);

        Assert.Equal(new[] { "year", "month" }, document.FindOperation("GET", "/reports/1-2")!.PathParameterNames);
        Assert.Empty(document.FindOperation("GET", "/users/me")!.PathParameterNames);
    }

    [Theory]
    [InlineData("https://api.example.com/v1/", "/v1")]
    [InlineData("http://localhost:8080", "")]
    [InlineData("/api", "/api")]
    [InlineData("api/v2", "/api/v2")]
    [InlineData("/", "")]
    [InlineData("//cdn.example.com/assets", "/assets")]
    [InlineData("https://{region}.example.com/{version}", "/v3")]
    [InlineData("https://example.com/api?debug=1", "/api")]
    public void Server_base_path_is_the_path_of_the_url_with_variable_defaults(string url, string basePath)
    {
        var text = "openapi: 3.0.3\n"
            + "servers:\n"
            + "  - url: '" + url + "'\n"
            + "    variables:\n"
            + "      region: {default: eu}\n"
            + "      version: {default: v3, enum: [v2, v3]}\n"
            + "paths: {}\n";

        Assert.Equal(new[] { basePath }, TestDocuments.ReadOk(text).ServerBasePaths);
    }

    [Fact]
    public void Without_servers_the_base_path_is_empty()
    {
        Assert.Equal(new[] { string.Empty }, TestDocuments.ReadOk("openapi: 3.0.3\npaths: {}\n").ServerBasePaths);
    }

    [Fact]
    public void Each_distinct_base_path_is_tried()
    {
        const string text = """
            openapi: 3.0.3
            servers:
              - url: https://a.example.com/v1
              - url: https://b.example.com/v1
              - url: https://c.example.com/legacy/api
            paths:
              /ping:
                get: {operationId: ping, responses: {'200': {description: ok}}}
            """;
        var document = TestDocuments.ReadOk(text);

        Assert.Equal(new[] { "/v1", "/legacy/api" }, document.ServerBasePaths);
        Assert.Equal("ping", document.FindOperation("GET", "/v1/ping")?.OperationId);
        Assert.Equal("ping", document.FindOperation("GET", "/legacy/api/ping")?.OperationId);
        Assert.Null(document.FindOperation("GET", "/v1ping"));
        Assert.Null(document.FindOperation("GET", "/v2/ping"));
    }

    private const string Secured = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        security:
          - oauth: [read]
            apiKey: []
        paths:
          /inherited:
            get: {responses: {'200': {description: ok}}}
          /open:
            get: {security: [], responses: {'200': {description: ok}}}
          /optional:
            get:
              security:
                - {}
                - basic: []
              responses: {'200': {description: ok}}
          /undeclared:
            get:
              security: [{ghost: []}]
              responses: {'200': {description: ok}}
          /cookie:
            get:
              security: [{session: []}, {oidc: []}]
              responses: {'200': {description: ok}}
        components:
          securitySchemes:
            oauth:
              type: oauth2
              flows: {clientCredentials: {tokenUrl: /token, scopes: {read: read}}}
            apiKey: {type: apiKey, in: query, name: api_key}
            basic: {type: http, scheme: Basic}
            session: {type: apiKey, in: cookie, name: sid}
            oidc: {type: openIdConnect, openIdConnectUrl: https://id.example.com}
        """;

    [Fact]
    public void Document_security_applies_unless_the_operation_overrides_it()
    {
        var document = TestDocuments.ReadOk(Secured);

        var inherited = document.FindOperation("GET", "/inherited")!;
        var requirement = Assert.Single(inherited.SecurityRequirements);
        Assert.Equal(new[] { "oauth", "apiKey" }, requirement); // both schemes together
        Assert.True(inherited.RequiresAuthentication);
        Assert.Equal(new[] { "oauth2", "apiKey in query api_key" }, inherited.SecuritySchemeDescriptions);
        Assert.Equal(new string?[] { "Authorization", null }, inherited.SecuritySchemes.Select(scheme => scheme.HeaderName));

        var open = document.FindOperation("GET", "/open")!;
        Assert.Empty(open.SecurityRequirements);
        Assert.False(open.RequiresAuthentication);
    }

    [Fact]
    public void An_empty_requirement_allows_anonymous_access()
    {
        var optional = TestDocuments.ReadOk(Secured).FindOperation("GET", "/optional")!;

        Assert.Equal(new[] { 0, 1 }, optional.SecurityRequirements.Select(requirement => requirement.Count));
        Assert.False(optional.RequiresAuthentication);
        Assert.Equal(new[] { "basic (http)" }, optional.SecuritySchemeDescriptions); // the scheme name is lower-cased
    }

    [Fact]
    public void Undeclared_schemes_are_described_and_warned_about()
    {
        var document = TestDocuments.ReadOk(Secured, "secured.yaml");
        var undeclared = document.FindOperation("GET", "/undeclared")!;

        Assert.True(undeclared.RequiresAuthentication);
        var scheme = Assert.Single(undeclared.SecuritySchemes);
        Assert.False(scheme.IsDeclared);
        Assert.Null(scheme.HeaderName);
        Assert.Equal(new[] { "ghost (undeclared)" }, undeclared.SecuritySchemeDescriptions);
        Assert.Equal(new[] { "secured.yaml(19,17): security scheme 'ghost' is not declared in components.securitySchemes" }, document.Warnings);
    }

    [Fact]
    public void Cookie_keys_and_openid_connect_are_described()
    {
        var cookie = TestDocuments.ReadOk(Secured).FindOperation("GET", "/cookie")!;

        Assert.Equal(new[] { "apiKey in cookie sid", "openIdConnect" }, cookie.SecuritySchemeDescriptions);
        Assert.Equal(new string?[] { null, "Authorization" }, cookie.SecuritySchemes.Select(scheme => scheme.HeaderName));
    }

    [Fact]
    public void Response_keys_that_are_not_statuses_are_ignored_with_a_warning()
    {
        const string text = """
            openapi: 3.0.3
            paths:
              /a:
                get:
                  responses:
                    '200': {description: ok}
                    2xx: {description: lower-case range}
                    '600': {description: not a status}
                    x-note: {description: extension}
            """;
        var document = TestDocuments.ReadOk(text, "a.yaml");
        var operation = Assert.Single(document.Operations);

        Assert.Equal(new[] { "200", "2xx" }, operation.ResponseKeys);
        Assert.True(operation.DocumentsStatus(204)); // by the range
        Assert.False(operation.DocumentsStatus(600));
        Assert.Equal(new[] { "a.yaml(8,9): response key '600' is not a status code, a range such as 2XX, or 'default'; it is ignored" }, document.Warnings);
    }

    [Fact]
    public void Operations_keep_document_order_and_upper_case_methods()
    {
        const string text = """
            openapi: 3.0.3
            paths:
              /b:
                summary: not an operation
                patch: {responses: {'200': {description: ok}}}
                options: {responses: {'200': {description: ok}}}
                x-ext: {}
              /a:
                trace: {responses: {'200': {description: ok}}}
                head: {responses: {'200': {description: ok}}}
            """;
        var document = TestDocuments.ReadOk(text);

        Assert.Equal(new[] { "PATCH /b", "OPTIONS /b", "TRACE /a", "HEAD /a" }, document.Operations.Select(operation => operation.Method + " " + operation.PathTemplate));
        Assert.Equal((5, 5), (document.Operations[0].Line, document.Operations[0].Column));
    }
}
