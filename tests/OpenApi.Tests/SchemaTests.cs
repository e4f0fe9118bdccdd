using System;
using System.Linq;

namespace K6Scenarios.OpenApi.Tests;

/// <summary>Schemas: $ref resolution, allOf merging, 3.1 type arrays, cycles and examples.</summary>
public sealed class SchemaTests
{
    [Fact]
    public void Type_arrays_of_openapi_3_1_give_the_first_non_null_type()
    {
        var schema = TestDocuments.RequestSchema("""
            type: object
            properties:
              name: {type: [string, "null"]}
              count: {type: ["null", integer]}
              plain: {type: boolean}
              legacy: {type: string, nullable: true}
              nothing: {type: "null"}
            """);

        Assert.Equal(
            new (string?, bool)[] { ("string", true), ("integer", true), ("boolean", false), ("string", true), ("null", true) },
            schema.Properties.Select(property => (property.Value.Type, property.Value.IsNullable)));
        Assert.Equal("""{"name":"string","count":0,"plain":true,"legacy":"string","nothing":null}""", schema.ExampleJson());
    }

    [Fact]
    public void AllOf_merges_properties_required_and_type_members_first()
    {
        var schema = TestDocuments.RequestSchema(
            """
            allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                required: [extra]
                properties:
                  extra: {type: boolean}
                  id: {type: string}
            properties:
              own: {type: integer}
            required: [own, id]
            """,
            """
            schemas:
              Base:
                type: object
                required: [id]
                properties:
                  id: {type: integer}
                  name: {type: string}
                additionalProperties: false
            """);

        Assert.Equal("object", schema.Type);
        Assert.Equal(new[] { "id", "name", "extra", "own" }, schema.Properties.Select(property => property.Key));
        Assert.Equal("integer", schema.FindProperty("id")!.Type); // the first declaration wins
        Assert.Equal(new[] { "id", "extra", "own" }, schema.Required);
        Assert.False(schema.AllowsAdditionalProperties);
        Assert.False(schema.IsComposite);
    }

    [Fact]
    public void OneOf_and_anyOf_mark_the_schema_composite_and_examples_use_the_first_alternative()
    {
        var schema = TestDocuments.RequestSchema("""
            oneOf:
              - type: object
                properties:
                  card: {type: string}
              - type: object
                properties:
                  iban: {type: string}
            """);

        Assert.True(schema.IsComposite);
        Assert.Empty(schema.Properties);
        Assert.Equal(2, schema.Alternatives.Count);
        Assert.Equal("""{"card":"string"}""", schema.ExampleJson());
        Assert.True(TestDocuments.RequestSchema("anyOf: [{type: string}, {type: integer}]").IsComposite);
    }

    [Fact]
    public void Recursive_schemas_form_a_cycle_and_examples_stop_at_it()
    {
        var node = TestDocuments.RequestSchema(
            "$ref: '#/components/schemas/Node'",
            """
            schemas:
              Node:
                type: object
                properties:
                  name: {type: string}
                  children:
                    type: array
                    items:
                      $ref: '#/components/schemas/Node'
                  parent:
                    $ref: '#/components/schemas/Node'
            """);

        Assert.Same(node, node.FindProperty("children")!.Items);
        Assert.Same(node, node.FindProperty("parent"));
        Assert.Equal("""{"name":"string","children":[{}],"parent":{}}""", node.ExampleJson());
    }

    [Fact]
    public void Mutually_recursive_schemas_terminate()
    {
        var person = TestDocuments.RequestSchema(
            "$ref: '#/components/schemas/Person'",
            """
            schemas:
              Person:
                properties:
                  employer: {$ref: '#/components/schemas/Company'}
              Company:
                properties:
                  ceo: {$ref: '#/components/schemas/Person'}
            """);

        var company = person.FindProperty("employer")!;
        Assert.Same(person, company.FindProperty("ceo"));
        Assert.Equal("""{"employer":{"ceo":{}}}""", person.ExampleJson());
    }

