using System;
using System.Globalization;
using System.IO;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K6Scenarios.ScenarioFiles.Tests.Support;

/// <summary>
/// Turns a YAML file into the JSON an editor's YAML language server checks against the schema (YAML 1.2 core schema:
/// plain true/false/null/numbers keep their type, quoted scalars are text). Independent of the loader on purpose.
/// </summary>
internal static class YamlJson
{
    public static JToken Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? JValue.CreateNull() : ToJson(stream.Documents[0].RootNode);
    }

    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(System.Linq.Enumerable.Select(mapping.Children, c => new JProperty(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JArray(System.Linq.Enumerable.Select(sequence.Children, ToJson)),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException("Unexpected YAML node " + node.GetType().Name),
    };

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return new JValue(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
            "true" or "True" or "TRUE" => new JValue(true),
            "false" or "False" or "FALSE" => new JValue(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => new JValue(whole),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && char.IsAsciiDigit(text[^1]) => new JValue(number),
            _ => new JValue(text),
        };
    }
}
