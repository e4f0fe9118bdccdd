using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// Reads the single YAML or JSON document of a text into a <see cref="DocumentNode"/> tree, from the events of
/// YamlDotNet's parser (JSON is read as the YAML 1.2 subset it is, then held to JSON's stricter rules). Every node
/// keeps the 1-based line and column YamlDotNet's marks give it; every problem is a <see cref="TextParseException"/>
/// at a position in the text. Aliases share the node of their anchor (nothing is expanded, so alias bombs cost
/// nothing), merge keys copy entries into the mapping, and <see cref="ReadLimits"/> bounds nesting and size.
/// </summary>
internal sealed class DocumentTreeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly string _text;
    private readonly bool _json;
    private readonly Dictionary<string, DocumentNode> _anchors = new(StringComparer.Ordinal);
    private readonly List<Frame> _open = new();
    private DocumentNode? _root;
    private int _values;

    private DocumentTreeReader(string text, bool json)
    {
        _text = text;
        _json = json;
    }

    /// <summary>Reads <paramref name="text"/> (without a byte order mark) as JSON or as YAML.</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="json">True to hold the text to JSON's rules (RFC 8259) on top of YAML's.</param>
    /// <returns>The root node; a null scalar for a text without content.</returns>
    public static DocumentNode Read(string text, bool json)
    {
        if (text.Length > ReadLimits.MaxCharacters)
        {
            throw new TextParseException(ReadLimits.SizeMessage, 1, 1);
        }

        return new DocumentTreeReader(text, json).ReadStream();
    }

    private DocumentNode ReadStream()
    {
        var scanner = new Scanner(new StringReader(_text), skipComments: !_json);
        var parser = new Parser(_json ? new JsonTokenGuard(scanner) : scanner);
        var documents = 0;
        while (Next(parser, scanner) is { } parsed)
        {
            switch (parsed)
            {
                case DocumentStart start:
                    if (++documents > 1)
                    {
                        throw new TextParseException(
                            _json
                                ? "unexpected content after the end of the JSON document"
                                : "the file holds more than one YAML document ('---'); keep the OpenAPI document alone in its file",
                            Line(start.Start),
                            Column(start.Start));
                    }

                    break;
                case Scalar scalar:
                    var node = ScalarNode(scalar);
                    Remember(scalar.Anchor, node);
                    Add(node, scalar.Start, IsMergeKey(scalar));
                    break;
                case AnchorAlias alias:
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new TextParseException("alias '*" + alias.Value.Value + "' refers to no earlier anchor '&" + alias.Value.Value + "'", Line(alias.Start), Column(alias.Start));
                    }

                    Add(target, alias.Start, false);
                    break;
                case MappingStart mapping:
                    Open(DocumentNode.Mapping(Line(mapping.Start), Column(mapping.Start)), mapping.Anchor, mapping.Start, mapping.Style == MappingStyle.Flow);
                    break;
                case SequenceStart sequence:
                    Open(DocumentNode.Sequence(Line(sequence.Start), Column(sequence.Start)), sequence.Anchor, sequence.Start, sequence.Style == SequenceStyle.Flow);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    var closed = _open[_open.Count - 1];
                    _open.RemoveAt(_open.Count - 1);
                    Remember(closed.Anchor, closed.Node);
                    Add(closed.Node, closed.Start, false);
                    break;
            }
        }

        return _root ?? DocumentNode.Scalar(NodeKind.Null, string.Empty, 1, 1);
    }

    /// <summary>The next event; YamlDotNet's errors become <see cref="TextParseException"/>s at their position.</summary>
    private ParsingEvent? Next(Parser parser, Scanner scanner)
    {
        try
        {
            return parser.MoveNext() ? parser.Current : null;
        }
        catch (TextParseException)
        {
            throw;
        }
        catch (YamlException error)
        {
            throw SyntaxError(error.Message, error.Start, error.End);
        }
#pragma warning disable CA1031 // The parser can fail in other ways on malformed input; that is still the document's problem.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            var at = scanner.CurrentPosition;
            throw SyntaxError("the text cannot be parsed here; check the quotes, brackets and indentation", at, at);
        }
    }

    private TextParseException SyntaxError(string message, Mark start, Mark end)
    {
        if (_root is not null)
        {
            // The document is complete: what follows is not part of it.
            return new TextParseException(
                _json ? "unexpected content after the end of the JSON document" : "unexpected content: this line is not part of the document above it; check its indentation",
                Line(start),
                Column(start));
        }

        // YamlDotNet's end mark is where it gave up (a tab, the bad escape), its start mark where the token began
        // (the opening quote of an unterminated string, which is the better place when the text ran out).
        var at = end.Index < _text.Length && end.Index >= start.Index ? end : start;
        var text = message.Trim().TrimEnd('.');
        if (text.Length > 0)
        {
            text = char.ToLowerInvariant(text[0]) + text.Substring(1);
        }

#pragma warning disable CA2249 // string.Contains(string, StringComparison) is not in netstandard2.0.
        if (text.IndexOf(" tab ", StringComparison.Ordinal) >= 0 && FindTabIndentation(Line(start)) is { } tab)
#pragma warning restore CA2249
        {
            // YamlDotNet marks the mapping, not the tab; point at the tab, the usual mistake.
            return new TextParseException("tab character in the indentation; YAML indents with spaces only", tab.Line, tab.Column);
        }

        if (at.Index < _text.Length - 1 && _text[(int)at.Index] == '\\' && text.EndsWith("unknown escape character", StringComparison.Ordinal))
        {
            text += " " + DescribeEscape(_text[(int)at.Index + 1]);
        }

        var pastTheEnd = at.Index >= _text.Length;
        text = (_json ? "invalid JSON: " : "invalid YAML: ") + text + (pastTheEnd ? " at the end of the document" : string.Empty) + OpenFlowCollection();
        return pastTheEnd ? AtLastCharacter(text) : new TextParseException(text, Line(at), Column(at));
    }

    /// <summary>Names the innermost unclosed <c>{ }</c> or <c>[ ]</c>: a missing closing bracket shows up far from its cause.</summary>
    private string OpenFlowCollection()
    {
        for (var i = _open.Count - 1; i >= 0; i--)
        {
            var frame = _open[i];
            if (frame.IsFlow)
            {
                return " (in the " + (frame.Node.IsMapping ? "{ } mapping" : "[ ] list") + " opened at line "
                    + Line(frame.Start).ToString(System.Globalization.CultureInfo.InvariantCulture) + ", column "
                    + Column(frame.Start).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            }
        }

        return string.Empty;
    }

    /// <summary>The first tab in the indentation of a line at or after <paramref name="fromLine"/>, if any.</summary>
    private (int Line, int Column)? FindTabIndentation(int fromLine)
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in _text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c == '\t' && line >= fromLine)
            {
                return (line, column);
            }

            atLineStart &= c == ' ' || c == '\t';
            column++;
        }

        return null;
    }

    /// <summary>An error the parser found at the end of the text, placed on its last visible character (the mark is past it).</summary>
    private TextParseException AtLastCharacter(string message)
    {
        var last = _text.Length - 1;
        while (last > 0 && char.IsWhiteSpace(_text[last]))
        {
            last--;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < last; i++)
        {
            if (_text[i] == '\n' || (_text[i] == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new TextParseException(message, line, last - lineStart + 1);
    }

    /// <summary>An error at a mark, or on the last visible character when the mark is past the end of the text.</summary>
    private TextParseException ErrorAt(string message, Mark mark) =>
        mark.Index < _text.Length ? new TextParseException(message, Line(mark), Column(mark)) : AtLastCharacter(message + " at the end of the document");

    private static int Line(Mark mark) => (int)Math.Max(1, Math.Min(int.MaxValue, mark.Line));

    private static int Column(Mark mark) => (int)Math.Max(1, Math.Min(int.MaxValue, mark.Column));

    // ---- scalars ----

    private DocumentNode ScalarNode(Scalar scalar)
    {
        var line = Line(scalar.Start);
        var column = Column(scalar.Start);
        if (_json)
        {
            CheckJsonScalar(scalar, line, column);
        }

        // Quoted and block scalars are strings; so is a plain one tagged !!str (other tags keep the plain typing).
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && string.Equals(scalar.Tag.Value, StringTag, StringComparison.Ordinal)))
        {
            return DocumentNode.Scalar(NodeKind.String, scalar.Value, line, column);
        }

        return ScalarTypes.ResolvePlain(scalar.Value, line, column);
    }

    private static bool IsMergeKey(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty && string.Equals(scalar.Value, "<<", StringComparison.Ordinal);

    private bool ExpectsKey => _open.Count > 0 && _open[_open.Count - 1].Node.IsMapping && !_open[_open.Count - 1].HasKey;

    /// <summary>Holds a scalar to RFC 8259: quoted names, double-quoted strings with JSON escapes, JSON literals and numbers.</summary>
    private void CheckJsonScalar(Scalar scalar, int line, int column)
    {
        var value = scalar.Value;
        if (ExpectsKey && scalar.Style != ScalarStyle.DoubleQuoted)
        {
            throw new TextParseException("expected a quoted property name, found " + Describe(scalar), line, column);
        }

        switch (scalar.Style)
        {
            case ScalarStyle.DoubleQuoted:
                CheckJsonString(scalar, line, column);
                return;
            case ScalarStyle.Plain:
                if (value.Length == 0)
                {
                    // YamlDotNet stands in an empty value for what is missing, possibly past the end of the text.
                    throw ErrorAt("expected ':' and a JSON value after the property name", scalar.Start);
                }

                if (value is "true" or "false" or "null" || ScalarTypes.IsJsonNumber(value))
                {
                    return;
                }

                var digits = value.Length > 0 && value[0] == '-' ? 1 : 0;
                if (value.Length > digits + 1 && value[digits] == '0' && ScalarTypes.IsJsonNumber(value.Substring(digits + 1)))
                {
                    throw new TextParseException("numbers must not have leading zeros", line, column);
                }

                throw new TextParseException("expected a JSON value, found " + Describe(scalar) + " (strings must be quoted)", line, column);
            default:
                throw new TextParseException("JSON strings are written in double quotes, found " + Describe(scalar), line, column);
        }
    }

    /// <summary>What YAML allows in a double-quoted scalar but JSON does not: line breaks, raw control characters, YAML-only escapes.</summary>
    private void CheckJsonString(Scalar scalar, int line, int column)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)Math.Min(scalar.End.Index, _text.Length);
        for (var i = start + 1; i < end - 1; i++)
        {
            var c = _text[i];
            var at = column + (i - start); // the same line: the loop stops at the first line break
            if (c == '\\')
            {
                var escaped = _text[i + 1];
                if (!TextSearch.Contains("\"\\/bfnrtu", escaped))
                {
                    throw new TextParseException("unknown escape sequence " + DescribeEscape(escaped) + "; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", line, at);
                }

                i++;
            }
            else if (c == '\n' || c == '\r')
            {
                throw new TextParseException("unterminated string: a line break inside a string must be written as \\n", line, at);
            }
            else if (c < ' ')
            {
                throw new TextParseException("control character inside a string; escape it (\\t, \\u00XX)", line, at);
            }
        }
    }

    private static string Describe(Scalar scalar) => scalar.Style switch
    {
        ScalarStyle.SingleQuoted => "'" + scalar.Value + "' in single quotes",
        ScalarStyle.Plain when scalar.Value.Length == 0 => "nothing",
        _ => "'" + scalar.Value + "'",
    };

    /// <summary>Shows a backslash and the character after it for messages; control characters by code.</summary>
    private static string DescribeEscape(char escaped) =>
        escaped < ' '
            ? "'\\' followed by character U+" + ((int)escaped).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
            : "'\\" + escaped + "'";

    // ---- collections ----

    private void Remember(AnchorName anchor, DocumentNode node)
    {
        // Registered once the node is complete: an alias inside its own anchor's node has no earlier anchor, so the tree has no cycles.
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }

    private void Open(DocumentNode node, AnchorName anchor, Mark start, bool isFlow)
    {
        if (_open.Count >= ReadLimits.MaxNesting)
        {
            throw new TextParseException(ReadLimits.NestingMessage, Line(start), Column(start));
        }

        _open.Add(new Frame(node, anchor, start, isFlow));
    }

    /// <summary>Places a finished node: the root, a sequence item, a mapping key, or the value of the pending key.</summary>
    private void Add(DocumentNode node, Mark at, bool isMergeKey)
    {
        Count(1, at);
        if (_open.Count == 0)
        {
            _root = node;
            return;
        }

        var frame = _open[_open.Count - 1];
        if (frame.Node.IsSequence)
        {
            frame.Node.AddItem(node);
            return;
        }

        if (!frame.HasKey)
        {
            if (!node.IsScalar)
            {
                throw ErrorAt("a mapping key must be text, not a list or a mapping", at);
            }

            if (node.Kind == NodeKind.Null && node.Text.Length == 0)
            {
                throw ErrorAt("the mapping key is missing before ':'", at);
            }

            frame.SetKey(node.Text, Line(at), Column(at), isMergeKey);
            return;
        }

        var entry = new MappingEntry(frame.Key, frame.KeyLine, frame.KeyColumn, node);
        if (frame.KeyIsMerge)
        {
            Merge(frame, node);
        }
        else if (frame.MergedKeys is not null && frame.MergedKeys.Remove(frame.Key))
        {
            frame.Node.ReplaceEntry(entry); // a written key overrides a merged one, in place
        }
        else if (!frame.Node.TryAddEntry(entry))
        {
            throw new TextParseException(
                _json
                    ? "duplicate property '" + frame.Key + "'; each name may appear once in an object"
                    : "duplicate key '" + frame.Key + "'; each key may appear once in a mapping",
                frame.KeyLine,
                frame.KeyColumn);
        }

        frame.ClearKey();
    }

    private void Count(int values, Mark at)
    {
        _values += values;
        if (_values > ReadLimits.MaxValues)
        {
            throw new TextParseException(ReadLimits.ValuesMessage, Line(at), Column(at));
        }
    }

    /// <summary>
    /// Applies a merge key (<c>&lt;&lt;: *base</c>): the source's entries the mapping lacks are added where the merge
    /// key stands; keys written before it win, keys written after it replace.
    /// </summary>
    private void Merge(Frame frame, DocumentNode source)
    {
        var merged = frame.MergedKeys ??= new HashSet<string>(StringComparer.Ordinal);
        if (source.IsMapping)
        {
            MergeFrom(frame.Node, source, merged, frame);
            return;
        }

        if (source.IsSequence && AllMappings(source))
        {
            foreach (var item in source.Items)
            {
                MergeFrom(frame.Node, item, merged, frame);
            }

            return;
        }

        throw new TextParseException("the merge key '<<' needs a mapping or a list of mappings (usually an alias like *base)", source.Line, source.Column);
    }

    private static bool AllMappings(DocumentNode sequence)
    {
        foreach (var item in sequence.Items)
        {
            if (!item.IsMapping)
            {
                return false;
            }
        }

        return true;
    }

    private void MergeFrom(DocumentNode target, DocumentNode source, HashSet<string> merged, Frame frame)
    {
        Count(source.Entries.Count, frame.Start);
        foreach (var entry in source.Entries)
        {
            if (target.TryAddEntry(entry))
            {
                merged.Add(entry.Key);
            }
        }
    }

    /// <summary>A mapping or sequence being read, with the key whose value comes next.</summary>
    private sealed class Frame
    {
        public Frame(DocumentNode node, AnchorName anchor, Mark start, bool isFlow)
        {
            Node = node;
            Anchor = anchor;
            Start = start;
            IsFlow = isFlow;
        }

        /// <summary>Gets whether this is a <c>{ }</c> or <c>[ ]</c> collection (rather than an indented one).</summary>
        public bool IsFlow { get; }

        public DocumentNode Node { get; }

        public AnchorName Anchor { get; }

        public Mark Start { get; }

        public bool HasKey { get; private set; }

        public string Key { get; private set; } = string.Empty;

        public int KeyLine { get; private set; }

        public int KeyColumn { get; private set; }

        public bool KeyIsMerge { get; private set; }

        public HashSet<string>? MergedKeys { get; set; }

        public void SetKey(string key, int line, int column, bool isMerge)
        {
            HasKey = true;
            Key = key;
            KeyLine = line;
            KeyColumn = column;
            KeyIsMerge = isMerge;
        }

        public void ClearKey()
        {
            HasKey = false;
            KeyIsMerge = false;
        }
    }
}
