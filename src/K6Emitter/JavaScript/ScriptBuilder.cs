using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Emitter.JavaScript;

/// <summary>A region of the script produced by one model element, for mapping validation errors back to the model.</summary>
/// <param name="FirstLine">The first line (1-based).</param>
/// <param name="LastLine">The last line (1-based).</param>
/// <param name="Path">The model path of the element.</param>
/// <param name="Location">Where the element was defined in C#.</param>
internal sealed record SourceRegion(int FirstLine, int LastLine, string Path, SourceLocation? Location);

/// <summary>Writes script lines with two-space indentation and LF line ends, recording which model element wrote which lines.</summary>
internal sealed class ScriptBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<SourceRegion> _regions = [];
    private int _indent;
    private int _line = 1;

    public int CurrentLine => _line;

    public IReadOnlyList<SourceRegion> Regions => _regions;

    public ScriptBuilder Line(string text = "")
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * 2).Append(text);
        }

        _text.Append('\n');
        _line++;
        return this;
    }

    /// <summary>Writes <paramref name="opening"/>, indents what <paramref name="body"/> writes, then writes <paramref name="closing"/>.</summary>
    public ScriptBuilder Block(string opening, Action body, string closing = "}")
    {
        Line(opening);
        _indent++;
        body();
        _indent--;
        return Line(closing);
    }

    /// <summary>Records that the lines <paramref name="body"/> writes come from one model element.</summary>
    public void Region(string path, SourceLocation? location, Action body)
    {
        var first = _line;
        body();
        if (_line > first)
        {
            _regions.Add(new SourceRegion(first, _line - 1, path, location));
        }
    }

    /// <summary>Removes the last line written (to turn a closing brace into <c>} else {</c>).</summary>
    public void RemoveLastLine()
    {
        var end = _text.Length - 1;
        var start = end;
        while (start > 0 && _text[start - 1] != '\n')
        {
            start--;
        }

        _text.Length = start;
        _line--;
    }

    /// <summary>Appends another builder's lines and regions after this one's.</summary>
    public void Append(ScriptBuilder other)
    {
        var offset = _line - 1;
        _text.Append(other._text);
        _line += other._line - 1;
        _regions.AddRange(other._regions.Select(r => r with { FirstLine = r.FirstLine + offset, LastLine = r.LastLine + offset }));
    }

    public override string ToString() => _text.ToString();
}
