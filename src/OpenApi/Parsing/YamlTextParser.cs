using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// A YAML 1.2 parser for the subset that OpenAPI documents use: block mappings and sequences,
/// flow collections, plain, quoted and block scalars, comments, one document, anchors, aliases
/// and merge keys. Anything outside the subset is an error with its position, never a guess.
/// Line breaks are expected to be normalized to '\n' by the caller.
/// </summary>
internal sealed class YamlTextParser
{
    private readonly string _text;
    private readonly Dictionary<string, DocumentNode> _anchors = new(StringComparer.Ordinal);
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private YamlTextParser(string text, int start)
    {
        _text = text;
        _position = start;
        _lineStart = start; // a byte order mark before start is not a column
    }

    /// <summary>Parses the single YAML document of <paramref name="text"/>, starting at <paramref name="start"/>.</summary>
    public static DocumentNode Parse(string text, int start) => new YamlTextParser(text, start).ParseStream();

    private int Column0 => _position - _lineStart;

    private int Column => Column0 + 1;

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private TextParseException Error(string message) => new(message, _line, Column);

    private static TextParseException ErrorAt(string message, int line, int column) => new(message, line, column);

    private static string Quote(char c) => c switch
    {
        '\'' => "\"'\"",
        '\0' => "the end of the document",
        _ => "'" + c + "'",
    };

    private DocumentNode ParseStream()
    {
        // Directives (%YAML, %TAG) come before the document and change nothing we support.
        while (SkipToContent() && Column0 == 0 && Current == '%')
        {
            SkipToLineEnd();
        }

        if (!SkipToContent())
        {
            return DocumentNode.Scalar(NodeKind.Null, string.Empty, 1, 1);
        }

        DocumentNode root;
        if (AtDocumentMarker('-'))
        {
            _position += 3;
            SkipInlineSpace();
            root = AtLineEndOrComment() ? ParseBlockValue(-1, false) : ParseNodeHere(-1, Column0, false, false);
        }
        else
        {
            root = ParseBlockValue(-1, false);
        }

        if (!SkipToContent())
        {
            return root;
        }

        if (AtDocumentMarker('.'))
        {
            _position += 3;
            if (!SkipToContent())
            {
                return root;
            }
        }

        if (AtDocumentMarker('-'))
        {
            throw Error("the file holds more than one YAML document ('---'); keep the OpenAPI document alone in its file");
        }

        throw Error("unexpected content: this line is not part of the document above it; check its indentation");
    }

    // ---- whitespace, comments and lines ----

    private void NewLine()
    {
        _position++;
        _line++;
        _lineStart = _position;
    }

    private void SkipInlineSpace()
    {
        while (_position < _text.Length && (_text[_position] == ' ' || _text[_position] == '\t'))
        {
            _position++;
        }
    }

    private void SkipToLineEnd()
    {
        while (_position < _text.Length && _text[_position] != '\n')
        {
            _position++;
        }
    }

    private bool AtLineEndOrComment() => AtEnd || Current == '\n' || Current == '#';

    private bool IsBlankOrEnd(int index) => index >= _text.Length || _text[index] == ' ' || _text[index] == '\t' || _text[index] == '\n';

