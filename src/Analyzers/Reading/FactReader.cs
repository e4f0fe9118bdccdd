using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;
using K6Scenarios.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>
/// The analyzers' adapter to the rule core: one walk of a <c>LoadTest.Create(...)</c> chain (or of a builder fragment in
/// a helper method) reads what constants say into the same facts model validation builds from the built model.
/// Values that are computed, and configuration the walk cannot follow, are unknown; rules on them stay silent.
/// </summary>
internal sealed partial class FactReader
{
    private readonly ModelSymbols _symbols;
    private readonly ArgumentReader _arguments;
    private readonly PoolDataFiles _poolFiles;
    private readonly CancellationToken _cancellationToken;

    public FactReader(ModelSymbols symbols, PoolDataFiles poolFiles, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _arguments = new ArgumentReader(symbols);
        _poolFiles = poolFiles;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads the load test a <c>LoadTest.Create(...)</c> call starts.</summary>
    public TestFacts ReadChain(IInvocationOperation create)
    {
        var nameArgument = create.ArgumentValue("name");
        var site = nameArgument is null ? ArgumentReader.NameSiteOf(create) : ArgumentReader.SiteOf(nameArgument);
        var test = new TestFacts(ArgumentReader.String(nameArgument, site), site);

        var calls = new List<IInvocationOperation>();
        IOperation current = create;
        while (current.ParentSkippingConversions() is IInvocationOperation parent
            && parent.Instance is not null
            && ReferenceEquals(parent.Instance.WalkDownConversions(), current)
            && ModelSymbols.IsDeclaredBy(parent.TargetMethod, _symbols.LoadTestBuilder))
        {
            calls.Add(parent);
            current = parent;
        }

        // The chain is the whole definition when its value becomes a LoadTest at once (Build() or the conversion);
        // a builder returned or stored as a builder may still be extended elsewhere.
        test.IsComplete = current is IInvocationOperation { TargetMethod.Name: "Build" }
            || (current.Parent is IConversionOperation conversion && SymbolEqualityComparer.Default.Equals(conversion.Type, _symbols.LoadTest));

        // The default base URL applies to every request, and what setup captures reaches every flow: read them first.
        foreach (var call in calls)
        {
            switch (call.TargetMethod.Name)
            {
                case "BaseUrl":
                    test.DefaultBaseUrl = Fact.Of<BaseUrlFacts?>(BaseUrl(BaseUrlReader.Read(call, _cancellationToken)), ArgumentReader.NameSiteOf(call));
                    break;
                case "Setup":
                    test.LifecycleFlows.Add(ReadFlow(call.ArgumentValue("configure"), FlowKind.Setup, "setup()"));
                    break;
            }
        }

        foreach (var call in calls)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (call.TargetMethod.Name)
            {
                case "Scenario":
                    test.Scenarios.Add(ReadScenario(call, call.ArgumentValue("name"), call.ArgumentValue("configure"), null));
                    break;
                case "UserMix":
                    ReadUserMix(test, call);
                    break;
                case "Threshold":
                    test.Thresholds.Add(ReadThreshold(call));
                    break;
                case "Teardown":
                    test.LifecycleFlows.Add(ReadFlow(call.ArgumentValue("configure"), FlowKind.Teardown, "teardown()"));
                    break;
                case "Metric":
                    if (ReadMetric(call.ArgumentValue("metric")) is { } metric)
                    {
                        test.DeclaredMetrics.Add(metric);
                    }

                    break;
                case "ExpectedStatuses":
                case "AlsoExpectedStatuses":
                    if (call.Argument("statuses").ParamsItems() is { } items)
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
                    var parallelism = ArgumentReader.Integer(call, "parallelism");
                    test.Parallelism = parallelism.IsKnown ? Fact.Of<long?>(parallelism.Value, parallelism.Site) : Fact<long?>.Unknown(parallelism.Site);
                    break;
            }
        }

        return test;
    }

    /// <summary>Reads a builder fragment outside any load-test chain (a helper that configures a scenario, flow or request).</summary>
    public TestFacts? ReadFragment(IInvocationOperation top)
    {
        var site = ArgumentReader.NameSiteOf(top);
        var test = new TestFacts(Fact<string>.Unknown(site), site) { IsLoadTest = false, IsComplete = false };
        var method = top.TargetMethod;
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
    public PoolFacts ReadPoolDeclaration(IInvocationOperation factory)
    {
        var name = ArgumentReader.String(factory, "name");
        var pool = new PoolFacts(name, ArgumentReader.NameSiteOf(factory));
        if (factory.TargetMethod.Name == "Generate")
        {
            foreach (var field in factory.Argument("fields").ParamsItems() ?? Array.Empty<IOperation>())
            {
                if (field.WalkDownConversions() is ITupleOperation { Elements.Length: 2 } tuple)
                {
                    pool.GeneratedFields.Add(new NamedValueFacts(ArgumentReader.String(tuple.Elements[0], ArgumentReader.SiteOf(tuple)), _arguments.Value(tuple.Elements[1], ArgumentReader.SiteOf(tuple))));
                }
            }
        }

        return pool;
    }

    /// <summary>Reads a custom metric where it is declared (<c>CustomMetric.Rate("errors")</c>).</summary>
    public static MetricFacts ReadMetricDeclaration(IInvocationOperation factory)
    {
        var name = ArgumentReader.String(factory, "name");
        var kind = factory.TargetMethod.Name == "Trend" && Constants.Boolean(factory.ArgumentValue("isTime")) == true ? "Trend (isTime)" : factory.TargetMethod.Name;
        return new MetricFacts(name, Fact.Of(kind, name.Site), name.Site);
    }

    /// <summary>Gets the calls of a fluent fragment, innermost first (<c>s.ConstantVus(...).Flow(...)</c>).</summary>
    private static List<IInvocationOperation> FragmentCalls(IInvocationOperation top, INamedTypeSymbol? builderType)
    {
        var calls = new List<IInvocationOperation>();
        IOperation? current = top;
        while (current is IInvocationOperation call && ModelSymbols.IsDeclaredBy(call.TargetMethod, builderType))
        {
            calls.Insert(0, call);
            current = call.Instance?.WalkDownConversions();
        }

        return calls;
    }

    private static BaseUrlFacts BaseUrl(BaseUrlInfo info) =>
        new(info.Variable is null ? Fact<string>.Unknown(Site.None) : Fact.Of(info.Variable, Site.None), BaseUrlFacts.PathOf(info.DefaultValue));

    private static Fact<long> Status(IOperation item)
    {
        var site = ArgumentReader.SiteOf(item);
        return Constants.Integer(item) is { } status ? Fact.Of(status, site) : Fact<long>.Unknown(site);
    }
}
