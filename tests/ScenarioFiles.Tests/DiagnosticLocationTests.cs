using System.Linq;
using K6Scenarios.Diagnostics;
using K6Scenarios.Emitter;
using K6Scenarios.Emitter.OpenApi;
using K6Scenarios.ScenarioFiles.Tests.Support;

namespace K6Scenarios.ScenarioFiles.Tests;

/// <summary>Model validation, OpenAPI checks and the dry run report a YAML load test's problems at the YAML's line and column.</summary>
public sealed class DiagnosticLocationTests
{
    private const string File = "/work/checkout.k6s.yaml";

    private static ModelDiagnostic[] Emit(string yaml, EmitterOptions? options = null)
    {
        var read = ScenarioFileLoader.Parse(yaml, File);
        Assert.Empty(read.Diagnostics.Select(d => d.ToString()));
        return read.LoadTests.SelectMany(t => new K6ScriptEmitter(options).Emit(t).Diagnostics).ToArray();
    }

    private static void AssertAt(ModelDiagnostic[] diagnostics, RuleDescriptor rule, int line, int column)
    {
        var found = diagnostics.Where(d => d.Id == rule.Id).ToArray();
        Assert.True(found.Length > 0, rule.Id + " not reported; got:\n" + string.Join("\n", diagnostics.Select(d => d.ToString())));
        Assert.True(found.Any(d => d.Location is { FilePath: File } at && at.Line == line && at.Column == column), string.Join("\n", found.Select(d => d.ToString())));
        Assert.Contains(found, d => d.ToString().StartsWith(File + "(" + line + "," + column + "): ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Model_validation_points_at_the_scenario_the_threshold_and_the_stage()
    {
        var diagnostics = Emit("""
            baseUrls:
              api: { env: API_URL, default: "http://localhost:8080" }
            loadTests:
              - name: checkout
                baseUrl: api
                scenarios:
                  check.out:
                    executor: ramping-vus
                    stages:
                      - { duration: 0s, target: 10 }
                    flow:
                      - get: /products
                        expect: 200
                thresholds:
                  "http_req_duration{scenario:checkout}": p(95) < 500
            """);

        AssertAt(diagnostics, DiagnosticCatalog.InvalidScenarioName, 8, 9);
        AssertAt(diagnostics, DiagnosticCatalog.NoThinkTime, 8, 9);
        AssertAt(diagnostics, DiagnosticCatalog.StagesNeverRampDown, 10, 13);
        AssertAt(diagnostics, DiagnosticCatalog.ThresholdTagValueNeverProduced, 15, 47);
    }

    [Fact]
    public void Flow_rules_point_at_the_step()
    {
        var diagnostics = Emit("""
            baseUrls:
              api: { env: API_URL, default: "http://localhost:8080" }
            loadTests:
              - name: checkout
                baseUrl: api
                scenarios:
                  checkout:
                    executor: shared-iterations
                    flow:
                      - think: 1s
                      - get: /orders/{id}
                        expect: 200
            """);

        AssertAt(diagnostics, DiagnosticCatalog.PathParameterNotFilled, 11, 13);
    }

    [Fact]
    public void OpenApi_checks_point_at_the_request()
    {
        var document = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "k6s-openapi-" + System.Guid.NewGuid().ToString("N") + ".yaml");
        System.IO.File.WriteAllText(document, """
            openapi: 3.0.3
            info: { title: Shop, version: 1.0.0 }
            paths:
              /orders:
                post:
                  responses:
                    "201": { description: Created }
            """);
        try
        {
            var diagnostics = Emit("""
                baseUrls:
                  api: { env: API_URL, default: "http://localhost:8080" }
                loadTests:
                  - name: checkout
                    baseUrl: api
                    scenarios:
                      checkout:
                        executor: shared-iterations
                        flow:
                          - think: 1s
                          - post: /orders
                            json: { sku: A1 }
                            expect: 200
                """, new EmitterOptions { OpenApiDocuments = [OpenApiSource.Load(document, null)] });

            AssertAt(diagnostics, DiagnosticCatalog.StatusNotDocumented, 11, 13);
        }
        finally
        {
            System.IO.File.Delete(document);
        }
    }

    [Fact]
    public void Dry_run_failures_point_at_the_step_that_failed()
    {
        var diagnostics = Emit("""
            baseUrls:
              api: { env: API_URL, default: "http://localhost:8080" }
            loadTests:
              - name: checkout
                baseUrl: api
                scenarios:
                  checkout:
                    executor: shared-iterations
                    flow:
                      - think: 1s
                      - post: /orders
                        json: { sku: A1 }
                        expect: 201
                        respondsLike: { id: 7 }
                        capture:
                          total: { json: total }
            """);

        AssertAt(diagnostics, DiagnosticCatalog.ScriptValidationFailed, 11, 13);
    }

    [Fact]
    public void A_kubernetes_name_the_api_server_refuses_points_at_the_kubernetes_settings()
    {
        var diagnostics = Emit("""
            baseUrls:
              api: { env: API_URL, default: "http://localhost:8080" }
            loadTests:
              - name: checkout
                baseUrl: api
                kubernetes:
                  parallelism: 2
                  namespace: Perf_Team
                scenarios:
                  checkout:
                    executor: shared-iterations
                    flow:
                      - get: /products
                        expect: 200
                      - think: 1s
            """);

        Assert.Equal("kubernetes.namespace", Assert.Single(diagnostics, d => d.IsError).Path);
        AssertAt(diagnostics, DiagnosticCatalog.InvalidSettingValue, 7, 7);
    }
}
