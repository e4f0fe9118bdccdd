using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Serialization;
using K6Scenarios.ScenarioFiles.Format;
using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;

namespace K6Scenarios.ScenarioFiles.Tests.Support;

/// <summary>
/// Generates the scenario-file JSON Schema with NJsonSchema from the <see cref="ScenarioFileDocument"/> types, turning
/// the format's attributes into schema keywords (the loader enforces the same attributes).
/// </summary>
internal static class SchemaGeneration
{
    public const string SchemaId = "https://k6scenarios.dev/schemas/k6scenarios.schema.json";

    public static string Generate()
    {
        var settings = new SystemTextJsonSchemaGeneratorSettings
        {
            SchemaType = SchemaType.JsonSchema,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            DefaultDictionaryValueReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            FlattenInheritanceHierarchy = true,
            GenerateAbstractSchemas = false,
            AlwaysAllowAdditionalObjectProperties = false,
        };
        settings.SchemaProcessors.Add(new FormatProcessor());
        var schema = JsonSchema.FromType<ScenarioFileDocument>(settings);
        schema.Title = "K6Scenarios scenario file (*.k6s.yaml)";
        schema.Id = SchemaId;
        return schema.ToJson().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Reads the format attributes of each element type into its schema.</summary>
    private sealed class FormatProcessor : ISchemaProcessor
    {
        public void Process(SchemaProcessorContext context)
        {
            var type = context.ContextualType.Type;
            if (!typeof(FileElement).IsAssignableFrom(type))
            {
                return;
            }

            var schema = context.Schema;
            if (type.GetCustomAttributes<KindAttribute>(inherit: false).ToArray() is { Length: > 0 } kinds)
            {
                // A step is one of its kinds, each told apart by the key only it has.
                schema.Type = JsonObjectType.None;
                schema.Properties.Clear();
                schema.AllowAdditionalProperties = true;
                foreach (var kind in kinds)
                {
                    var reference = context.Generator.GenerateWithReference<JsonSchema>(kind.Type.ToContextualType(), context.Resolver);
                    schema.OneOf.Add(reference);
                }

                return;
            }

            schema.AllowAdditionalProperties = false;
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
                .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, p => p, StringComparer.Ordinal);
            foreach (var (name, property) in properties)
            {
                if (schema.Properties.TryGetValue(name, out var propertySchema))
                {
                    Describe(propertySchema, property);
                }
            }

            var shorthand = type.GetCustomAttribute<ShorthandAttribute>();
            foreach (var group in type.GetCustomAttributes<ExactlyOneOfAttribute>())
            {
                var oneOf = new JsonSchema();
                foreach (var key in group.Keys)
                {
                    var option = new JsonSchema { Type = JsonObjectType.Object };
                    option.RequiredProperties.Add(key);
                    oneOf.OneOf.Add(option);
                }

                if (shorthand is not null)
                {
                    oneOf.OneOf.Add(new JsonSchema { Not = new JsonSchema { Type = JsonObjectType.Object } });
                }

                schema.AllOf.Add(oneOf);
            }

            foreach (var group in type.GetCustomAttributes<AtMostOneOfAttribute>())
            {
                var together = new JsonSchema();
                foreach (var (first, second) in Pairs(group.Keys))
                {
                    var both = new JsonSchema { Type = JsonObjectType.Object };
                    both.RequiredProperties.Add(first);
                    both.RequiredProperties.Add(second);
                    together.AnyOf.Add(both);
                }

                schema.AllOf.Add(new JsonSchema { Not = together });
            }

            foreach (var (name, property) in properties)
            {
                if (property.GetCustomAttribute<OnlyWithAttribute>() is not { } only)
                {
                    continue;
                }

                var absent = new JsonSchema { Not = Requiring(name) };
                JsonSchema allowed;
                if (only.Values.Length == 0)
                {
                    allowed = Requiring(only.Key);
                }
                else
                {
                    var decider = new JsonSchemaProperty();
                    foreach (var value in only.Values)
                    {
                        decider.Enumeration.Add(value);
                    }

                    allowed = new JsonSchema();
                    allowed.Properties[only.Key] = decider;
                }

                var rule = new JsonSchema();
                rule.AnyOf.Add(absent);
                rule.AnyOf.Add(allowed);
                schema.AllOf.Add(rule);
            }

            if (shorthand is not null)
            {
                // Written as a scalar, the element is its shorthand key alone: the scalar takes that key's form.
                var scalar = schema.Properties[shorthand.Property];
                var required = new JsonSchema { Type = JsonObjectType.Object };
                foreach (var key in schema.RequiredProperties)
                {
                    required.RequiredProperties.Add(key);
                }

                // Required keys apply to the mapping form only (NJsonSchema's validator checks them on text too).
                schema.RequiredProperties.Clear();
                var either = new JsonSchema();
                either.AnyOf.Add(new JsonSchema { Not = new JsonSchema { Type = JsonObjectType.Object } });
                either.AnyOf.Add(required);
                schema.AllOf.Add(either);
                schema.Type = JsonObjectType.Object | (scalar.Type == JsonObjectType.None ? JsonObjectType.String : scalar.Type & ~JsonObjectType.Null);
                schema.Pattern = scalar.Pattern ?? (scalar.Enumeration.Count > 0 ? "^(" + string.Join("|", scalar.Enumeration) + ")$" : null);
            }
        }

        private static JsonSchema Requiring(string key)
        {
            var schema = new JsonSchema { Type = JsonObjectType.Object };
            schema.RequiredProperties.Add(key);
            return schema;
        }

        private static IEnumerable<(string, string)> Pairs(string[] keys)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                for (var j = i + 1; j < keys.Length; j++)
                {
                    yield return (keys[i], keys[j]);
                }
            }
        }

        private static void Describe(JsonSchemaProperty schema, PropertyInfo property)
        {
            // Nothing is null in a scenario file: a key left empty is a key not given.
            schema.Type &= ~JsonObjectType.Null;
            schema.IsNullableRaw = null;
            if (property.GetCustomAttribute<OneOfValuesAttribute>() is { } values)
            {
                schema.Type = JsonObjectType.String;
                foreach (var value in values.Values)
                {
                    schema.Enumeration.Add(value);
                }
            }

            if (property.GetCustomAttribute<ScalarValueAttribute>() is not null)
            {
                var target = schema.Item ?? schema.AdditionalPropertiesSchema ?? schema;
                target.Type = JsonObjectType.String | JsonObjectType.Number | JsonObjectType.Boolean;
            }

            if (property.GetCustomAttribute<AnyValueAttribute>() is not null)
            {
                schema.Type = JsonObjectType.None;
            }

            if (property.GetCustomAttribute<SingleOrListAttribute>() is not null)
            {
                if (schema.Type.HasFlag(JsonObjectType.Array) && schema.Item is { } item)
                {
                    MakeSingleOrList(schema, item);
                }
                else if (schema.AdditionalPropertiesSchema is { Item: { } valueItem } values2)
                {
                    var inner = new JsonSchema();
                    MakeSingleOrList(inner, valueItem);
                    schema.AdditionalPropertiesSchema = inner;
                    _ = values2;
                }
            }
        }

        private static void MakeSingleOrList(JsonSchema schema, JsonSchema item)
        {
            var single = item.HasReference ? new JsonSchema { Reference = item.Reference } : Copy(item);
            var list = new JsonSchema { Type = JsonObjectType.Array, Item = item.HasReference ? new JsonSchema { Reference = item.Reference } : Copy(item) };
            schema.Type = JsonObjectType.None;
            schema.Item = null;
            schema.AnyOf.Add(single);
            schema.AnyOf.Add(list);
        }

        private static JsonSchema Copy(JsonSchema item)
        {
            var copy = new JsonSchema { Type = item.Type & ~JsonObjectType.Null, Format = item.Format, Pattern = item.Pattern, Minimum = item.Minimum, Maximum = item.Maximum };
            foreach (var value in item.Enumeration)
            {
                copy.Enumeration.Add(value);
            }

            return copy;
        }
    }
}
