using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using K6Scenarios.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K6Scenarios.Emitter.Distribution;

/// <summary>
/// Writes the k6-operator manifest of a distributed run: a ConfigMap with the script and its data files (mounted
/// side by side, so <c>open('./users.json')</c> works on every runner) and a <c>TestRun</c> that references it.
/// </summary>
internal static class TestRunManifest
{
    /// <summary>Kubernetes rejects ConfigMaps larger than 1 MiB.</summary>
    public const int ConfigMapLimit = 1024 * 1024;

    /// <summary>The key of the Kubernetes Secret that holds the k6 secrets, one NAME=value line each.</summary>
    public const string SecretsKey = "secrets.txt";

    /// <summary>Where the runners (and the initializer, which copies their spec) find <see cref="SecretsKey"/>.</summary>
    public const string SecretsMountPath = "/etc/k6-secrets";

    public static (string Yaml, int ConfigMapBytes) Write(LoadTest test, KubernetesRun run, string definitionName, string script, IReadOnlyList<EmittedFile> files, IEnumerable<string> requiredEnvironment, IEnumerable<string> secrets)
    {
        var name = ResourceName(test.Name);
        var text = new YamlMappingNode();
        var binary = new YamlMappingNode();
        var bytes = 0;
        foreach (var (file, content) in files.Select(f => (f.RelativePath, f.Content.ToArray())).Prepend((test.Name + ".js", Encoding.UTF8.GetBytes(script))))
        {
            bytes += content.Length;
            var key = file.Replace('/', '_');
            if (IsText(content))
            {
                text.Add(UserScalar(key), new YamlScalarNode(Encoding.UTF8.GetString(content)) { Style = ScalarStyle.Literal });
            }
            else
            {
                binary.Add(UserScalar(key), Convert.ToBase64String(content));
            }
        }

        var configMap = new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "kind", "ConfigMap" },
            { "metadata", Metadata(name, run) },
            { "data", text },
        };
        if (binary.Children.Count > 0)
        {
            configMap.Add("binaryData", binary);
        }

        // Secrets reach k6 through its file secret source: the Kubernetes Secret's secrets.txt key, mounted read-only.
        // The initializer copies the runner's volumes, so its `k6 archive` sees the same source; no archive stores a secret.
        var secretNames = secrets.ToArray();
        var secretSource = secretNames.Length > 0 && run.SecretName is not null;
        var arguments = (secretSource ? ["--secret-source=file=" + SecretsMountPath + "/" + SecretsKey] : Array.Empty<string>())
            .Concat(test.Outputs.Select(o => "--out " + o)).Concat(run.Arguments).ToArray();
        var spec = new YamlMappingNode
        {
            { "parallelism", Int(run.Parallelism) },
            { "script", new YamlMappingNode { { "configMap", new YamlMappingNode { { "name", name }, { "file", test.Name + ".js" } } } } },
        };
        if (arguments.Length > 0)
        {
            spec.Add("arguments", UserScalar(string.Join(" ", arguments)));
        }

        spec.Add("separate", run.Separate ? "true" : "false");
        spec.Add("cleanup", "post");
        var runner = new YamlMappingNode();
        if (run.RunnerImage is { } image)
        {
            runner.Add("image", UserScalar(image));
        }

        if (run.SecretName is { } secret)
        {
            var env = new YamlSequenceNode();
            foreach (var variable in requiredEnvironment)
            {
                env.Add(new YamlMappingNode
                {
                    { "name", UserScalar(variable) },
                    { "valueFrom", new YamlMappingNode { { "secretKeyRef", new YamlMappingNode { { "name", UserScalar(secret) }, { "key", UserScalar(variable) } } } } },
                });
            }

            if (env.Children.Count > 0)
            {
                runner.Add("env", env);
            }

            if (secretSource)
            {
                runner.Add("volumes", new YamlSequenceNode(new YamlMappingNode
                {
                    { "name", "k6-secrets" },
                    { "secret", new YamlMappingNode { { "secretName", UserScalar(secret) }, { "items", new YamlSequenceNode(new YamlMappingNode { { "key", SecretsKey }, { "path", SecretsKey } }) } } },
                }));
                runner.Add("volumeMounts", new YamlSequenceNode(new YamlMappingNode
                {
                    { "name", "k6-secrets" },
                    { "mountPath", SecretsMountPath },
                    { "readOnly", "true" },
                }));
            }
        }

        if (runner.Children.Count > 0)
        {
            spec.Add("runner", runner);
        }

        var testRun = new YamlMappingNode
        {
            { "apiVersion", "k6.io/v1alpha1" },
            { "kind", "TestRun" },
            { "metadata", Metadata(name, run) },
            { "spec", spec },
        };

        var output = new StringBuilder();
        output.Append("# Generated by K6Scenarios from ").Append(JavaScript.JsString.Comment(definitionName)).Append(". ").Append(Emission.DefinitionHeader.EditAdvice(definitionName)).Append('\n');
        // The user's strings in these comment lines are kept on one line of printable ASCII (as in a script's comments):
        // a line break in a name would otherwise start YAML of its own.
        output.Append("# Apply: kubectl apply -f ").Append(JavaScript.JsString.Comment(test.Name)).Append(".testrun.yaml\n");
        if (secretNames.Length > 0)
        {
            output.Append(run.SecretName is { } secretName
                ? "# Secrets: kubectl create secret generic " + JavaScript.JsString.Comment(secretName) + " --from-file=" + SecretsKey + "=<file>, the file holding one NAME=value line for each of "
                : "# Secrets: set KubernetesRun.SecretName, or give the runners a --secret-source, for ");
            output.Append(JavaScript.JsString.Comment(string.Join(", ", secretNames))).Append('\n');
        }

        output.Append("# The operator tags samples with instance_id and replaces options.tags unless the run merges tags.\n");
        using (var writer = new StringWriter(output, CultureInfo.InvariantCulture) { NewLine = "\n" })
        {
            new YamlStream(new YamlDocument(configMap), new YamlDocument(testRun)).Save(writer, assignAnchors: false);
        }

        return (output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), bytes);
    }

    /// <summary>Turns a load-test name into a DNS-1123 label: lower case letters, digits and '-', at most 63 characters.</summary>
    public static string ResourceName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var label = builder.ToString().Trim('-');
        label = label.Length > 63 ? label[..63].TrimEnd('-') : label;
        return label.Length == 0 ? "k6-test" : label;
    }

    private static YamlMappingNode Metadata(string name, KubernetesRun run)
    {
        var metadata = new YamlMappingNode { { "name", name } };
        if (run.Namespace is { } ns)
        {
            metadata.Add("namespace", UserScalar(ns));
        }

        return metadata;
    }

    // A string the user gave, as YAML reads it back exactly: anything beyond printable ASCII is written double-quoted,
    // where YamlDotNet escapes it; plain or single-quoted, YAML 1.1 readers (kubectl's among them) take U+0085, U+2028
    // and U+2029 for line breaks and fold them.
    private static YamlScalarNode UserScalar(string value) =>
        new(value) { Style = value.All(c => c is >= ' ' and <= '~') ? ScalarStyle.Any : ScalarStyle.DoubleQuoted };

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsText(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            // A literal block keeps the bytes only of lines ended by '\n': YAML turns "\r\n" into "\n" and reads U+0085 (a
            // control character), U+2028 and U+2029 as line breaks too, and a reader drops a byte order mark. Such files go
            // base64-encoded in binaryData, byte for byte.
            return !text.Any(c => (char.IsControl(c) && c is not '\n' and not '\t') || c is '\u2028' or '\u2029' or '\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
