using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>
/// The analyzers' adapter to the rule core: one walk of a <c>LoadTest.Create(...)</c> chain (or of a builder fragment in
/// a helper method) reads what constants say into the same facts model validation builds from the built model.
/// Values that are computed, and configuration the walk cannot follow, are unknown; rules on them stay silent.
/// </summary>
internal sealed partial class FactReader
{
    private readonly Semantics _semantics;
    private readonly ModelSymbols _symbols;
    private readonly ArgumentReader _arguments;
    private readonly PoolDataFiles _poolFiles;
    private readonly CancellationToken _cancellationToken;

    public FactReader(Semantics semantics, PoolDataFiles poolFiles)
    {
        _semantics = semantics;
        _symbols = semantics.Symbols;
        _arguments = new ArgumentReader(semantics);
        _poolFiles = poolFiles;
        _cancellationToken = semantics.CancellationToken;
    }

    /// <summary>Reads the load test a <c>LoadTest.Create(...)</c> call starts.</summary>
    public TestFacts ReadChain(Call create)
    {
        var nameArgument = create.Value("name");
        var site = nameArgument is null ? ArgumentReader.NameSiteOf(create) : ArgumentReader.SiteOf(nameArgument);
        var test = new TestFacts(_arguments.String(nameArgument, site), site);

        var calls = new List<Call>();
        var current = create;
        while (Semantics.ParentSkippingWrappers(current.Syntax) is MemberAccessExpressionSyntax member
            && Semantics.Unwrap(member.Expression) == current.Syntax
            && member.Parent is InvocationExpressionSyntax parent && parent.Expression == member
            && LoadTestBuilderMethodOf(parent, member, current.Method) is { IsStatic: false } method
            && ModelSymbols.IsDeclaredBy(method, _symbols.LoadTestBuilder))
        {
            current = new Call(parent, method);
            calls.Add(current);
        }

        // The chain is the whole definition when its value becomes a LoadTest at once (Build() or the conversion);
        // a builder returned or stored as a builder may still be extended elsewhere.
        test.IsComplete = (current != create && current.Name == "Build")
            || SymbolEqualityComparer.Default.Equals(_semantics.ConvertedTypeOf(current.Syntax), _symbols.LoadTest);

        // The default base URL applies to every request, and what setup captures reaches every flow: read them first.
        foreach (var call in calls)
        {
            switch (call.Name)
            {
                case "BaseUrl":
                    test.DefaultBaseUrl = Fact.Of<BaseUrlFacts?>(BaseUrl(BaseUrlReader.Read(call, _semantics)), ArgumentReader.NameSiteOf(call));
                    break;
                case "Setup":
                    test.LifecycleFlows.Add(ReadFlow(call.Value("configure"), FlowKind.Setup, "setup()"));
                    break;
            }
        }

        foreach (var call in calls)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (call.Name)
            {
                case "Scenario":
                    test.Scenarios.Add(ReadScenario(call, call.Value("name"), call.Value("configure"), null));
                    break;
                case "UserMix":
                    ReadUserMix(test, call);
                    break;
                case "Threshold":
                    test.Thresholds.Add(ReadThreshold(call));
                    break;
                case "Teardown":
                    test.LifecycleFlows.Add(ReadFlow(call.Value("configure"), FlowKind.Teardown, "teardown()"));
                    break;
                case "Metric":
                    if (ReadMetric(call.Value("metric")) is { } metric)
                    {
                        test.DeclaredMetrics.Add(metric);
                    }

                    break;
                case "ExpectedStatuses":
                case "AlsoExpectedStatuses":
                    if (call.Items("statuses", _semantics) is { } items)
                    {
                        test.ExpectedStatuses.AddRange(items.Select(Status));
                    }
                    else
                    {
                        test.IsComplete = false;
                    }

                    break;
                case "Options":
                    ReadOptions(test, call);
                    break;
                case "RunOnKubernetes":
                    var parallelism = _arguments.Integer(call, "parallelism");
                    test.Parallelism = parallelism.IsKnown ? Fact.Of<long?>(parallelism.Value, parallelism.Site) : Fact<long?>.Unknown(parallelism.Site);
                    break;
            }
        }

