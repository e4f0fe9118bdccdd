using System;
using System.Collections.Generic;
using System.IO;
using K6Scenarios.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K6Scenarios.ScenarioFiles.Yaml;

/// <summary>The kinds of YAML node.</summary>
internal enum NodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>A YAML node with its position. Aliases share the anchored node, so nothing is copied.</summary>
internal sealed class Node
{
    public Node(NodeKind kind, long line, long column)
    {
        Kind = kind;
        Line = (int)Math.Clamp(line, 1, int.MaxValue);
        Column = (int)Math.Clamp(column, 1, int.MaxValue);
    }

    public NodeKind Kind { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Gets the scalar's text.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Gets whether the scalar was written without quotes (so <c>10</c> is a number, <c>"10"</c> text).</summary>
    public bool IsPlain { get; init; }

    /// <summary>Gets the mapping's entries, in order.</summary>
    public List<KeyValuePair<Node, Node>> Entries { get; } = [];

    /// <summary>Gets the sequence's items, in order.</summary>
    public List<Node> Items { get; } = [];

    /// <summary>Gets how many nodes this one stands for once aliases are expanded (saturating).</summary>
    public long ExpandedSize { get; set; } = 1;

    /// <summary>Gets whether this is YAML's null (<c>~</c>, <c>null</c>, or nothing).</summary>
    public bool IsNull => Kind == NodeKind.Scalar && IsPlain && Text is "" or "~" or "null" or "Null" or "NULL";

    public string Describe() => Kind switch
    {
        NodeKind.Mapping => "a mapping",
        NodeKind.Sequence => "a list",
        _ when IsNull => "nothing",
        _ when IsPlain && (Text is "true" or "false") => "the Boolean " + Text,
        _ when IsPlain && double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => "the number " + Text,
        _ => "the text '" + (Text.Length > 40 ? Text[..40] + "..." : Text) + "'",
    };
}

/// <summary>
/// Reads a YAML document into <see cref="Node"/>s from YamlDotNet's event parser (which is not recursive), with the
/// limits a hand-written file never reaches: nesting depth and alias expansion. Syntax errors, duplicate keys and
/// exceeded limits become diagnostics; nothing throws.
/// </summary>
internal static class YamlTree
{
    /// <summary>The deepest nesting accepted (a load test needs about 15).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes the document may stand for once aliases are expanded.</summary>
    public const long MaxExpandedNodes = 100_000;

    public static Node? Read(string text, string file, List<ModelDiagnostic> diagnostics)
    {
        try
        {
            return ReadCore(text, file, diagnostics);
        }
        catch (YamlException e)
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileSyntax, string.Empty, At(file, e.Start), Clean(e.Message) + "; check the indentation (spaces only) and the quoting here"));
            return null;
        }
