using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace K6Scenarios.Analyzers.Tests.Rules;

/// <summary>
/// K6S0990 (an analyzer failed) must never be reported, nor AD0001 (an analyzer threw): not on any sample, not on
/// sources cut off anywhere while being typed, not on OpenAPI documents that are malformed in any way.
/// <see cref="AnalyzerRunner.AnalyzeAsync"/> fails the test on either.
/// </summary>
public sealed class K6S0990Tests
{
    /// <summary>Requests that reach every OpenAPI rule: paths, methods, statuses, bodies, placeholders, credentials.</summary>
    private static readonly string RequestsOfEveryKind = Code.Wrap("""
            public static LoadTest Everything() => LoadTest.Create("everything")
                .BaseUrl("API_URL", "http://localhost:4000/api")
                .ExpectedStatuses(200, 418)
                .Scenario("all", s => s.ConstantVus(10, TimeSpan.FromSeconds(30)).WithUsers(Users, PoolSelection.UniquePerVu).Flow(f => f
                    .Post("/auth/login", r => r.JsonBody(new { email = Users.Field("email"), password = Users.Field("password") }).Capture(Token, CaptureSource.Json("access")).ExpectStatus(200))
                    .Post("/auth/signin", r => r.JsonBody(new Dictionary<string, object> { ["usernme"] = "u" }).ExpectStatus(HttpStatusCode.OK))
                    .Get("/groups/{groupId}", r => r.PathParameter("groupId", 1))
                    .Get("/groups/{id}", r => r.PathParameter("id", 1).ExpectStatus(204))
                    .Delete("/health")
                    .Get("/nowhere")
                    .Post("/groups", r => r.JsonBody(new { name = "n" }))
                    .ThinkTime(TimeSpan.FromSeconds(1))));
        """);

    public static TheoryData<string> SampleFiles() => new(Samples.SourceFiles);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task No_analyzer_or_fix_fails_on_a_sample_or_on_it_cut_off_anywhere(string relativePath)
    {
        var text = Samples.Read(relativePath);
        foreach (var version in BrokenVersions(text).Prepend(text))
        {
            var project = AnalyzerRunner.CreateProject(version, TestAdditionalFile.OpenApi(Samples.ApiYaml, "API_URL"));

            var diagnostics = await AnalyzerRunner.AnalyzeAsync(project);

            foreach (var (_, action) in await AnalyzerRunner.OfferedFixesAsync(project, diagnostics))
            {
                Assert.NotEmpty(await action.GetOperationsAsync(default));
            }
        }
    }

    [Fact]
    public async Task No_analyzer_fails_on_a_malformed_or_truncated_openapi_document()
    {
        var project = AnalyzerRunner.CreateProject(RequestsOfEveryKind, TestAdditionalFile.OpenApi(Documents.Api, "API_URL"));
        var document = project.AdditionalDocuments.Single();
        Assert.Empty(await AnalyzerRunner.CompilerErrorsAsync(project));
        var intact = await AnalyzerRunner.AnalyzeAsync(project);
        Assert.Superset(
            new HashSet<string> { "K6S0502", "K6S0503", "K6S0504", "K6S0505", "K6S0506", "K6S0507", "K6S0509" },
            intact.Select(d => d.Id).ToHashSet());
        var checkedVersions = 0;

        foreach (var version in MalformedDocuments())
        {
            // Only the document changes: the compilation is reused, the analyzers read the new text.
            var variant = project.Solution.WithAdditionalDocumentText(document.Id, SourceText.From(version)).GetProject(project.Id)!;
            await AnalyzerRunner.AnalyzeAsync(variant);
            checkedVersions++;
        }

        Assert.True(checkedVersions > 100, checkedVersions + " versions");
    }

    /// <summary>
    /// A sampled subset of the source's prefixes (what an editor holds while the file is typed top to bottom): cut
    /// after every third line and in the middle of every sixth; and the source with every third line removed.
    /// </summary>
    private static IEnumerable<string> BrokenVersions(string text)
    {
        var lines = text.Split('\n');
        var end = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (i % 6 == 1 && lines[i].Length > 1)
            {
                yield return text.Substring(0, end + (lines[i].Length / 2));
            }

            end += lines[i].Length + 1;
            if (i % 3 == 2 && end < text.Length)
            {
                yield return text.Substring(0, end);
            }
        }