        return test;
    }

    /// <summary>Reads a builder fragment outside any load-test chain (a helper that configures a scenario, flow or request).</summary>
    public TestFacts? ReadFragment(Call top)
    {
        var site = ArgumentReader.NameSiteOf(top);
        var test = new TestFacts(Fact<string>.Unknown(site), site) { IsLoadTest = false, IsComplete = false };
        var method = top.Method;
        if (ModelSymbols.IsDeclaredBy(method, _symbols.ScenarioBuilder))
        {
            var scenario = ReadScenarioCalls(FragmentCalls(top, _symbols.ScenarioBuilder), Fact<string>.Unknown(site), site, null);
            scenario.IsComplete = false;
            test.Scenarios.Add(scenario);
        }
        else if (ModelSymbols.IsDeclaredBy(method, _symbols.FlowBuilder))
        {
            var flow = ReadFlowCalls(FragmentCalls(top, _symbols.FlowBuilder), FlowKind.Scenario, "scenario " + RuleText.Quote(RuleText.ComputedName));
            flow.IsComplete = false;
            test.Scenarios.Add(new ScenarioFacts(Fact<string>.Unknown(site), site, flow) { IsComplete = false });
        }
        else if (ModelSymbols.IsDeclaredBy(method, _symbols.RequestBuilder))
        {
            var flow = new FlowFacts(FlowKind.Scenario, "scenario " + RuleText.Quote(RuleText.ComputedName)) { IsComplete = false };
            var request = new RequestFacts(Fact<string>.Unknown(site), Fact<string>.Unknown(site), site) { Name = Fact<string>.Unknown(site), IsComplete = false };
            ReadRequestCalls(request, FragmentCalls(top, _symbols.RequestBuilder));
            request.IsComplete = false;
            flow.Steps.Add(request);
            test.Scenarios.Add(new ScenarioFacts(Fact<string>.Unknown(site), site, flow) { IsComplete = false });
        }
        else
        {
            return null;
        }

        return test;
    }

    /// <summary>Reads a pool where it is declared (<c>UserPool.Generate(...)</c>, <c>FromJsonFile</c>, <c>FromCsvFile</c>).</summary>
    public PoolFacts ReadPoolDeclaration(Call factory)
    {
        var name = _arguments.String(factory, "name");
        var pool = new PoolFacts(name, ArgumentReader.NameSiteOf(factory));
        if (factory.Name == "Generate")
        {
            foreach (var field in factory.Items("fields", _semantics) ?? Array.Empty<ExpressionSyntax>())
            {
                if (Semantics.Unwrap(field) is TupleExpressionSyntax { Arguments.Count: 2 } tuple)
                {
                    pool.GeneratedFields.Add(new NamedValueFacts(_arguments.String(tuple.Arguments[0].Expression, ArgumentReader.SiteOf(tuple)), _arguments.Value(tuple.Arguments[1].Expression, ArgumentReader.SiteOf(tuple))));
                }
            }
        }

        return pool;
    }

    /// <summary>Reads a custom metric where it is declared (<c>CustomMetric.Rate("errors")</c>).</summary>
    public MetricFacts ReadMetricDeclaration(Call factory)
    {
        var name = _arguments.String(factory, "name");
        var kind = factory.Name == "Trend" && Constants.Boolean(factory.Value("isTime"), _semantics) == true ? "Trend (isTime)" : factory.Name;
        return new MetricFacts(name, Fact.Of(kind, name.Site), name.Site);
    }

    /// <summary>Gets the calls of a fluent fragment, innermost first (<c>s.ConstantVus(...).Flow(...)</c>).</summary>
    private List<Call> FragmentCalls(Call top, INamedTypeSymbol? builderType)
    {
        var calls = new List<Call>();
        var current = top;
        while (current is not null && ModelSymbols.IsDeclaredBy(current.Method, builderType))
        {
            calls.Insert(0, current);
            current = current.Receiver is InvocationExpressionSyntax receiver && _semantics.MethodOf(receiver) is { IsStatic: false } method ? new Call(receiver, method) : null;
        }

        return calls;
    }

    // A call on the value of a call that returns the load-test builder is matched to the builder's own overloads.
    private IMethodSymbol? LoadTestBuilderMethodOf(InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, IMethodSymbol receiverMethod) =>
        _symbols.LoadTestBuilder is { } builder && SymbolEqualityComparer.Default.Equals(receiverMethod.ReturnType.OriginalDefinition, builder)
            ? _semantics.BuilderMethodOf(invocation, member.Name.Identifier.ValueText, builder)
            : _semantics.MethodOf(invocation);

    private static BaseUrlFacts BaseUrl(BaseUrlInfo info) =>
        new(info.Variable is null ? Fact<string>.Unknown(Site.None) : Fact.Of(info.Variable, Site.None), BaseUrlFacts.PathOf(info.DefaultValue));

    private Fact<long> Status(ExpressionSyntax item)
    {
        var site = ArgumentReader.SiteOf(item);
        return Constants.Integer(item, _semantics) is { } status ? Fact.Of(status, site) : Fact<long>.Unknown(site);
    }
}
