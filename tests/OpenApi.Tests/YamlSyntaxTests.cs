namespace K6Scenarios.OpenApi.Tests;

/// <summary>
/// The YAML subset, observed through a schema's <c>example</c> written back as JSON. Expected
/// values follow the YAML 1.2 specification (and agree with PyYAML where YAML 1.1 does not differ).
/// </summary>
public sealed class YamlSyntaxTests
{
    private static string Json(string yaml) => TestDocuments.YamlValueAsJson(yaml);

    [Fact]
    public void Block_mappings_and_sequences_nest_by_indentation()
    {
        const string yaml = """
            a:
              b:
                c: 1
              d: [x]
            list:
            - one
            - two
            indented:
              - three
            items:
              - name: page
                in: query
              - name: id
                in: path
            nested:
            - - a
              - b
            - - c
            """;
        Assert.Equal(
            """{"a":{"b":{"c":1},"d":["x"]},"list":["one","two"],"indented":["three"],"items":[{"name":"page","in":"query"},{"name":"id","in":"path"}],"nested":[["a","b"],["c"]]}""",
            Json(yaml));
    }

    [Fact]
    public void Flow_collections_may_nest_and_span_lines()
    {
        const string yaml = """
            a: {b: 1, c: [x, y, 'z w'], d: {}}
            e: []
            f: [ {g: h}, [1, 2], ]
            g: [one,
              two]
            h: {"k":"v", url: http://host:8080/api}
            i: [name: value]
            """;
        Assert.Equal(
            """{"a":{"b":1,"c":["x","y","z w"],"d":{}},"e":[],"f":[{"g":"h"},[1,2]],"g":["one","two"],"h":{"k":"v","url":"http://host:8080/api"},"i":[{"name":"value"}]}""",
            Json(yaml));
    }

    [Fact]
    public void Scalars_are_typed_with_the_core_schema()
    {
        const string yaml = """
            int: 42
            negative: -5
            float: 3.25
            exponent: 1e3
            hex: 0x1F
            octal: 0o17
            leadingDot: .5
            bool: true
            capitalBool: False
            null1: null
            null2: ~
            null3:
            version: 3.0.3
            word: yes
            quotedNumber: '42'
            taggedNumber: !!str 42
            """;
        Assert.Equal(
            """{"int":42,"negative":-5,"float":3.25,"exponent":1e3,"hex":31,"octal":15,"leadingDot":0.5,"bool":true,"capitalBool":false,"null1":null,"null2":null,"null3":null,"version":"3.0.3","word":"yes","quotedNumber":"42","taggedNumber":"42"}""",
            Json(yaml));
    }

    [Fact]
    public void Quoted_scalars_unescape_and_fold()
    {
        const string yaml = """
            double: "tab\there \"quoted\" \u00e9 \\ \x41 \U0001F600"
            single: 'it''s # not a comment'
            empty: ""
            folded: "one
              two

              three"
            joined: "abc\
               def"
            singleFolded: 'x
              y'
            """;
        Assert.Equal(
            """{"double":"tab\there \"quoted\" \u00e9 \\ A \ud83d\ude00","single":"it's # not a comment","empty":"","folded":"one two\nthree","joined":"abcdef","singleFolded":"x y"}""",
            Json(yaml));
    }

    [Fact]
    public void Plain_scalars_span_lines_and_stop_at_comments()
    {
        const string yaml = """
            long: this is
              a long

              value
            colon: a:b
            hash: x#y
            commented: value # a comment
            url: http://example.com/a?b=c
            """;
        Assert.Equal(
            """{"long":"this is a long\nvalue","colon":"a:b","hash":"x#y","commented":"value","url":"http://example.com/a?b=c"}""",
            Json(yaml));
    }

    [Fact]
    public void Literal_block_scalars_keep_line_breaks_with_chomping()
    {
        const string yaml = """
            clip: |
              line1
               indented

              line4
            strip: |-
              x
              y

            keep: |+
              x


            last: done
            """;
        Assert.Equal(
            """{"clip":"line1\n indented\n\nline4\n","strip":"x\ny","keep":"x\n\n\n","last":"done"}""",
            Json(yaml));
    }

    [Fact]
    public void Folded_block_scalars_join_lines_but_keep_more_indented_ones()
    {
        const string yaml = """
            folded: >
              one
              two

              three
                indented
              four
            stripped: >-
              a
              b
            explicitIndent: |2
                two more
              base
            headerComment: | # comment
              text
            """;
        Assert.Equal(
            """{"folded":"one two\nthree\n  indented\nfour\n","stripped":"a b","explicitIndent":"  two more\nbase\n","headerComment":"text\n"}""",
            Json(yaml));
    }

    [Fact]
    public void Anchors_aliases_and_merge_keys_are_resolved()
    {
        const string yaml = """
            base: &base
              x: 1
              y: 2
            copy: *base
            list: &list [1, 2]
            again: *list
            merged:
              <<: *base
              y: 3
            both:
              <<: [*base, {z: 4}]
            """;
        Assert.Equal(
            """{"base":{"x":1,"y":2},"copy":{"x":1,"y":2},"list":[1,2],"again":[1,2],"merged":{"x":1,"y":3},"both":{"x":1,"y":2,"z":4}}""",
            Json(yaml));
    }

    [Fact]
    public void Comments_and_document_markers_are_ignored()
    {
        const string text = """
            %YAML 1.2
            --- # the document
            # a comment line
            openapi: 3.1.0 # trailing
            info: {title: "Marked", version: '1'}

            paths: {}
            ...
            """;
        var document = TestDocuments.ReadOk(text);
        Assert.Equal("Marked", document.Title);
        Assert.Equal("3.1.0", document.Version);
    }

    [Fact]
    public void Quoted_keys_and_keys_with_spaces_are_plain_text()
    {
        const string yaml = """
            'a b': 1
            "c": 2
            my key: 3
            200: ok
            x-custom: 4
            """;
        Assert.Equal("""{"a b":1,"c":2,"my key":3,"200":"ok","x-custom":4}""", Json(yaml));
    }

    [Fact]
    public void Crlf_line_breaks_and_a_byte_order_mark_are_accepted()
    {
        var text = "\uFEFFopenapi: 3.0.3\r\ninfo:\r\n  title: Windows\r\n  version: '1'\r\npaths:\r\n  /a:\r\n    get:\r\n      responses:\r\n        '204':\r\n          description: none\r\n";
        var document = TestDocuments.ReadOk(text);
        Assert.Equal("Windows", document.Title);
        Assert.True(Assert.Single(document.Operations).DocumentsStatus(204));
    }

    [Fact]
    public void Tabs_inside_values_are_text()
    {
        Assert.Equal("""{"a":"x\ty"}""", Json("a: x\ty"));
    }

    [Fact]
    public void Explicit_keys_are_read_like_implicit_ones()
    {
        Assert.Equal("""{"a":1,"b c":[2]}""", Json("? a\n: 1\n? b c\n: [2]"));
    }

    [Fact]
    public void A_key_that_is_a_collection_is_an_error_at_the_key()
    {
        var result = TestDocuments.ReadFailure("openapi: 3.0.3\npaths: {}\n? [a, b]\n: 1\n");
        Assert.Contains("a mapping key must be text", result.Error, System.StringComparison.Ordinal);
        Assert.Equal((3, 3), (result.Line, result.Column));
    }
}
