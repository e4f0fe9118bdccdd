using System.Globalization;
using System.Text;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// A strict RFC 8259 JSON parser that reports the line and column of the first error.
/// Line breaks are expected to be normalized to '\n' by the caller.
/// </summary>
internal sealed class JsonTextParser
{
    private readonly string _text;
    private readonly StringBuilder _buffer = new();
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private JsonTextParser(string text, int start)
    {
        _text = text;
        _position = start;
        _lineStart = start; // a byte order mark before start is not a column
    }

    /// <summary>Parses one JSON value that makes up the whole text (after <paramref name="start"/>).</summary>
    public static DocumentNode Parse(string text, int start)
    {
        var parser = new JsonTextParser(text, start);
        parser.SkipWhitespace();
        var root = parser.ParseValue();
        parser.SkipWhitespace();
        if (parser._position < text.Length)
        {
            throw parser.Error("unexpected content after the end of the JSON document");
        }

        return root;
    }

    private int Column => _position - _lineStart + 1;

    private TextParseException Error(string message) => new(message, _line, Column);

    private static TextParseException ErrorAt(string message, int line, int column) => new(message, line, column);

    private string Describe()
    {
        if (_position >= _text.Length)
        {
            return "the end of the document";
        }

        var c = _text[_position];
        return c == '\n' ? "a line break" : c < ' ' ? "a control character" : "'" + c + "'";
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c == ' ' || c == '\t' || c == '\r')
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private DocumentNode ParseValue()
    {
        if (_position >= _text.Length)
        {
            throw Error("unexpected end of the document: expected a JSON value");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject();
            case '[':
                return ParseArray();
            case '"':
                {
                    var line = _line;
                    var column = Column;
                    return DocumentNode.Scalar(NodeKind.String, ParseString(), line, column);
                }

            case 't':
                return ParseLiteral("true", NodeKind.Boolean);
            case 'f':
                return ParseLiteral("false", NodeKind.Boolean);
            case 'n':
                return ParseLiteral("null", NodeKind.Null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ParseNumber();
                }

                throw Error("expected a JSON value, found " + Describe());
        }
    }

    private void Enter()
    {
        if (++_depth > TextLimits.MaxNesting)
        {
            throw Error(TextLimits.NestingMessage);
        }
    }