    private bool IsFlowIndicator(int index)
    {
        if (index >= _text.Length)
        {
            return false;
        }

        var c = _text[index];
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    private bool AtSequenceIndicator() => Current == '-' && IsBlankOrEnd(_position + 1);

    private bool AtDocumentMarker(char marker) =>
        Column0 == 0
        && _position + 2 < _text.Length
        && _text[_position] == marker && _text[_position + 1] == marker && _text[_position + 2] == marker
        && IsBlankOrEnd(_position + 3);

    private bool AtAnyDocumentMarker() => AtDocumentMarker('-') || AtDocumentMarker('.');

    /// <summary>
    /// Skips spaces, comments and line breaks up to the next content. A tab in the indentation of
    /// a line that has content is an error: YAML indents with spaces only.
    /// </summary>
    private bool SkipToContent()
    {
        var inIndentation = OnlyWhitespaceBefore(_position);
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ')
            {
                _position++;
            }
            else if (c == '\t')
            {
                if (inIndentation && LineHasContentFrom(_position))
                {
                    throw Error("tab character in the indentation; YAML indents with spaces only");
                }

                _position++;
            }
            else if (c == '\n')
            {
                NewLine();
                inIndentation = true;
            }
            else if (c == '#')
            {
                SkipToLineEnd();
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private bool OnlyWhitespaceBefore(int index)
    {
        for (var i = _lineStart; i < index; i++)
        {
            if (_text[i] != ' ' && _text[i] != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private bool LineHasContentFrom(int index)
    {
        while (index < _text.Length && (_text[index] == ' ' || _text[index] == '\t'))
        {
            index++;
        }

        return index < _text.Length && _text[index] != '\n' && _text[index] != '#';
    }

    private void ExpectLineEnd()
    {
        SkipInlineSpace();
        if (Current == '#')
        {
            SkipToLineEnd();
            return;
        }

        if (AtEnd || Current == '\n')
        {
            return;
        }

        throw Error("unexpected " + Quote(Current) + " after the value; quote the whole value if this is part of it");
    }

    private void Enter()
    {
        if (++_depth > TextLimits.MaxNesting)
        {
            throw Error(TextLimits.NestingMessage);
        }
    }

    private void Exit() => _depth--;

    // ---- block structure ----

    /// <summary>
    /// Parses the value that follows a line ending in "key:" or "-" (or the document start): the
    /// next content if it is indented more than the parent, otherwise null.
    /// </summary>
    private DocumentNode ParseBlockValue(int parentIndent, bool sequenceMayShareIndent)
    {
        var line = _line;
        var column = Column;
        if (!SkipToContent() || AtAnyDocumentMarker())
        {
            return DocumentNode.Scalar(NodeKind.Null, string.Empty, line, column);
        }

        var indent = Column0;
        if (indent > parentIndent)
        {
            return ParseNodeHere(parentIndent, indent, true, false);
        }

        // "key:\n- item": a sequence may sit at the indentation of its mapping key.
        if (indent == parentIndent && sequenceMayShareIndent && AtSequenceIndicator())
        {
            Enter();
            var sequence = ParseBlockSequence(indent);
            Exit();
            return sequence;
        }

        return DocumentNode.Scalar(NodeKind.Null, string.Empty, line, column);
    }

    /// <summary>Parses the node whose first character is at the current position.</summary>
    /// <param name="parentIndent">Indentation of the enclosing block; continuation lines must be deeper.</param>
    /// <param name="indent">Column (0-based) of this node: the indentation of a mapping or sequence that starts here.</param>
    /// <param name="allowBlockCollection">False on the line of a mapping key, where "a: b: c" and "a: - b" are errors.</param>
    /// <param name="sequenceMayShareIndent">True for a mapping value, whose block sequence may share the key's indentation.</param>
    private DocumentNode ParseNodeHere(int parentIndent, int indent, bool allowBlockCollection, bool sequenceMayShareIndent)
    {
        Enter();
        var hadProperties = ReadNodeProperties(flow: false, out var anchor, out var tag);

        DocumentNode node;
        if (hadProperties && AtLineEndOrComment())
        {
            node = ParseBlockValue(parentIndent, sequenceMayShareIndent);
        }
        else
        {
            node = ParseContent(parentIndent, hadProperties ? Column0 : indent, allowBlockCollection);
        }

        node = ApplyTag(tag, node);
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        Exit();
        return node;
    }

    private DocumentNode ParseContent(int parentIndent, int indent, bool allowBlockCollection)
    {
        var line = _line;
        var column = Column;
        var c = Current;
        switch (c)
        {
            case '*':
                {
                    var alias = ParseAlias();
                    SkipInlineSpace();
                    if (Current == ':' && IsBlankOrEnd(_position + 1))
                    {
                        throw ErrorAt("an alias cannot be a mapping key; write the key as text", line, column);
                    }

                    ExpectLineEnd();
                    return alias;
                }

            case '[':
            case '{':
                {
                    var flow = ParseFlowCollection();
                    SkipInlineSpace();
                    if (Current == ':' && IsBlankOrEnd(_position + 1))
                    {
                        throw ErrorAt("a [ ] or { } collection cannot be a mapping key", line, column);
                    }

                    ExpectLineEnd();
                    return flow;
                }

            case '|':
            case '>':
                return ParseBlockScalar(parentIndent);
            case '"':
            case '\'':
                {
                    var value = c == '"' ? ParseDoubleQuoted() : ParseSingleQuoted();
                    var endLine = _line;
                    SkipInlineSpace();
                    if (Current == ':' && IsBlankOrEnd(_position + 1))
                    {
                        if (!allowBlockCollection)
                        {
                            throw Error("a mapping value cannot hold another 'key: value' on the same line; move it to the next line, indented");
                        }

                        if (endLine != line)
                        {
                            throw ErrorAt("a mapping key must fit on one line", line, column);
                        }

                        return ParseBlockMapping(indent, value, line, column, false);
                    }

                    ExpectLineEnd();
                    return DocumentNode.Scalar(NodeKind.String, value, line, column);
                }

            case '-':
                if (IsBlankOrEnd(_position + 1))
                {
                    if (!allowBlockCollection)
                    {
                        throw Error("a '- ' list cannot start on the line of its key; start it on the next line");
                    }

                    return ParseBlockSequence(indent);
                }

                break;
            case '?':
                if (IsBlankOrEnd(_position + 1))
                {
                    throw Error("explicit mapping keys ('? ') are not supported; write 'key: value'");
                }

                break;
            case ':':
                if (IsBlankOrEnd(_position + 1))
                {
                    throw Error("the mapping key is missing before ':'");
                }

                break;
            case '@':
            case '`':
            case '%':
            case ',':
            case ']':
            case '}':
                throw Error("a plain value cannot start with " + Quote(c) + "; quote the value");
        }

        return ParsePlainInBlock(parentIndent, indent, allowBlockCollection, line, column);
    }

    private DocumentNode ParsePlainInBlock(int parentIndent, int indent, bool allowBlockCollection, int line, int column)
    {
        var end = ScanPlain(_position, false, out var isKey);
        var first = _text.Substring(_position, end - _position);
        if (isKey)
        {
            if (!allowBlockCollection)
            {
                _position = IndexOfKeyColon(end);
                throw Error("a mapping value cannot hold another 'key: value' on the same line; quote the value if it contains ': '");
            }

            _position = end;
            return ParseBlockMapping(indent, first, line, column, true);
        }

        _position = end;
        StringBuilder? folded = null;
        while (true)
        {
            SkipInlineSpace();
            if (AtEnd || Current != '\n')
            {
                break; // a comment, which ends a plain value
            }

            // Look ahead for a continuation line: deeper than the parent block, not a comment.
            var probe = _position + 1;
            var blankLines = 0;
            var continues = false;
            while (probe < _text.Length)
            {
                var spaces = 0;
                while (probe + spaces < _text.Length && _text[probe + spaces] == ' ')
                {
                    spaces++;
                }

                var next = probe + spaces;
                while (next < _text.Length && _text[next] == '\t')
                {
                    next++;
                }

                if (next >= _text.Length)
                {
                    break;
                }

                if (_text[next] == '\n')
                {
                    blankLines++;
                    probe = next + 1;
                    continue;
                }

                continues = spaces > parentIndent && _text[next] != '#' && !IsDocumentMarkerAt(probe);
                break;
            }

            if (!continues)
            {
                break;
            }

            // Consume the line breaks up to the continuation's first character.
            for (var i = 0; i <= blankLines; i++)
            {
                NewLine();
                SkipInlineSpace();
            }

            var continuationEnd = ScanPlain(_position, false, out var continuationIsKey);
            if (continuationIsKey)
            {
                _position = IndexOfKeyColon(continuationEnd);
                throw Error("this 'key: value' continues the plain value of line "
                    + line.ToString(CultureInfo.InvariantCulture)
                    + "; indent it as a mapping on its own, or quote the value above");
            }

            folded ??= new StringBuilder(first);
            if (blankLines == 0)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', blankLines);
            }

            folded.Append(_text, _position, continuationEnd - _position);
            _position = continuationEnd;
        }

        ExpectLineEnd();
        return folded is null
            ? ResolvePlain(first, line, column)
            : DocumentNode.Scalar(NodeKind.String, folded.ToString(), line, column);
    }

    private int IndexOfKeyColon(int from)
    {
        var index = from;
        while (index < _text.Length && _text[index] != ':')
        {
            index++;
        }

        return index;
    }

    private bool IsDocumentMarkerAt(int lineStart) =>
        lineStart + 2 < _text.Length
        && (_text[lineStart] == '-' || _text[lineStart] == '.')
        && _text[lineStart + 1] == _text[lineStart] && _text[lineStart + 2] == _text[lineStart]
        && IsBlankOrEnd(lineStart + 3);

    /// <summary>
    /// Finds the end (exclusive, trailing blanks trimmed) of the plain text starting at
    /// <paramref name="start"/> on this line; <paramref name="endsAtKeyIndicator"/> tells whether
    /// it stopped at ": " (so the text is a mapping key).
    /// </summary>
    private int ScanPlain(int start, bool inFlow, out bool endsAtKeyIndicator)
    {
        endsAtKeyIndicator = false;
        var index = start;
        var end = start;
        while (index < _text.Length)
        {
            var c = _text[index];
            if (c == '\n')
            {
                break;
            }

            if (c == ':' && (IsBlankOrEnd(index + 1) || (inFlow && IsFlowIndicator(index + 1))))
            {
                endsAtKeyIndicator = true;
                break;
            }

            if (c == '#' && index > start && (_text[index - 1] == ' ' || _text[index - 1] == '\t'))
            {
                break;
            }

            if (inFlow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}'))
            {
                break;
            }

            index++;
            if (c != ' ' && c != '\t')
            {
                end = index;
            }
        }

        return end;
    }

    private DocumentNode ParseBlockMapping(int indent, string firstKey, int firstKeyLine, int firstKeyColumn, bool firstKeyIsPlain)
    {
        var mapping = DocumentNode.Mapping(firstKeyLine, firstKeyColumn);
        var key = firstKey;
        var keyLine = firstKeyLine;
        var keyColumn = firstKeyColumn;
        var keyIsPlain = firstKeyIsPlain;
        HashSet<string>? mergedKeys = null;
        while (true)
        {
            SkipInlineSpace();
            _position++; // the ':' found by the key scan
            SkipInlineSpace();
            var value = AtLineEndOrComment()
                ? ParseBlockValue(indent, true)
                : ParseNodeHere(indent, Column0, false, true);

            if (keyIsPlain && string.Equals(key, "<<", StringComparison.Ordinal))
            {
                Merge(mapping, value, mergedKeys ??= new HashSet<string>(StringComparer.Ordinal));
            }
            else if (mergedKeys is not null && mergedKeys.Remove(key))
            {
                mapping.ReplaceEntry(new MappingEntry(key, keyLine, keyColumn, value)); // a written key overrides a merged one, in place
            }
            else if (!mapping.TryAddEntry(new MappingEntry(key, keyLine, keyColumn, value)))
            {
                throw ErrorAt("duplicate key '" + key + "'; each key may appear once in a mapping", keyLine, keyColumn);
            }

            if (!SkipToContent() || AtAnyDocumentMarker())
            {
                break;
            }

            var column0 = Column0;
            if (column0 < indent)
            {
                break;
            }

            if (column0 > indent)
            {
                throw Error("bad indentation: this line is indented more than the keys above it (column "
                    + (indent + 1).ToString(CultureInfo.InvariantCulture) + ") but is not inside a value");
            }

            if (AtSequenceIndicator())
            {
                throw Error("expected 'key: value' but found a '- ' list item; indent the list under its key");
            }

            keyLine = _line;
            keyColumn = Column;
            key = ScanBlockKey(out keyIsPlain);
        }

        return mapping;
    }

    /// <summary>Reads the key of the next "key: value" line and stops before its ':'.</summary>
    private string ScanBlockKey(out bool isPlain)
    {
        isPlain = false;
        var line = _line;
        var column = Column;
        var c = Current;
        if (c == '"' || c == '\'')
        {
            var quoted = c == '"' ? ParseDoubleQuoted() : ParseSingleQuoted();
            if (_line != line)
            {
                throw ErrorAt("a mapping key must fit on one line", line, column);
            }

            SkipInlineSpace();
            if (Current != ':' || !IsBlankOrEnd(_position + 1))
            {
                throw Error("expected ':' after the key " + "\"" + quoted + "\"");
            }

            return quoted;
        }

        switch (c)
        {
            case '?':
                throw Error("explicit mapping keys ('? ') are not supported; write 'key: value'");
            case '[':
            case '{':
                throw Error("a [ ] or { } collection cannot be a mapping key");
            case '&':
            case '*':
            case '!':
                throw Error("anchors, aliases and tags on mapping keys are not supported");
            case '|':
            case '>':
            case ':':
            case ',':
            case ']':
            case '}':
            case '@':
            case '`':
            case '%':
                throw Error("expected 'key: value' but the line starts with " + Quote(c));
        }

        var end = ScanPlain(_position, false, out var isKey);
        if (!isKey)
        {
            var text = _text.Substring(_position, end - _position);
            throw Error(TextSearch.Contains(text, ':')
                ? "expected 'key: value': put a space after the ':' of '" + text + "'"
                : "expected 'key: value': '" + text + "' has no ':' (or its indentation is wrong)");
        }

        isPlain = true;
        var key = _text.Substring(_position, end - _position);
        _position = end;
        return key;
    }

    /// <summary>
    /// Applies a merge key (<c>&lt;&lt;: *base</c>): the source's entries that the mapping lacks are
    /// added where the merge key stands; keys written before it win, keys written after it replace.
    /// </summary>
    private static void Merge(DocumentNode mapping, DocumentNode source, HashSet<string> mergedKeys)
    {
        if (source.IsMapping)
        {
            MergeFrom(mapping, source, mergedKeys);
            return;
        }

        if (source.IsSequence && AllMappings(source))
        {
            foreach (var item in source.Items)
            {
                MergeFrom(mapping, item, mergedKeys);
            }

            return;
        }

        throw ErrorAt("the merge key '<<' needs a mapping or a list of mappings (usually an alias like *base)", source.Line, source.Column);
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

    private static void MergeFrom(DocumentNode target, DocumentNode source, HashSet<string> mergedKeys)
    {
        foreach (var entry in source.Entries)
        {
            if (target.TryAddEntry(entry))
            {
                mergedKeys.Add(entry.Key);
            }
        }
    }

    private DocumentNode ParseBlockSequence(int indent)
    {
        var sequence = DocumentNode.Sequence(_line, Column);
        while (true)
        {
            _position++; // the '-'
            SkipInlineSpace();
            var item = AtLineEndOrComment()
                ? ParseBlockValue(indent, false)
                : ParseNodeHere(indent, Column0, true, false);
            sequence.AddItem(item);

            if (!SkipToContent() || AtAnyDocumentMarker())
            {
                break;
            }

            var column0 = Column0;
            if (column0 < indent)
            {
                break;
            }

            if (column0 > indent)
            {
                throw Error("bad indentation: this line is indented more than the '- ' items above it (column "
                    + (indent + 1).ToString(CultureInfo.InvariantCulture) + ") but is not inside an item");
            }

            if (!AtSequenceIndicator())
            {
                break;
            }
        }

        return sequence;
    }

    // ---- scalars ----

    private DocumentNode ParseAlias()
    {
        var line = _line;
        var column = Column;
        _position++;
        var start = _position;
        while (!IsBlankOrEnd(_position) && !IsFlowIndicator(_position))
        {
            _position++;
        }

        var name = _text.Substring(start, _position - start);
        if (name.Length == 0)
        {
            throw ErrorAt("the alias name is missing after '*'", line, column);
        }

        if (!_anchors.TryGetValue(name, out var target))
        {
            throw ErrorAt("alias '*" + name + "' refers to no earlier anchor '&" + name + "'", line, column);
        }

        return target;
    }

    private DocumentNode ParseBlockScalar(int parentIndent)
    {
        var line = _line;
        var column = Column;
        var literal = Current == '|';
        _position++;
        var chomping = ' ';
        var explicitIndent = 0;
        for (var i = 0; i < 2; i++)
        {
            var c = Current;
            if ((c == '+' || c == '-') && chomping == ' ')
            {
                chomping = c;
                _position++;
            }
            else if (c >= '1' && c <= '9' && explicitIndent == 0)
            {
                explicitIndent = c - '0';
                _position++;
            }
            else
            {
                break;
            }
        }

        SkipInlineSpace();
        if (Current == '#')
        {
            SkipToLineEnd();
        }

        if (!AtEnd && Current != '\n')
        {
            throw Error("unexpected " + Quote(Current) + " after '" + (literal ? "|" : ">")
                + "'; only '+', '-' or an indentation digit may follow it, and the text starts on the next line");
        }

        if (AtEnd)
        {
            return DocumentNode.Scalar(NodeKind.String, string.Empty, line, column);
        }

        NewLine();
        var baseIndent = parentIndent < 0 ? 0 : parentIndent;
        var contentIndent = explicitIndent > 0 ? baseIndent + explicitIndent : DetectBlockIndent(parentIndent);

        var result = new StringBuilder();
        var emptyLines = 0;
        var readContent = false;
        var inMoreIndented = false;
        var lastLineHadBreak = false;
        while (!AtEnd)
        {
            var spaces = 0;
            while (_position + spaces < _text.Length && _text[_position + spaces] == ' ' && (contentIndent < 0 || spaces < contentIndent))
            {
                spaces++;
            }

            var after = _position + spaces;
            if (contentIndent < 0 || spaces < contentIndent)
            {
                if (!IsWhitespaceToLineEnd(after))
                {
                    break; // less indented content: the block scalar ends here
                }

                emptyLines++;
                SkipLine();
                continue;
            }

            if (contentIndent == 0 && IsDocumentMarkerAt(_position))
            {
                break;
            }

            var lineEnd = after;
            while (lineEnd < _text.Length && _text[lineEnd] != '\n')
            {
                lineEnd++;
            }

            if (lineEnd == after)
            {
                emptyLines++;
                SkipLine();
                continue;
            }

            if (literal)
            {
                result.Append('\n', readContent ? emptyLines + 1 : emptyLines);
            }
            else if (_text[after] == ' ' || _text[after] == '\t')
            {
                // More-indented lines keep their line breaks in folded scalars.
                result.Append('\n', readContent ? emptyLines + 1 : emptyLines);
                inMoreIndented = true;
            }
            else if (inMoreIndented)
            {
                result.Append('\n', emptyLines + 1);
                inMoreIndented = false;
            }
            else if (emptyLines == 0)
            {
                if (readContent)
                {
                    result.Append(' ');
                }
            }
            else
            {
                result.Append('\n', emptyLines);
            }

            result.Append(_text, after, lineEnd - after);
            readContent = true;
            emptyLines = 0;
            _position = lineEnd;
            lastLineHadBreak = !AtEnd;
            if (!AtEnd)
            {
                NewLine();
            }
        }

        if (chomping == '+')
        {
            result.Append('\n', readContent && lastLineHadBreak ? emptyLines + 1 : emptyLines);
        }
        else if (chomping == ' ' && readContent && lastLineHadBreak)
        {
            result.Append('\n');
        }

        return DocumentNode.Scalar(NodeKind.String, result.ToString(), line, column);
    }

    /// <summary>The indentation of the first non-empty line, or -1 when it belongs to the parent.</summary>
    private int DetectBlockIndent(int parentIndent)
    {
        var probe = _position;
        while (probe < _text.Length)
        {
            var spaces = 0;
            while (probe + spaces < _text.Length && _text[probe + spaces] == ' ')
            {
                spaces++;
            }

            if (IsWhitespaceToLineEnd(probe + spaces))
            {
                var lineEnd = probe + spaces;
                while (lineEnd < _text.Length && _text[lineEnd] != '\n')
                {
                    lineEnd++;
                }

                probe = lineEnd + 1;
                continue;
            }

            return spaces > parentIndent ? spaces : -1;
        }

        return -1;
    }

    private bool IsWhitespaceToLineEnd(int index)
    {
        while (index < _text.Length && (_text[index] == ' ' || _text[index] == '\t'))
        {
            index++;
        }

        return index >= _text.Length || _text[index] == '\n';
    }

    private void SkipLine()
    {
        SkipToLineEnd();
        if (!AtEnd)
        {
            NewLine();
        }
    }

    private string ParseSingleQuoted()
    {
        var openLine = _line;
        var openColumn = Column;
        _position++;
        var value = new StringBuilder();
        var keep = 0;
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt("unterminated single-quoted string: the closing \"'\" is missing", openLine, openColumn);
            }

            var c = Current;
            if (c == '\'')
            {
                if (_position + 1 < _text.Length && _text[_position + 1] == '\'')
                {
                    value.Append('\'');
                    _position += 2;
                    keep = value.Length;
                    continue;
                }

                _position++;
                return value.ToString();
            }

            if (c == '\n')
            {
                value.Length = keep;
                FoldQuotedLineBreak(value);
                keep = value.Length;
                continue;
            }

            value.Append(c);
            _position++;
            if (c != ' ' && c != '\t')
            {
                keep = value.Length;
            }
        }
    }

    private string ParseDoubleQuoted()
    {
        var openLine = _line;
        var openColumn = Column;
        _position++;
        var value = new StringBuilder();
        var keep = 0;
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt("unterminated double-quoted string: the closing '\"' is missing", openLine, openColumn);
            }

            var c = Current;
            if (c == '"')
            {
                _position++;
                return value.ToString();
            }

            if (c == '\\')
            {
                if (_position + 1 < _text.Length && _text[_position + 1] == '\n')
                {
                    // An escaped line break joins the lines without a space.
                    _position++;
                    NewLine();
                    SkipInlineSpace();
                    keep = value.Length;
                    continue;
                }

                AppendEscape(value);
                keep = value.Length;
                continue;
            }

            if (c == '\n')
            {
                value.Length = keep;
                FoldQuotedLineBreak(value);
                keep = value.Length;
                continue;
            }

            value.Append(c);
            _position++;
            if (c != ' ' && c != '\t')
            {
                keep = value.Length;
            }
        }
    }

    /// <summary>A line break inside quotes becomes a space; each blank line after it a '\n'.</summary>
    private void FoldQuotedLineBreak(StringBuilder value)
    {
        NewLine();
        var blankLines = 0;
        while (true)
        {
            SkipInlineSpace();
            if (Current == '\n')
            {
                blankLines++;
                NewLine();
                continue;
            }

            break;
        }

        if (blankLines == 0)
        {
            value.Append(' ');
        }
        else
        {
            value.Append('\n', blankLines);
        }
    }

    private void AppendEscape(StringBuilder value)
    {
        if (_position + 1 >= _text.Length)
        {
            _position++;
            throw Error("unterminated double-quoted string: the document ends inside an escape sequence");
        }

        var escape = _text[_position + 1];
        string? simple = escape switch
        {
            '0' => "\0",
            'a' => "\a",
            'b' => "\b",
            't' => "\t",
            '\t' => "\t",
            'n' => "\n",
            'v' => "\v",
            'f' => "\f",
            'r' => "\r",
            'e' => "\u001b",
            ' ' => " ",
            '"' => "\"",
            '/' => "/",
            '\\' => "\\",
            'N' => "\u0085",
            '_' => "\u00a0",
            'L' => "\u2028",
            'P' => "\u2029",
            _ => null,
        };
        if (simple is not null)
        {
            value.Append(simple);
            _position += 2;
            return;
        }

        var digits = escape switch
        {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        if (digits == 0)
        {
            throw Error("unknown escape sequence " + JsonTextParser.DescribeEscape(escape) + " in a double-quoted string; write '\\\\' for a backslash");
        }

        if (!JsonTextParser.TryReadHex(_text, _position + 2, digits, out var code))
        {
            throw Error("'\\" + escape + "' must be followed by " + digits.ToString(CultureInfo.InvariantCulture) + " hexadecimal digits");
        }

        if (code >= 0xD800 && code <= 0xDFFF)
        {
            value.Append((char)code); // half of a surrogate pair written as two \u escapes
        }
        else
        {
            value.Append(char.ConvertFromUtf32(code));
        }

        _position += 2 + digits;
    }

    /// <summary>
    /// Honours the one tag OpenAPI documents use, <c>!!str</c> (a number or boolean kept as text);
    /// other tags (<c>!!int</c>, custom ones) are ignored and the value keeps its plain typing.
    /// </summary>
    private static DocumentNode ApplyTag(string? tag, DocumentNode node) =>
        string.Equals(tag, "!!str", StringComparison.Ordinal) && node.IsScalar && node.Kind != NodeKind.String
            ? DocumentNode.Scalar(NodeKind.String, node.Text, node.Line, node.Column)
            : node;

    /// <summary>Types a plain scalar with the YAML 1.2 core schema (null, booleans, numbers; anything else is a string).</summary>
    private static DocumentNode ResolvePlain(string text, int line, int column)
    {
        switch (text)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return DocumentNode.Scalar(NodeKind.Null, text, line, column);
            case "true":
            case "True":
            case "TRUE":
                return DocumentNode.Scalar(NodeKind.Boolean, "true", line, column);
            case "false":
            case "False":
            case "FALSE":
                return DocumentNode.Scalar(NodeKind.Boolean, "false", line, column);
        }

        return DocumentNode.Scalar(YamlNumbers.IsNumber(text) ? NodeKind.Number : NodeKind.String, text, line, column);
    }

    // ---- flow collections ----

    private void SkipFlowSpace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == ' ' || c == '\t')
            {
                _position++;
            }
            else if (c == '\n')
            {
                NewLine();
            }
            else if (c == '#')
            {
                SkipToLineEnd();
            }
            else
            {
                return;
            }
        }
    }

    private DocumentNode ParseFlowCollection()
    {
        Enter();
        var openLine = _line;
        var openColumn = Column;
        var isMapping = Current == '{';
        var close = isMapping ? '}' : ']';
        var node = isMapping ? DocumentNode.Mapping(openLine, openColumn) : DocumentNode.Sequence(openLine, openColumn);
        _position++;
        while (true)
        {
            SkipFlowSpace();
            if (AtEnd)
            {
                throw ErrorAt("unterminated " + (isMapping ? "{ } mapping" : "[ ] list") + ": the closing '" + close + "' is missing", openLine, openColumn);
            }

            if (Current == close)
            {
                _position++;
                break;
            }

            if (isMapping)
            {
                ParseFlowMappingEntry(node);
            }
            else
            {
                node.AddItem(ParseFlowSequenceItem());
            }

            SkipFlowSpace();
            if (Current == ',')
            {
                _position++;
                continue;
            }

            if (Current == close)
            {
                _position++;
                break;
            }

            if (AtEnd)
            {
                throw ErrorAt("unterminated " + (isMapping ? "{ } mapping" : "[ ] list") + ": the closing '" + close + "' is missing", openLine, openColumn);
            }

            throw Error("expected ',' or '" + close + "' but found " + Quote(Current) + " (in the " + (isMapping ? "{ } mapping" : "[ ] list")
                + " opened at line " + openLine.ToString(CultureInfo.InvariantCulture) + ", column " + openColumn.ToString(CultureInfo.InvariantCulture) + ")");
        }

        Exit();
        return node;
    }

    private DocumentNode ParseFlowSequenceItem()
    {
        var line = _line;
        var column = Column;
        var wasQuoted = Current == '"' || Current == '\'';
        var item = ParseFlowNode();
        SkipFlowSpace();
        if (Current != ':' || !(wasQuoted || IsBlankOrEnd(_position + 1) || IsFlowIndicator(_position + 1)))
        {
            return item;
        }

        // "[name: value]": a single-pair mapping inside a list.
        if (!item.IsScalar)
        {
            throw Error("a [ ] or { } collection cannot be a mapping key");
        }

        _position++;
        SkipFlowSpace();
        var value = Current == ',' || Current == ']'
            ? DocumentNode.Scalar(NodeKind.Null, string.Empty, _line, Column)
            : ParseFlowNode();
        var pair = DocumentNode.Mapping(line, column);
        pair.TryAddEntry(new MappingEntry(item.Text, line, column, value));
        return pair;
    }

    private void ParseFlowMappingEntry(DocumentNode mapping)
    {
        var keyLine = _line;
        var keyColumn = Column;
        switch (Current)
        {
            case '?':
                if (IsBlankOrEnd(_position + 1))
                {
                    throw Error("explicit mapping keys ('? ') are not supported; write 'key: value'");
                }

                break;
            case ':':
                throw Error("the mapping key is missing before ':'");
            case '[':
            case '{':
                throw Error("a [ ] or { } collection cannot be a mapping key");
        }

        var key = ParseFlowNode();
        if (!key.IsScalar)
        {
            throw ErrorAt("an alias to a collection cannot be a mapping key", keyLine, keyColumn);
        }

        SkipFlowSpace();
        DocumentNode value;
        if (Current == ':')
        {
            _position++;
            SkipFlowSpace();
            value = Current == ',' || Current == '}'
                ? DocumentNode.Scalar(NodeKind.Null, string.Empty, _line, Column)
                : ParseFlowNode();
        }
        else
        {
            value = DocumentNode.Scalar(NodeKind.Null, string.Empty, _line, Column);
        }

        if (!mapping.TryAddEntry(new MappingEntry(key.Text, keyLine, keyColumn, value)))
        {
            throw ErrorAt("duplicate key '" + key.Text + "'; each key may appear once in a mapping", keyLine, keyColumn);
        }
    }

    /// <summary>Reads a node's anchor (<c>&amp;name</c>) and tag (<c>!tag</c>), in either order; returns whether there were any.</summary>
    private bool ReadNodeProperties(bool flow, out string? anchor, out string? tag)
    {
        anchor = null;
        tag = null;
        var hadProperties = false;
        while (Current == '&' || Current == '!')
        {
            var isAnchor = Current == '&';
            var nameLine = _line;
            var nameColumn = Column;
            _position++;
            var start = _position;
            while (!IsBlankOrEnd(_position) && !IsFlowIndicator(_position))
            {
                _position++;
            }

            if (isAnchor)
            {
                if (_position == start)
                {
                    throw ErrorAt("the anchor name is missing after '&'", nameLine, nameColumn);
                }

                anchor = _text.Substring(start, _position - start);
            }
            else
            {
                tag = _text.Substring(start - 1, _position - start + 1); // with its first '!'
            }

            hadProperties = true;
            if (flow)
            {
                SkipFlowSpace();
            }
            else
            {
                SkipInlineSpace();
            }
        }

        return hadProperties;
    }

    private DocumentNode ParseFlowNode()
    {
        ReadNodeProperties(flow: true, out var anchor, out var tag);

        var node = ApplyTag(tag, ParseFlowContent());
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        return node;
    }

    private DocumentNode ParseFlowContent()
    {
        var line = _line;
        var column = Column;
        var c = Current;
        switch (c)
        {
            case '[':
            case '{':
                return ParseFlowCollection();
            case '"':
                return DocumentNode.Scalar(NodeKind.String, ParseDoubleQuoted(), line, column);
            case '\'':
                return DocumentNode.Scalar(NodeKind.String, ParseSingleQuoted(), line, column);
            case '*':
                return ParseAlias();
            case '|':
            case '>':
                throw Error("block scalars ('|', '>') cannot appear inside [ ] or { }; quote the text instead");
            case ',':
            case ']':
            case '}':
                throw Error("expected a value before " + Quote(c));
            case '@':
            case '`':
            case '%':
                throw Error("a plain value cannot start with " + Quote(c) + "; quote the value");
            case '-':
                if (IsBlankOrEnd(_position + 1))
                {
                    throw Error("'- ' list items cannot appear inside [ ] or { }; separate the items with ','");
                }

                break;
        }

        if (AtEnd)
        {
            throw Error("unexpected end of the document: expected a value");
        }

        var end = ScanPlain(_position, true, out _);
        if (end == _position)
        {
            throw Error("expected a value but found " + Quote(c));
        }

        var first = _text.Substring(_position, end - _position);
        _position = end;
        StringBuilder? folded = null;

        // A plain value inside [ ] or { } may continue on the next lines.
        while (true)
        {
            var savedPosition = _position;
            var savedLine = _line;
            var savedLineStart = _lineStart;
            SkipInlineSpace();
            var breaks = 0;
            while (Current == '\n')
            {
                breaks++;
                NewLine();
                SkipInlineSpace();
            }

            var next = Current;
            var continues = breaks > 0 && !AtEnd
                && next != ',' && next != '[' && next != ']' && next != '{' && next != '}' && next != '#'
                && !(next == ':' && (IsBlankOrEnd(_position + 1) || IsFlowIndicator(_position + 1)));
            if (!continues)
            {
                _position = savedPosition;
                _line = savedLine;
                _lineStart = savedLineStart;
                break;
            }

            var continuationEnd = ScanPlain(_position, true, out _);
            folded ??= new StringBuilder(first);
            if (breaks == 1)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', breaks - 1);
            }

            folded.Append(_text, _position, continuationEnd - _position);
            _position = continuationEnd;
        }

        return folded is null
            ? ResolvePlain(first, line, column)
            : DocumentNode.Scalar(NodeKind.String, folded.ToString(), line, column);
    }
}