        for (var offset = 0; offset < 3; offset++)
        {
            yield return string.Join('\n', lines.Where((_, index) => index % 3 != offset));
        }
    }

    /// <summary>Documents broken in every way a person or a tool breaks them.</summary>
    private static IEnumerable<string> MalformedDocuments()
    {
        // Prefixes of the YAML and JSON forms of the sample API and of the test API, cut at line ends and inside lines.
        foreach (var (document, step) in new[] { (Samples.ApiYaml, 16), (Samples.ApiJson, 32), (Documents.Api, 4) })
        {
            var lines = document.Split('\n');
            var end = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                if (i % step == 0)
                {
                    yield return document.Substring(0, end);
                }

                if (i % step == step / 2 && lines[i].Length > 2)
                {
                    yield return document.Substring(0, end + (lines[i].Length / 2));
                }

                end += lines[i].Length + 1;
            }

            // Lines swapped or dropped break the indentation and the nesting.
            yield return string.Join('\n', lines.Where((_, index) => index % 5 != 3));
            yield return string.Join('\n', lines.Select(l => l.TrimStart()));
            yield return document.Replace("  ", "\t", StringComparison.Ordinal);
        }

        yield return string.Empty;
        yield return "\uFEFF";
        yield return "\0\0\0";
        yield return "{";
        yield return "[";
        yield return "]]]";
        yield return ":";
        yield return "- - -";
        yield return "openapi: 3.0.3\npaths: [unclosed\n";
        yield return "openapi: 3.0.3\npaths: {unclosed\n";
        yield return "openapi: 3.0.3\npaths: 'unterminated\n";
        yield return "openapi: 3.0.3\npaths: \"unterminated \\\n";
        yield return "openapi: 3.0.3\npaths: 5";
        yield return "openapi: 3.0.3\npaths: null";
        yield return "openapi: [3]\npaths: {}";
        yield return "openapi: 3.0.3\nservers: 5\npaths: {}";
        yield return "openapi: 3.0.3\nservers: [{url: 5}, {url: '::'}, {url: 'http://[bad'}, 7]\npaths: {}";
        yield return "openapi: 3.0.3\nsecurity: 5\npaths:\n  /groups:\n    get:\n      security: [5, {bearer: 5}]\n      responses: {}";
        yield return "openapi: 3.0.3\ncomponents: {securitySchemes: {bearer: 5, x: {type: 5}, y: {type: apiKey, in: 5}}}\nsecurity: [{bearer: []}, {missing: []}]\npaths:\n  /groups: {get: {responses: {'200': {}}}}";
        yield return "openapi: 3.0.3\npaths:\n  /groups: 5\n  /health: [get]\n  nothing: {get: {}}\n  '': {}";
        yield return "openapi: 3.0.3\npaths:\n  /groups:\n    get: [1, 2]\n    post: 5\n    parameters: 5";
        yield return "openapi: 3.0.3\npaths:\n  /groups:\n    get:\n      responses: 7";
        yield return "openapi: 3.0.3\npaths:\n  /groups:\n    get:\n      responses: {abc: {}, '999999999999999999999': {}, 2XX: {}, default: {}, '-1': {}}";
        yield return "openapi: 3.0.3\npaths:\n  /groups/{id}:\n    get:\n      parameters: [5, {name: 5}, {in: path}, {name: id, in: 5}, {$ref: '#/nowhere'}]\n      responses: {'200': {}}";
        yield return "openapi: 3.0.3\npaths:\n  /groups/{id}{:\n    get: {responses: {'200': {}}}\n  /groups/{}:\n    get: {responses: {'200': {}}}\n  /{a}/{a}: {get: {}}";
        yield return "openapi: 3.0.3\npaths:\n  /auth/login:\n    post:\n      requestBody: 5\n      responses: {'200': {}}\n  /auth/signin:\n    post:\n      requestBody: {content: 5}";
        yield return "openapi: 3.0.3\npaths:\n  /auth/login:\n    post:\n      requestBody: {content: {application/json: {schema: {type: object, required: 5, properties: [1, 2]}}}}\n  /auth/signin:\n    post:\n      requestBody: {content: {application/json: {schema: {required: [5, [], {}], properties: {a: 5}}}}}";
        yield return "openapi: 3.0.3\npaths:\n  /auth/login:\n    post:\n      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}\n  /auth/signin:\n    post:\n      requestBody: {$ref: 5}";
        yield return "openapi: 3.0.3\npaths:\n  /auth/login:\n    post:\n      requestBody: {content: {application/json: {schema: {allOf: 5, oneOf: [5], anyOf: [{$ref: 7}]}}}}";
        yield return "openapi: 3.0.3\npaths:\n  /auth/login:\n    post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Login'}}}}}\ncomponents:\n  schemas:\n    Login: {$ref: '#/components/schemas/Login'}";
        yield return "openapi: 3.0.3\npaths:\n  /auth/login:\n    post: {requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}}\ncomponents:\n  schemas:\n    A: {allOf: [{$ref: '#/components/schemas/B'}]}\n    B: {allOf: [{$ref: '#/components/schemas/A'}], required: [x]}";
        yield return "openapi: 3.0.3\npaths:\n  /groups: &a\n    get: *a\n";
        yield return "openapi: 3.0.3\npaths:\n  /groups: *undefined\n";
        yield return "openapi: 3.0.3\nopenapi: 3.1.0\npaths:\n  /groups: {get: {responses: {'200': {}}}}\n  /groups: {post: {responses: {'201': {}}}}";
        yield return "openapi: 3.0.3\npaths: !!binary aGVsbG8=\n";
        yield return "%YAML 1.2\n---\nopenapi: 3.0.3\n...\n---\npaths: {}\n";
        yield return "openapi: 3.0.3\npaths:\n  /groups:\n    get:\n      responses:\n        '200': {description: \"\\uZZZZ\"}";
        yield return new string('[', 100) + new string(']', 100);
        yield return "openapi: 3.0.3\npaths:\n" + string.Concat(Enumerable.Range(0, 100).Select(i => new string(' ', 2 * (i + 1)) + "k" + i + ":\n"));
        yield return "{\"openapi\": \"3.0.3\", \"paths\": null}";
        yield return "{\"openapi\": \"3.0.3\", \"paths\": {\"/groups\": null, \"/health\": {\"get\": null}}}";
        yield return "{\"openapi\": \"3.0.3\", \"paths\": {\"/groups\": {\"get\": {\"responses\": {\"200\": ";
        yield return "{\"openapi\": \"3.0.3\", \"paths\": {\"/groups\": {\"get\": {\"responses\": {\"200\": {}}}}}} trailing";
        yield return "{\"openapi\": \"3.0.3\", \"paths\": {\"/groups\": {\"get\": {\"responses\": {\"200\": {\"description\": \"\\uD800\"}}}}}}";
        yield return "{\"openapi\": 3e999999, \"paths\": {\"/a\": {\"get\": {\"responses\": {\"200\": {}}}}}, \"x\": -0, \"y\": 1e-999}";
        yield return "{'openapi': '3.0.3', paths: {,}}";
    }
}