    private DocumentNode ParseObject()
    {
        Enter();
        var node = DocumentNode.Mapping(_line, Column);
        _position++;
        SkipWhitespace();
        if (_position < _text.Length && _text[_position] == '}')
        {
            _position++;
            _depth--;
            return node;
        }

        while (true)
        {
            if (_position >= _text.Length || _text[_position] != '"')
            {
                throw Error("expected a quoted property name, found " + Describe());
            }

            var keyLine = _line;
            var keyColumn = Column;
            var key = ParseString();
            SkipWhitespace();
            if (_position >= _text.Length || _text[_position] != ':')
            {
                throw Error("expected ':' after the property name, found " + Describe());
            }

            _position++;
            SkipWhitespace();
            var value = ParseValue();
            if (!node.TryAddEntry(new MappingEntry(key, keyLine, keyColumn, value)))
            {
                throw ErrorAt("duplicate property '" + key + "'; each name may appear once in an object", keyLine, keyColumn);
            }

            SkipWhitespace();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                SkipWhitespace();
                continue;
            }

            if (_position < _text.Length && _text[_position] == '}')
            {
                _position++;
                _depth--;
                return node;
            }

            throw Error("expected ',' or '}' after an object member, found " + Describe());
        }
    }

    private DocumentNode ParseArray()
    {
        Enter();
        var node = DocumentNode.Sequence(_line, Column);
        _position++;
        SkipWhitespace();
        if (_position < _text.Length && _text[_position] == ']')
        {
            _position++;
            _depth--;
            return node;
        }

        while (true)
        {
            node.AddItem(ParseValue());
            SkipWhitespace();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
                SkipWhitespace();
                continue;
            }

            if (_position < _text.Length && _text[_position] == ']')
            {
                _position++;
                _depth--;
                return node;
            }

            throw Error("expected ',' or ']' after an array item, found " + Describe());
        }
    }

    private DocumentNode ParseLiteral(string literal, NodeKind kind)
    {
        var line = _line;
        var column = Column;
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error("expected a JSON value, found " + Describe() + " (strings must be quoted)");
        }

        _position += literal.Length;
        return DocumentNode.Scalar(kind, literal, line, column);
    }

    private DocumentNode ParseNumber()
    {
        var line = _line;
        var column = Column;
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        if (!IsDigitAt(_position))
        {
            throw Error("expected a digit in the number, found " + Describe());
        }

        if (_text[_position] == '0')
        {
            _position++;
            if (IsDigitAt(_position))
            {
                throw Error("numbers must not have leading zeros");
            }
        }
        else
        {
            SkipDigits();
        }

        if (_position < _text.Length && _text[_position] == '.')
        {
            _position++;
            if (!IsDigitAt(_position))
            {
                throw Error("expected a digit after the decimal point, found " + Describe());
            }

            SkipDigits();
        }

        if (_position < _text.Length && (_text[_position] == 'e' || _text[_position] == 'E'))
        {
            _position++;
            if (_position < _text.Length && (_text[_position] == '+' || _text[_position] == '-'))
            {
                _position++;
            }

            if (!IsDigitAt(_position))
            {
                throw Error("expected a digit in the exponent, found " + Describe());
            }

            SkipDigits();
        }

        return DocumentNode.Scalar(NodeKind.Number, _text.Substring(start, _position - start), line, column);
    }

    private bool IsDigitAt(int index) => index < _text.Length && _text[index] >= '0' && _text[index] <= '9';

    private void SkipDigits()
    {
        while (IsDigitAt(_position))
        {
            _position++;
        }
    }

    private string ParseString()
    {
        var openLine = _line;
        var openColumn = Column;
        _position++;
        _buffer.Clear();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw ErrorAt("unterminated string: the closing '\"' is missing", openLine, openColumn);
            }

            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return _buffer.ToString();
            }

            if (c == '\\')
            {
                ParseEscape();
                continue;
            }

            if (c < ' ')
            {
                throw Error(c == '\n'
                    ? "unterminated string: a line break inside a string must be written as \\n"
                    : "control character inside a string; escape it (\\t, \\u00XX)");
            }

            _buffer.Append(c);
            _position++;
        }
    }

    private void ParseEscape()
    {
        if (_position + 1 >= _text.Length)
        {
            _position++;
            throw Error("unterminated string: the document ends inside an escape sequence");
        }

        var escape = _text[_position + 1];
        switch (escape)
        {
            case '"': _buffer.Append('"'); break;
            case '\\': _buffer.Append('\\'); break;
            case '/': _buffer.Append('/'); break;
            case 'b': _buffer.Append('\b'); break;
            case 'f': _buffer.Append('\f'); break;
            case 'n': _buffer.Append('\n'); break;
            case 'r': _buffer.Append('\r'); break;
            case 't': _buffer.Append('\t'); break;
            case 'u':
                {
                    if (!TryReadHex(_text, _position + 2, 4, out var code))
                    {
                        throw Error("\\u must be followed by four hexadecimal digits");
                    }

                    _buffer.Append((char)code);
                    _position += 6;
                    return;
                }

            default:
                throw Error("unknown escape sequence " + DescribeEscape(escape) + "; JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }

        _position += 2;
    }

    /// <summary>Shows a backslash and the character after it for messages; control characters by code.</summary>
    internal static string DescribeEscape(char escaped) =>
        escaped < ' '
            ? "'\\' followed by character U+" + ((int)escaped).ToString("X4", CultureInfo.InvariantCulture)
            : "'\\" + escaped + "'";

    /// <summary>Reads <paramref name="count"/> hexadecimal digits at <paramref name="start"/>.</summary>
    internal static bool TryReadHex(string text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        long accumulated = 0;

        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            int digit;
            if (c >= '0' && c <= '9')
            {
                digit = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                digit = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                digit = c - 'A' + 10;
            }
            else
            {
                return false;
            }

            accumulated = (accumulated * 16) + digit;
        }

        // Beyond the last Unicode code point: not a character (only reachable with 8-digit YAML escapes).
        if (accumulated > 0x10FFFF)
        {
            return false;
        }

        value = (int)accumulated;
        return true;
    }
}

/// <summary>Limits shared by both parsers, so hostile input cannot exhaust the stack.</summary>
internal static class TextLimits
{
    public const int MaxNesting = 200;

    public static readonly string NestingMessage = "the document nests deeper than "
        + MaxNesting.ToString(CultureInfo.InvariantCulture) + " levels";
}
