using System;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Emitter.Tests.Support;
using K6Scenarios.Model;
using YamlDotNet.RepresentationModel;

namespace K6Scenarios.Emitter.Tests.Distribution;

public sealed class TestRunManifestTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k6s-k8s-").FullName;

    private LoadTest Test(int users, Func<KubernetesRun, KubernetesRun>? configure = null)
    {
        var entries = string.Join(",", Enumerable.Range(1, users).Select(i => "{\"email\":\"user" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@example.test\"}"));
        File.WriteAllText(Path.Combine(_directory, "users.json"), "[" + entries + "]");
        var pool = UserPool.FromJsonFile("users", "users.json", ["email"]);
        return LoadTest.Create("Signin_Storm")
            .BaseUrl("API_URL", "http://api")
            .Scenario("signin", s => s
                .ConstantVus(4000, TimeSpan.FromMinutes(1))
                .WithUsers(pool, PoolSelection.UniquePerVu)
                .Flow(f => f.Post("/signin", r => r
                    .Header("X-Tenant", Value.Env("TENANT"))
                    .JsonBody(new { email = pool.Field("email"), password = Value.Secret("PASSWORD") })
                    .ExpectStatus(201)).ThinkTime(TimeSpan.FromSeconds(1))))
            .Output("experimental-prometheus-rw")
            .RunOnKubernetes(4, configure);
    }

    private static YamlMappingNode Node(YamlNode node, params string[] path) =>
        (YamlMappingNode)path.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]);

    [Fact]
    public void The_manifest_holds_a_config_map_with_the_files_and_a_test_run_that_uses_it()
    {
        var result = Emit.Unvalidated(Test(5000, k => k with { Namespace = "perf", SecretName = "signin-secrets", RunnerImage = "grafana/k6:1.4.0" }), _directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var manifest = result.Output!.Files.Single(f => f.RelativePath == "Signin_Storm.testrun.yaml");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(Encoding.UTF8.GetString(manifest.Content.Span)));
        Assert.Equal(2, yaml.Documents.Count);

        var configMap = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("ConfigMap", configMap["kind"].ToString());
        Assert.Equal("signin-storm", Node(configMap, "metadata")["name"].ToString());
        Assert.Equal("perf", Node(configMap, "metadata")["namespace"].ToString());
        Assert.Equal(result.Output.Script, Node(configMap, "data")["Signin_Storm.js"].ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(_directory, "users.json")), Node(configMap, "data")["Signin_Storm.users.json"].ToString());

        var testRun = (YamlMappingNode)yaml.Documents[1].RootNode;
        Assert.Equal("k6.io/v1alpha1", testRun["apiVersion"].ToString());
        Assert.Equal("TestRun", testRun["kind"].ToString());
        var spec = Node(testRun, "spec");
        Assert.Equal("4", spec["parallelism"].ToString());
        Assert.Equal("signin-storm", Node(spec, "script", "configMap")["name"].ToString());
        Assert.Equal("Signin_Storm.js", Node(spec, "script", "configMap")["file"].ToString());
        Assert.Equal("--secret-source=file=/etc/k6-secrets/secrets.txt --out experimental-prometheus-rw", spec["arguments"].ToString());
        var runner = Node(spec, "runner");
        Assert.Equal("grafana/k6:1.4.0", runner["image"].ToString());

        // The secret reaches k6 through its file source; the required non-secret setting through env (which the
        // initializer passes to `k6 archive` as -e, so it must never be a secret).
        var env = (YamlSequenceNode)runner["env"];
        var tenant = (YamlMappingNode)Assert.Single(env.Children);
        Assert.Equal("TENANT", tenant["name"].ToString());
        Assert.Equal("signin-secrets", Node(tenant, "valueFrom", "secretKeyRef")["name"].ToString());
        var volume = (YamlMappingNode)Assert.Single(((YamlSequenceNode)runner["volumes"]).Children);
        Assert.Equal("signin-secrets", Node(volume, "secret")["secretName"].ToString());
        var item = (YamlMappingNode)Assert.Single(((YamlSequenceNode)Node(volume, "secret")["items"]).Children);
        Assert.Equal("secrets.txt", item["key"].ToString());
        var mount = (YamlMappingNode)Assert.Single(((YamlSequenceNode)runner["volumeMounts"]).Children);
        Assert.Equal(volume["name"].ToString(), mount["name"].ToString());
        Assert.Equal("/etc/k6-secrets", mount["mountPath"].ToString());
        Assert.Equal("true", mount["readOnly"].ToString());
        Assert.DoesNotContain("PASSWORD", string.Join("\n", env.Children.Select(e => e.ToString())), StringComparison.Ordinal);
        Assert.Contains("# Secrets: kubectl create secret generic signin-secrets --from-file=secrets.txt=<file>, the file holding one NAME=value line for each of PASSWORD", Encoding.UTF8.GetString(manifest.Content.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_map_over_one_mebibyte_is_an_error()
    {
        var result = Emit.Unvalidated(Test(40_000), _directory);
        Assert.False(result.Succeeded);
        Assert.Equal("K6S0908", Assert.Single(result.Diagnostics, d => d.IsError).Id);
    }

    [Theory]
    [InlineData("Signin_Storm", "signin-storm")]
    [InlineData("--weird..name--", "weird--name")]
    public void Resource_names_are_dns_labels(string name, string expected) =>
        Assert.Equal(expected, K6Scenarios.Emitter.Distribution.TestRunManifest.ResourceName(name));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
