using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>The shared sample API (samples/openapi), read from YAML and from its JSON twin.</summary>
public sealed class SampleDocumentTests
{
    public static TheoryData<string> Formats => new() { TestDocuments.SampleYaml, TestDocuments.SampleJson };

    private static OpenApiOperation Operation(OpenApiDocument document, string operationId) =>
        Assert.Single(document.Operations, operation => operation.OperationId == operationId);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reads_the_header_servers_and_every_operation_in_document_order(string name)
    {
        var document = TestDocuments.Sample(name);

        Assert.Equal(name, document.Path);
        Assert.Equal("K6Scenarios Sample API", document.Title);
        Assert.Equal("3.0.3", document.Version);
        Assert.Equal("1.0.0", document.ApiVersion);
        // http://localhost:{port}/{basePath} with basePath defaulting to "api", and https://perf.example.com/api.
        Assert.Equal(new[] { "/api" }, document.ServerBasePaths);
        Assert.Equal(
            new[]
            {
                "POST /auth/signin", "POST /bets/dice", "GET /bets/history", "GET /health", "POST /auth/register",
                "POST /auth/login", "GET /groups", "POST /groups", "GET /groups/{id}",
            },
            document.Operations.Select(operation => operation.Method + " " + operation.PathTemplate));
        Assert.Equal(
            new[] { "/auth/signin", "/bets/dice", "/bets/history", "/health", "/auth/register", "/auth/login", "/groups", "/groups/{id}" },
            document.PathTemplates);
        Assert.Empty(document.Warnings);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Sign_in_documents_201_not_200_and_requires_email_and_password(string name)
    {
        var signIn = Operation(TestDocuments.Sample(name), "signIn");

        Assert.True(signIn.DocumentsStatus(201));
        Assert.False(signIn.DocumentsStatus(200)); // the seed-000 bug: the check expected 200
        Assert.Equal(new[] { "201", "400", "401", "429" }, signIn.ResponseKeys);
        Assert.Equal(new[] { 201 }, signIn.DocumentedSuccessStatuses);
        Assert.Equal(new[] { 201, 400, 401, 429 }, signIn.DocumentedStatuses);
        Assert.False(signIn.HasDefaultResponse);

        Assert.True(signIn.RequestBodyRequired);
        Assert.Equal(new[] { "application/json" }, signIn.RequestBodyMediaTypes);
        var body = signIn.JsonRequestBody!;
        Assert.Equal("object", body.Type);
        Assert.Equal(new[] { "email", "password" }, body.Properties.Select(property => property.Key));
        Assert.Equal(new[] { "email", "password" }, body.Required);
        Assert.False(body.AllowsAdditionalProperties);
        Assert.Equal("{\"email\":\"user@example.com\",\"password\":\"string\"}", body.ExampleJson());

        var created = signIn.JsonResponseSchema(201)!;
        Assert.Equal(new[] { "accessToken" }, created.Properties.Select(property => property.Key));
        Assert.Equal("{\"accessToken\":\"eyJhbGciOiJIUzI1NiJ9.e30.signature\"}", created.ExampleJson());

        // 400 and 401 come from components.responses through $ref.
        Assert.Equal(new[] { "detail", "statusCode" }, signIn.JsonResponseSchema(401)!.Properties.Select(property => property.Key));
        Assert.Null(signIn.JsonResponseSchema(429)); // documented, but without a body
        Assert.Null(signIn.JsonResponseSchema(500));

        Assert.Empty(signIn.SecurityRequirements); // security: [] overrides the document's bearer requirement
        Assert.False(signIn.RequiresAuthentication);
        Assert.Empty(signIn.SecuritySchemeDescriptions);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Login_body_fields_are_username_and_password(string name)
    {
        var login = Operation(TestDocuments.Sample(name), "login");

        var body = login.JsonRequestBody!;
        Assert.Equal(new[] { "username", "password" }, body.Properties.Select(property => property.Key));
        Assert.Null(body.FindProperty("email")); // the seed-003 bug: the load test sent another field name
        Assert.True(body.IsRequired("username"));
        Assert.True(body.AllowsAdditionalProperties);
        Assert.Equal(new[] { 200 }, login.DocumentedSuccessStatuses);
        Assert.Equal(new[] { "access", "refresh" }, login.JsonResponseSchema(200)!.Properties.Select(property => property.Key));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Groups_inherit_the_document_bearer_requirement(string name)
    {
        var document = TestDocuments.Sample(name);
        var list = Operation(document, "listGroups");
        var create = Operation(document, "createGroup");

        foreach (var operation in new[] { list, create })
        {
            Assert.True(operation.RequiresAuthentication);
            var requirement = Assert.Single(operation.SecurityRequirements);
            Assert.Equal(new[] { "bearerAuth" }, requirement);
            Assert.Equal(new[] { "bearer (http)" }, operation.SecuritySchemeDescriptions);
            var scheme = Assert.Single(operation.SecuritySchemes);
            Assert.Equal("http", scheme.Type);
            Assert.Equal("bearer", scheme.Scheme);
            Assert.Equal("JWT", scheme.BearerFormat);
            Assert.Equal("Authorization", scheme.HeaderName);
        }

        Assert.Equal(new[] { 201 }, create.DocumentedSuccessStatuses);
        Assert.Equal(new[] { "name", "description" }, create.JsonRequestBody!.Properties.Select(property => property.Key));

        var page = Assert.Single(list.Parameters);
        Assert.Equal(("page", "query", false), (page.Name, page.In, page.Required));
        Assert.Equal("integer", page.Schema!.Type);

        var items = list.JsonResponseSchema(200)!;
        Assert.Equal("array", items.Type);
        Assert.Same(create.JsonResponseSchema(201), items.Items); // one Group schema object, shared
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Group_schema_merges_allOf_members(string name)
    {
        var group = Operation(TestDocuments.Sample(name), "getGroup").JsonResponseSchema(200)!;

        Assert.Equal("object", group.Type); // from the members: Group itself has only allOf
        Assert.Equal(new[] { "name", "description", "id", "owner", "createdAt" }, group.Properties.Select(property => property.Key));
        Assert.Equal(new[] { "name", "id" }, group.Required);
        Assert.Equal(new[] { "id", "username", "email" }, group.FindProperty("owner")!.Properties.Select(property => property.Key));
        Assert.Equal(
            "{\"name\":\"string\",\"description\":\"string\",\"id\":0,\"owner\":{\"id\":0,\"username\":\"string\",\"email\":\"user@example.com\"},\"createdAt\":\"2024-01-01T00:00:00Z\"}",
            group.ExampleJson());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Group_by_id_has_its_path_parameter_and_a_default_response(string name)
    {
        var get = Operation(TestDocuments.Sample(name), "getGroup");

        Assert.Equal(new[] { "id" }, get.PathParameterNames);
        var id = Assert.Single(get.Parameters);
        Assert.Equal(("id", "path", true), (id.Name, id.In, id.Required));
        Assert.True(get.HasDefaultResponse);
        Assert.False(get.DocumentsStatus(500)); // default does not make a status documented
        Assert.Equal(new[] { 200, 401, 404 }, get.DocumentedStatuses);
        // default's body is application/problem+json: a +json media type.
        Assert.Equal(new[] { "detail", "statusCode" }, get.JsonResponseSchema(500)!.Properties.Select(property => property.Key));
        Assert.Null(get.JsonResponseSchema(404));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Bet_history_accepts_a_bearer_token_or_an_api_key(string name)
    {
        var history = Operation(TestDocuments.Sample(name), "betHistory");

        Assert.Equal(new[] { new[] { "bearerAuth" }, new[] { "apiKeyAuth" } }, history.SecurityRequirements.Select(requirement => requirement.ToArray()));
        Assert.True(history.RequiresAuthentication);
        Assert.Equal(new[] { "bearer (http)", "apiKey in header X-API-Key" }, history.SecuritySchemeDescriptions);
        Assert.Equal(new string?[] { "Authorization", "X-API-Key" }, history.SecuritySchemes.Select(scheme => scheme.HeaderName));
        Assert.Equal(new[] { "page", "limit" }, history.Parameters.Select(parameter => parameter.Name));

        var page = history.JsonResponseSchema(200)!;
        var bet = page.FindProperty("items")!.Items!;
        Assert.True(bet.FindProperty("payout")!.IsNullable);
        Assert.Equal("uuid", bet.FindProperty("id")!.Format);
        Assert.Equal(
            "{\"items\":[{\"id\":\"00000000-0000-0000-0000-000000000000\",\"amount\":0,\"payout\":0,\"outcome\":\"win\",\"placedAt\":\"2024-01-01T00:00:00Z\"}],\"total\":0}",
            page.ExampleJson());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Health_is_unsecured(string name)
    {
        var health = Operation(TestDocuments.Sample(name), "health");

        Assert.False(health.RequiresAuthentication);
        Assert.Empty(health.SecurityRequirements);
        Assert.Equal(new[] { 200 }, health.DocumentedSuccessStatuses);
        Assert.Equal("{\"database\":\"up\",\"redis\":\"up\",\"memory\":\"up\"}", health.JsonResponseSchema(200)!.ExampleJson());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Declares_both_security_schemes(string name)
    {
        var schemes = TestDocuments.Sample(name).SecuritySchemes;

        Assert.Equal(new[] { "bearerAuth", "apiKeyAuth" }, schemes.Select(scheme => scheme.Name));
        Assert.All(schemes, scheme => Assert.True(scheme.IsDeclared));
        Assert.Equal(("apiKey", "header", "X-API-Key"), (schemes[1].Type, schemes[1].In, schemes[1].ParameterName));
    }

    [Theory]
    [InlineData("POST", "/api/auth/signin", "signIn")]
    [InlineData("post", "/auth/signin", "signIn")]
    [InlineData("GET", "/api/groups", "listGroups")]
    [InlineData("GET", "/groups", "listGroups")]
    [InlineData("POST", "/api/groups", "createGroup")]
    [InlineData("GET", "/api/groups/{id}", "getGroup")]
    [InlineData("GET", "/api/groups/{groupId}", "getGroup")]
    [InlineData("GET", "/groups/42", "getGroup")]
    [InlineData("GET", "/api/groups?page=2", "listGroups")]
    [InlineData("GET", "/api/health", "health")]
    [InlineData("GET", "/health", "health")]
    public void Finds_operations_with_or_without_the_base_path_and_with_any_placeholder_name(string method, string path, string operationId)
    {
        foreach (var name in new[] { TestDocuments.SampleYaml, TestDocuments.SampleJson })
        {
            var operation = TestDocuments.Sample(name).FindOperation(method, path);

            Assert.NotNull(operation);
            Assert.Equal(operationId, operation!.OperationId);
        }
    }

    [Theory]
    [InlineData("GET", "/api/auth/signin")] // the path exists, the method does not
    [InlineData("DELETE", "/api/groups/7")]
    [InlineData("GET", "/API/groups")] // literal segments are case-sensitive
    [InlineData("GET", "/api/groups/")] // so is a trailing slash (Django would redirect)
    [InlineData("GET", "/api/api/groups")]
    [InlineData("GET", "/groups/{id}/members")]
    [InlineData("GET", "/")]
    public void Does_not_find_undocumented_requests(string method, string path)
    {
        Assert.Null(TestDocuments.Sample(TestDocuments.SampleYaml).FindOperation(method, path));
    }

    [Fact]
    public void Finds_every_method_of_a_path_or_none()
    {
        var document = TestDocuments.Sample(TestDocuments.SampleYaml);

        Assert.Equal(new[] { "GET", "POST" }, document.FindOperationsForPath("/api/groups").Select(operation => operation.Method));
        Assert.Equal(new[] { "GET" }, document.FindOperationsForPath("/groups/{x}").Select(operation => operation.Method));
        Assert.Empty(document.FindOperationsForPath("/api/group"));
        Assert.Empty(document.FindOperationsForPath("/api/groups/1/2"));
    }

    [Fact]
    public void Yaml_and_json_twins_read_into_the_same_catalog()
    {
        Assert.Equal(Describe(TestDocuments.Sample(TestDocuments.SampleYaml)), Describe(TestDocuments.Sample(TestDocuments.SampleJson)));
    }

    /// <summary>Everything the reader exposes about the document, as text.</summary>
    private static string Describe(OpenApiDocument document)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", document.ServerBasePaths));
        foreach (var operation in document.Operations)
        {
            text.Append(operation.Method).Append(' ').Append(operation.PathTemplate).Append(' ').AppendLine(operation.OperationId);
            text.AppendLine(string.Join(",", operation.Parameters.Select(parameter => parameter.Name + ":" + parameter.In + ":" + parameter.Required)));
            text.AppendLine(operation.JsonRequestBody?.ExampleJson() ?? "no body");
            text.AppendLine(operation.RequestBodyRequired + " " + string.Join(",", operation.RequestBodyMediaTypes));
            foreach (var key in operation.ResponseKeys)
            {
                var status = key == "default" ? 599 : int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
                text.Append(key).Append(" => ").AppendLine(operation.JsonResponseSchema(status)?.ExampleJson() ?? "no body");
            }

            text.AppendLine(string.Join("|", operation.SecurityRequirements.Select(requirement => string.Join("+", requirement))));
            text.AppendLine(string.Join(",", operation.SecuritySchemeDescriptions));
        }

        return text.ToString();
    }
}
