using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Analyzers.Tests.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>
/// The tree walk recurses, reading the kinds a fluent chain is made of through their typed children, and below a depth
/// limit walks the rest of a subtree without recursion through every child: both must find the same invocations,
/// local names and function levels, in the same order.
/// </summary>
public sealed class SyntaxIndexTests
{
    public static TheoryData<string> SampleFiles() => new(Samples.SourceFiles);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_sample_is_indexed_the_same_with_and_without_recursion(string path)
    {
        var root = CSharpSyntaxTree.ParseText(Samples.Read(path)).GetRoot();

        var recursive = Describe(root, SyntaxIndex.Of(root, CancellationToken.None));

        Assert.Contains(recursive, line => line.StartsWith("invocation ", System.StringComparison.Ordinal));
        foreach (var depth in new[] { 0, 1, 3, 8 })
        {
            Assert.Equal(recursive, Describe(root, SyntaxIndex.Of(root, depth, CancellationToken.None)));
        }
    }

    [Fact]
    public void Shadowed_parameters_unfinished_code_named_arguments_and_nested_lambdas_are_indexed_the_same_at_every_depth()
    {
        const string Source = """
            class C
            {
                static void M(Builder b, int count)
                {
                    b.Flow(f => f.Get("/a", r => r.Expect(r.Status).Then(x => r.Named(x)))
                        .Post("/b", r => { var local = r; local.Json(new { r = 1 }); return r.Done(q => q.Of(r)); })
                        .Patch("/d", r => r.Json(r: r.Value, other: new { r, s = r.Count }).Then([A] q => q.Of(r)))
                        .Put("/c", r => r.);
                    foreach (var item in Enumerable.Range(0, count)) { b.Each(item, delegate (int v) { return v is int w ? w : 0; }); }
                }
            }
            """;
        var root = CSharpSyntaxTree.ParseText(Source).GetRoot();

        var recursive = Describe(root, SyntaxIndex.Of(root, CancellationToken.None));

        // r is mentioned inside functions nested in the lambdas that declare it.
        Assert.Contains(recursive, line => line.StartsWith("lambda ", System.StringComparison.Ordinal) && !line.EndsWith("nested:", System.StringComparison.Ordinal));
        for (var depth = 0; depth < 30; depth++)
        {
            Assert.Equal(recursive, Describe(root, SyntaxIndex.Of(root, depth, CancellationToken.None)));
        }
    }

    [Fact]
    public void An_expression_nested_thousands_deep_is_walked_without_running_out_of_stack()
    {
        // A sum of 20,000 terms inside a lambda: a left-deep tree of as many binary expressions.
        var sum = string.Join(" + ", Enumerable.Range(0, 20_000).Select(i => "r.Item(" + i + ")"));
        var root = CSharpSyntaxTree.ParseText("class C { static object M(B b) => b.Flow(r => " + sum + "); }").GetRoot();

        var index = SyntaxIndex.Of(root, CancellationToken.None);

        Assert.Equal(20_001, index.Invocations.Count);
        var lambda = root.DescendantNodes().OfType<SimpleLambdaExpressionSyntax>().Single();
        Assert.Equal(40_000, index.LevelOf(lambda)!.Nodes.Count);
    }

    // Everything the reader takes from the index, as text: invocations in order, the local names, and each function's level.
    private static List<string> Describe(SyntaxNode root, SyntaxIndex index)
    {
        var lines = index.Invocations.Select(i => "invocation " + i.Span).ToList();
        lines.Add("locals " + string.Join(",", index.LocalNames.Order(System.StringComparer.Ordinal)));
        foreach (var function in root.DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>())
        {
            var level = index.LevelOf(function)!;
            var line = new StringBuilder("lambda ").Append(function.Span).Append(" parameter ").Append(level.Parameter ?? "-").Append(':');
            foreach (var node in level.Nodes)
            {
                line.Append(' ').Append(node.Kind()).Append(node.Span);
            }

            line.Append(" nested:");
            foreach (var reference in level.NestedReferences ?? [])
            {
                line.Append(' ').Append(reference.Span);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }
}
