using System;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Emitter.Distribution;
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

    /// <summary>The hostile-string corpus's atoms and mixtures (K6Emitter.Tests/Hostile).</summary>
    public static TheoryData<string> HostileCorpus() => new(K6Scenarios.Testing.Hostile.HostileStrings.Generate(60));

    private static string ManifestText(EmitResult result) =>
        Encoding.UTF8.GetString(result.Output!.Files.Single(f => f.RelativePath == "Signin_Storm.testrun.yaml").Content.Span);

    private static YamlStream Load(string manifest)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(manifest));
        return yaml;
    }

    private static YamlMappingNode Node(YamlNode node, params string[] path) =>
        (YamlMappingNode)path.Aggregate(node, (current, key) => ((YamlMappingNode)current)[key]);

    [Fact]
    public void The_manifest_holds_a_config_map_with_the_files_and_a_test_run_that_uses_it()
    {
        var result = Emit.Unvalidated(Test(5000, k => k with { Namespace = "perf", SecretName = "signin-secrets", RunnerImage = "grafana/k6:1.4.0" }), _directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var text = ManifestText(result);
        var yaml = Load(text);
        Assert.Equal(2, yaml.Documents.Count);

        var configMap = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.Equal("ConfigMap", configMap["kind"].ToString());
        Assert.Equal("signin-storm", Node(configMap, "metadata")["name"].ToString());
        Assert.Equal("perf", Node(configMap, "metadata")["namespace"].ToString());
        Assert.Equal(result.Output!.Script, Node(configMap, "data")["Signin_Storm.js"].ToString());
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
        Assert.Contains("# Secrets: kubectl create secret generic signin-secrets --from-file=secrets.txt=<file>, the file holding one NAME=value line for each of PASSWORD", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s\n---\nkind: Pod\nmetadata: {name: evil}\n#")]
    [InlineData("s\r\nspec: {parallelism: 99}")]
    [InlineData("s\u2028\u0085# \"quoted\" 'single' {flow} [seq] &anchor *alias !tag %directive @ ` | > :")]
    [MemberData(nameof(HostileCorpus))]
    public void User_strings_cannot_add_or_change_manifest_content(string hostile)
    {
        // Model validation refuses most of these as Kubernetes names (K6S0115, below), so the writer gets them directly:
        // its escaping must hold for whatever string reaches it.
        var test = Test(5000);
        var result = Emit.Unvalidated(test, _directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var run = test.Kubernetes! with { Namespace = hostile, SecretName = hostile, RunnerImage = hostile, Arguments = ["--tag", hostile] };
        var dataFiles = result.Output!.Files.Where(f => !f.RelativePath.EndsWith(".testrun.yaml", StringComparison.Ordinal)).ToList();
        var text = TestRunManifest.Write(test, run, "Signin_Storm", result.Output.Script, dataFiles, ["TENANT"], ["PASSWORD"]).Yaml;

        // The header is comment lines only, and the two documents carry every string as it was given.
        Assert.All(text[..text.IndexOf("apiVersion", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("#", line, StringComparison.Ordinal));
        var yaml = Load(text);
        Assert.Equal(2, yaml.Documents.Count);
        Assert.Equal(["ConfigMap", "TestRun"], yaml.Documents.Select(d => ((YamlMappingNode)d.RootNode)["kind"].ToString()));
        var testRun = (YamlMappingNode)yaml.Documents[1].RootNode;
        Assert.Equal(hostile, Node(testRun, "metadata")["namespace"].ToString());
        Assert.Equal("4", Node(testRun, "spec")["parallelism"].ToString());
        Assert.EndsWith("--tag " + hostile, Node(testRun, "spec")["arguments"].ToString(), StringComparison.Ordinal);
        var runner = Node(testRun, "spec", "runner");
        Assert.Equal(hostile, runner["image"].ToString());
        Assert.Equal(hostile, Node(Assert.Single(((YamlSequenceNode)runner["volumes"]).Children), "secret")["secretName"].ToString());
    }

    [Theory]
    [InlineData("\r\n", "-")]
    [InlineData("\n", "\u2028")]
    [InlineData("\n", "\u2029")]
    [InlineData("\r\n", "\u0085")]
    [InlineData("\n", "\ufeff")]
    public void Data_files_reach_the_runners_byte_for_byte(string lineBreak, string inName)
    {
        // The pool file Test writes, rewritten: the same users, other line breaks between them, and an email with a character
        // that YAML reads as a line break (or drops).
        var test = Test(5000);
        var path = Path.Combine(_directory, "users.json");
        var original = File.ReadAllText(path);
        File.WriteAllText(path, "[" + lineBreak + original[1..^1].Replace(",", "," + lineBreak, StringComparison.Ordinal).Replace("user1@", "us" + inName + "er1@", StringComparison.Ordinal) + "]" + lineBreak);
        var bytes = File.ReadAllBytes(path);
        var result = Emit.Unvalidated(test, _directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var yaml = Load(ManifestText(result));
        var configMap = (YamlMappingNode)yaml.Documents[0].RootNode;
        var data = configMap.Children.TryGetValue("data", out var text) && ((YamlMappingNode)text).Children.TryGetValue("Signin_Storm.users.json", out var literal)
            ? Encoding.UTF8.GetBytes(literal.ToString())
            : Convert.FromBase64String(Node(configMap, "binaryData")["Signin_Storm.users.json"].ToString());
        Assert.Equal(bytes, data);
    }

    [Theory]
    [InlineData("Perf", null, null)]
    [InlineData("perf-", null, null)]
    [InlineData("perf.team", null, null)]
    [InlineData("p\nkind: Pod", null, null)]
    [InlineData(null, "Signin_Secrets", null)]
    [InlineData(null, "signin..secrets", null)]
    [InlineData(null, ".signin", null)]
    [InlineData(null, null, "grafana/k6:1.4.0 --privileged")]
    [InlineData(null, null, " grafana/k6")]
    [InlineData(null, null, "")]
    public void Names_kubernetes_refuses_are_errors_before_any_manifest_is_written(string? ns, string? secretName, string? image)
    {
        var result = Emit.Unvalidated(Test(5000, k => k with { Namespace = ns, SecretName = secretName, RunnerImage = image }), _directory);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("K6S0115", error.Id);
        Assert.Equal(ns is not null ? "kubernetes.namespace" : secretName is not null ? "kubernetes.secretName" : "kubernetes.runnerImage", error.Path);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Null(result.Output);

        // At the RunOnKubernetes call, not at LoadTest.Create.
        Assert.EndsWith(nameof(TestRunManifestTests) + ".cs", error.Location!.FilePath, StringComparison.Ordinal);
        Assert.Equal(result.LoadTest.DefinedAt!.Line + 10, error.Location.Line);
    }

    [Theory]
    [InlineData("perf", "signin-secrets", "grafana/k6:1.4.0")]
    [InlineData("a", "a", "registry.example.test:5000/team/k6@sha256:0123456789abcdef")]
    [InlineData("team-7-perf", "k6.signin.secrets", "k6")]
    public void Names_kubernetes_accepts_pass(string ns, string secretName, string image)
    {
        var result = Emit.Unvalidated(Test(5000, k => k with { Namespace = ns, SecretName = secretName, RunnerImage = image }), _directory);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var testRun = (YamlMappingNode)Load(ManifestText(result)).Documents[1].RootNode;
        Assert.Equal(ns, Node(testRun, "metadata")["namespace"].ToString());
        Assert.Equal(image, Node(testRun, "spec", "runner")["image"].ToString());
    }

    [Fact]
    public void Kubernetes_name_lengths_are_those_of_a_dns_label_and_a_dns_subdomain()
    {
        string Error(string? ns, string? secretName) =>
            string.Join(",", Emit.Unvalidated(Test(5000, k => k with { Namespace = ns, SecretName = secretName }), _directory).Diagnostics.Where(d => d.IsError).Select(d => d.Path));

        Assert.Equal(string.Empty, Error(new string('n', 63), null));
        Assert.Equal("kubernetes.namespace", Error(new string('n', 64), null));
        var subdomain = string.Join(".", Enumerable.Repeat(new string('s', 62), 4)) + ".s";
        Assert.Equal(253, subdomain.Length);
        Assert.Equal(string.Empty, Error(null, subdomain));
        Assert.Equal("kubernetes.secretName", Error(null, subdomain + "s"));
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
        Assert.Equal(expected, TestRunManifest.ResourceName(name));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