    [Fact]
    public void Reference_chains_that_loop_are_unknown_with_a_warning()
    {
        var text = TestDocuments.WithRequestSchema(
            "$ref: '#/components/schemas/A'",
            """
            schemas:
              A: {$ref: '#/components/schemas/B'}
              B: {$ref: '#/components/schemas/A'}
            """);
        var document = TestDocuments.ReadOk(text);

        Assert.Null(Assert.Single(document.Operations).JsonRequestBody);
        Assert.Contains(document.Warnings, warning => warning.Contains("reference cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void AllOf_cycles_are_ignored_with_a_warning()
    {
        var text = TestDocuments.WithRequestSchema(
            "$ref: '#/components/schemas/A'",
            """
            schemas:
              A:
                allOf:
                  - $ref: '#/components/schemas/B'
                properties:
                  a: {type: string}
              B:
                allOf:
                  - $ref: '#/components/schemas/A'
                properties:
                  b: {type: string}
            """);
        var document = TestDocuments.ReadOk(text);

        var schema = Assert.Single(document.Operations).JsonRequestBody!;
        Assert.Equal(new[] { "b", "a" }, schema.Properties.Select(property => property.Key));
        Assert.Contains(document.Warnings, warning => warning.Contains("allOf includes a schema that includes this one", StringComparison.Ordinal));
    }

    [Fact]
    public void Unresolvable_and_external_references_are_unknown_with_warnings_at_their_position()
    {
        var text = TestDocuments.WithRequestSchema("""
            type: object
            properties:
              missing: {$ref: '#/components/schemas/Missing'}
              external: {$ref: 'common.yaml#/components/schemas/Money'}
              remote: {$ref: 'https://example.com/schemas/x.json'}
            """);
        var document = TestDocuments.ReadOk(text, "api.yaml");

        var schema = Assert.Single(document.Operations).JsonRequestBody!;
        Assert.Equal(new[] { "missing", "external", "remote" }, schema.Properties.Select(property => property.Key));
        Assert.All(schema.Properties, property => Assert.Null(property.Value.Type));
        Assert.Equal("""{"missing":null,"external":null,"remote":null}""", schema.ExampleJson());

        // The wrapped schema starts on line 12; each warning points at its $ref's value.
        Assert.Equal(
            new[]
            {
                "api.yaml(14,33): $ref '#/components/schemas/Missing' points to nothing in this document ('components' is missing); its target is treated as unknown",
                "api.yaml(15,34): external $ref 'common.yaml#/components/schemas/Money' is not followed (only references inside this document are); its target is treated as unknown",
                "api.yaml(16,32): external $ref 'https://example.com/schemas/x.json' is not followed (only references inside this document are); its target is treated as unknown",
            },
            document.Warnings);
        Assert.Equal((14, 33), (document.WarningDetails[0].Line, document.WarningDetails[0].Column));
    }

    [Fact]
    public void Json_pointer_escapes_and_percent_encoding_are_decoded()
    {
        var schema = TestDocuments.RequestSchema(
            """
            type: object
            properties:
              slash: {$ref: '#/components/schemas/a~1b'}
              tilde: {$ref: '#/components/schemas/c~0d'}
              percent: {$ref: '#/components/schemas/with%20space'}
            """,
            """
            schemas:
              a/b: {type: integer}
              c~d: {type: boolean}
              with space: {type: string}
            """);

        Assert.Equal(new string?[] { "integer", "boolean", "string" }, schema.Properties.Select(property => property.Value.Type));
    }

    [Fact]
    public void Components_refs_resolve_for_parameters_request_bodies_and_responses()
    {
        const string text = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /orders/{orderId}:
                parameters:
                  - $ref: '#/components/parameters/OrderId'
                put:
                  parameters:
                    - {name: X-Request-Id, in: header, required: true}
                    - {name: orderId, in: path, required: true, schema: {type: string}}
                  requestBody: {$ref: '#/components/requestBodies/Order'}
                  responses:
                    '200': {$ref: '#/components/responses/Order'}
            components:
              parameters:
                OrderId: {name: orderId, in: path, required: true, schema: {type: integer}}
              requestBodies:
                Order:
                  required: true
                  content:
                    application/vnd.api+json:
                      schema: {$ref: '#/components/schemas/Order'}
              responses:
                Order:
                  description: ok
                  content:
                    application/json; charset=utf-8:
                      schema: {$ref: '#/components/schemas/Order'}
              schemas:
                Order:
                  type: object
                  properties:
                    total: {type: number, examples: [12.5]}
            """;
        var operation = Assert.Single(TestDocuments.ReadOk(text).Operations);

        Assert.Equal(new[] { "orderId:path:True:string", "X-Request-Id:header:True:" },
            operation.Parameters.Select(parameter => parameter.Name + ":" + parameter.In + ":" + parameter.Required + ":" + parameter.Schema?.Type));
        Assert.True(operation.RequestBodyRequired);
        Assert.Equal(new[] { "application/vnd.api+json" }, operation.RequestBodyMediaTypes);
        Assert.Same(operation.JsonRequestBody, operation.JsonResponseSchema(200));
        Assert.Equal("""{"total":12.5}""", operation.JsonRequestBody!.ExampleJson());
    }

    [Fact]
    public void Examples_prefer_explicit_values_then_placeholders_by_type_and_format()
    {
        var schema = TestDocuments.RequestSchema("""
            type: object
            properties:
              example: {type: string, example: given}
              default: {type: integer, default: 7}
              enum: {type: string, enum: [first, second]}
              const: {const: fixed}
              email: {type: string, format: email}
              when: {type: string, format: date-time}
              day: {type: string, format: date}
              id: {type: string, format: uuid}
              link: {type: string, format: uri}
              text: {type: string}
              number: {type: number}
              flag: {type: boolean}
              tags: {type: array, items: {type: string}}
              empty: {type: array}
              object: {type: object}
              untyped: {}
              inferredObject: {properties: {x: {type: integer}}}
              structured: {type: object, example: {a: [1, true, null, "é"]}}
            """);

        Assert.Equal(
            """{"example":"given","default":7,"enum":"first","const":"fixed","email":"user@example.com","when":"2024-01-01T00:00:00Z","day":"2024-01-01","id":"00000000-0000-0000-0000-000000000000","link":"https://example.com","text":"string","number":0,"flag":true,"tags":["string"],"empty":[],"object":{},"untyped":null,"inferredObject":{"x":0},"structured":{"a":[1,true,null,"\u00e9"]}}""",
            schema.ExampleJson());
    }

    [Fact]
    public void Boolean_schemas_of_openapi_3_1_are_accepted()
    {
        var schema = TestDocuments.RequestSchema("""
            type: object
            properties:
              anything: true
            """);

        var anything = Assert.Single(schema.Properties).Value;
        Assert.Null(anything.Type);
        Assert.Empty(anything.Properties);
    }
}
