using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace K6Scenarios.OpenApi.Parsing;

/// <summary>
/// Sits between YamlDotNet's scanner and its parser when a document is JSON, and stops at the YAML that the parser's
/// events no longer show: comments, anchors, aliases, tags, and a ',' before a closing bracket.
/// </summary>
internal sealed class JsonTokenGuard : IScanner
{
    private readonly IScanner _scanner;
    private Token? _checked;

    public JsonTokenGuard(IScanner scanner)
    {
        _scanner = scanner;
    }

    public Mark CurrentPosition => _scanner.CurrentPosition;

    public Token? Current => _scanner.Current;

    public bool MoveNext()
    {
        var moved = _scanner.MoveNext();
        Check();
        return moved;
    }

    public bool MoveNextWithoutConsuming()
    {
        var moved = _scanner.MoveNextWithoutConsuming();
        Check();
        return moved;
    }

    public void ConsumeCurrent() => _scanner.ConsumeCurrent();

    private void Check()
    {
        var token = _scanner.Current;
        if (token is null || ReferenceEquals(token, _checked))
        {
            return; // the parser peeks at a token several times; check it once
        }

        var problem = token switch
        {
            FlowMappingEnd when _checked is FlowEntry => "expected a quoted property name after ','; JSON allows no trailing comma",
            FlowSequenceEnd when _checked is FlowEntry => "expected a JSON value after ','; JSON allows no trailing comma",
            Comment => "comments ('#') are not JSON; remove the comment",
            Anchor => "anchors ('&') are YAML, not JSON",
            AnchorAlias => "aliases ('*') are YAML, not JSON",
            Tag => "tags ('!') are YAML, not JSON",
            _ => null,
        };

        _checked = token;
        if (problem is not null)
        {
            throw new TextParseException(problem, (int)token.Start.Line, (int)token.Start.Column);
        }
    }
}