#pragma warning disable CA1031 // The parser must never take the loader down: any failure is a syntax diagnostic at the file.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileSyntax, string.Empty, SourceLocation.At(file, 1, 1), Clean(e.Message)));
            return null;
        }
    }

    private static Node? ReadCore(string text, string file, List<ModelDiagnostic> diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, Node>(StringComparer.Ordinal);
        var stack = new Stack<(Node Node, string? Anchor, Node? PendingKey, HashSet<string>? Keys)>();
        Node? root = null;
        var documents = 0;
        while (MoveNext(parser, stack.Count == 0 ? null : stack.Peek().Node, file, diagnostics) is true)
        {
            var current = parser.Current!;
            switch (current)
            {
                case DocumentStart start when !start.IsImplicit || documents > 0:
                    documents++;
                    if (documents > 1)
                    {
                        diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileSyntax, string.Empty, At(file, start.Start),
                            "a scenario file holds one YAML document, and this is a second one ('---'); put several load tests under loadTests"));
                        return null;
                    }

                    continue;
                case DocumentStart:
                    documents++;
                    continue;
                case StreamStart or StreamEnd or DocumentEnd or Comment:
                    continue;
            }

            Node? complete = null;
            string? anchor = null;
            switch (current)
            {
                case Scalar scalar:
                    complete = new Node(NodeKind.Scalar, scalar.Start.Line, scalar.Start.Column) { Text = scalar.Value, IsPlain = scalar.Style == ScalarStyle.Plain };
                    anchor = AnchorOf(scalar);
                    break;
                case MappingStart mapping:
                    if (stack.Count >= MaxDepth)
                    {
                        diagnostics.Add(Limit(file, At(file, mapping.Start), "nests deeper than " + MaxDepth + " levels", MaxDepth + " levels"));
                        return null;
                    }

                    stack.Push((new Node(NodeKind.Mapping, mapping.Start.Line, mapping.Start.Column), AnchorOf(mapping), null, new HashSet<string>(StringComparer.Ordinal)));
                    continue;
                case SequenceStart sequence:
                    if (stack.Count >= MaxDepth)
                    {
                        diagnostics.Add(Limit(file, At(file, sequence.Start), "nests deeper than " + MaxDepth + " levels", MaxDepth + " levels"));
                        return null;
                    }

                    stack.Push((new Node(NodeKind.Sequence, sequence.Start.Line, sequence.Start.Column), AnchorOf(sequence), null, null));
                    continue;
                case MappingEnd or SequenceEnd:
                    var finished = stack.Pop();
                    complete = finished.Node;
                    anchor = finished.Anchor;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out complete))
                    {
                        diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileSyntax, string.Empty, At(file, alias.Start),
                            "alias '*" + alias.Value.Value + "' names no anchor defined before it (an anchor is '&name' on an earlier, complete node)"));
                        return null;
                    }

                    break;
                default:
                    continue;
            }

            if (anchor is not null)
            {
                anchors[anchor] = complete!;
            }

            if (stack.Count == 0)
            {
                root = complete;
                continue;
            }

            var parent = stack.Pop();
            if (parent.Node.Kind == NodeKind.Sequence)
            {
                parent.Node.Items.Add(complete!);
                parent.Node.ExpandedSize = Add(parent.Node.ExpandedSize, complete!.ExpandedSize);
            }
            else if (parent.PendingKey is null)
            {
                if (complete!.Kind != NodeKind.Scalar)
                {
                    diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileSyntax, string.Empty, SourceLocation.At(file, complete.Line, complete.Column),
                        "a key must be plain text, not " + complete.Describe()));
                    return null;
                }

                if (!parent.Keys!.Add(complete.Text))
                {
                    var first = parent.Node.Entries.Find(e => e.Key.Text == complete.Text).Key;
                    diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileDuplicateKey, string.Empty, SourceLocation.At(file, complete.Line, complete.Column),
                        complete.Text, "this mapping", first.Line));
                }

                parent.PendingKey = complete;
            }
            else
            {
                // A duplicate key was reported above; its second value is dropped so the first one is bound.
                var key = parent.PendingKey;
                if (!parent.Node.Entries.Exists(e => e.Key.Text == key.Text))
                {
                    parent.Node.Entries.Add(new KeyValuePair<Node, Node>(parent.PendingKey, complete!));
                }

                parent.Node.ExpandedSize = Add(parent.Node.ExpandedSize, complete!.ExpandedSize + 1);
                parent.PendingKey = null;
            }

            if (parent.Node.ExpandedSize > MaxExpandedNodes)
            {
                diagnostics.Add(Limit(file, At(file, current.Start), "expands its aliases into more than " + MaxExpandedNodes + " nodes", MaxExpandedNodes + " nodes"));
                return null;
            }

            stack.Push(parent);
        }

        return root;
    }

    // YamlDotNet's parser fails with InvalidOperationException (not a YamlException) when the file ends inside an open
    // flow collection; the innermost open node is where the user has to look.
    private static bool? MoveNext(Parser parser, Node? open, string file, List<ModelDiagnostic> diagnostics)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            var at = open is null ? SourceLocation.At(file, 1, 1) : SourceLocation.At(file, open.Line, open.Column);
            diagnostics.Add(new ModelDiagnostic(DiagnosticCatalog.ScenarioFileSyntax, string.Empty, at,
                "the " + (open?.Kind == NodeKind.Sequence ? "'[' list" : "'{' mapping") + " opened here is never closed; add its closing bracket"));
            return null;
        }
    }

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

    private static ModelDiagnostic Limit(string file, SourceLocation at, string what, string limit) =>
        new(DiagnosticCatalog.ScenarioFileExpansionLimit, string.Empty, at, what, limit);

    private static SourceLocation At(string file, Mark mark) => SourceLocation.At(file, Math.Max(1, (int)Math.Min(int.MaxValue, mark.Line)), Math.Max(1, (int)Math.Min(int.MaxValue, mark.Column)));

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic has the position already.
    private static string Clean(string message)
    {
        var text = message;
        var marker = text.LastIndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(Line:", StringComparison.Ordinal) && marker > 0)
        {
            text = text[(marker + 3)..];
        }

        text = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        return text.TrimEnd('.');
    }
}
