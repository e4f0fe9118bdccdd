using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;

namespace K6Scenarios.Rules;

/// <summary>
/// One rule of the catalog: its descriptor and the checks it makes, each an entry point the engine calls once per
/// element of that kind. A rule overrides only the entry points it needs.
/// </summary>
internal abstract class Rule
{
    /// <summary>Gets the rule's descriptor (ID, title, message format, severity).</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>Checks the load test as a whole (once per test, before its elements).</summary>
    public virtual void CheckTest(RuleContext context)
    {
    }

    /// <summary>Checks a scenario and its executor.</summary>
    public virtual void CheckScenario(ScenarioFacts scenario, RuleContext context)
    {
    }

    /// <summary>Checks a step, in run order (nested steps after their container).</summary>
    public virtual void CheckStep(StepFacts step, StepContext where, RuleContext context)
    {
    }

    /// <summary>Checks a threshold.</summary>
    public virtual void CheckThreshold(ThresholdFacts threshold, RuleContext context)
    {
    }

    /// <summary>Checks a custom metric where it is declared (each declaration once).</summary>
    public virtual void CheckMetricDeclaration(MetricFacts metric, RuleContext context)
    {
    }

    /// <summary>Checks a user pool where it is declared (each pool once).</summary>
    public virtual void CheckPool(PoolFacts pool, RuleContext context)
    {
    }

    /// <summary>Checks the OpenAPI documents themselves (once per set of documents).</summary>
    public virtual void CheckDocuments(ApiDocuments documents, RuleContext context)
    {
    }

    /// <summary>Reports this rule.</summary>
    protected void Report(RuleContext context, Site site, params object?[] arguments) =>
        context.Sink.Report(Descriptor, site, arguments, null);

    /// <summary>Reports this rule with properties for code fixes.</summary>
    protected void Report(RuleContext context, Site site, IReadOnlyDictionary<string, string?> properties, params object?[] arguments) =>
        context.Sink.Report(Descriptor, site, arguments, properties);
}

/// <summary>Receives what the rules find; each host turns it into its own diagnostics.</summary>
internal interface IRuleSink
{
    /// <summary>Reports a finding of <paramref name="rule"/> at <paramref name="site"/>.</summary>
    void Report(RuleDescriptor rule, Site site, object?[] arguments, IReadOnlyDictionary<string, string?>? properties);
}

/// <summary>The knobs of the rules, the same in both hosts.</summary>
internal sealed class RuleSettings
{
    /// <summary>Gets or sets the most VUs one load generator is expected to sustain (K6S0602); zero or less turns it off.</summary>
    public int PeakVusPerGenerator { get; set; } = 1000;

    /// <summary>Gets or sets how long one iteration is expected to take (K6S0603); <see langword="null"/> estimates it from the flow.</summary>
    public TimeSpan? ExpectedIterationDuration { get; set; }

    /// <summary>Gets or sets how pool sizes learned outside the definition are looked up (pool name to entries).</summary>
    public Func<string, long?>? KnownPoolCount { get; set; }

    /// <summary>Gets or sets the OpenAPI documents requests are checked against (K6S05xx), or <see langword="null"/>.</summary>
    public ApiDocuments? Documents { get; set; }
}

/// <summary>What every rule of one check of a load test shares.</summary>
internal sealed class RuleContext
{
    private TagUniverse? _tags;
    private List<MetricFacts>? _recorded;

    public RuleContext(TestFacts test, RuleSettings settings, IRuleSink sink)
    {
        Test = test;
        Settings = settings;
        Sink = sink;
    }

    /// <summary>Gets the load test.</summary>
    public TestFacts Test { get; }

    /// <summary>Gets the settings.</summary>
    public RuleSettings Settings { get; }

    /// <summary>Gets where findings go.</summary>
    public IRuleSink Sink { get; }

    /// <summary>Gets the tag values the test's samples can carry (built once, on first use).</summary>
    public TagUniverse Tags => _tags ??= TagUniverse.Build(Test);

    /// <summary>Gets the custom metrics steps record into, in run order (built once, on first use).</summary>
    public IReadOnlyList<MetricFacts> RecordedMetrics => _recorded ??= StepWalk.RecordedMetrics(Test);

    /// <summary>Gets the OpenAPI operation a request calls, matched once per request.</summary>
    public OperationMatch? MatchOf(RequestFacts request)
    {
        // Kept on the request itself: several rules ask for every request, and a dictionary keyed by the facts object
        // cost more than the matching (object hash codes).
        if (!ReferenceEquals(request.MatchedBy, this))
        {
            request.Match = OperationMatch.Find(request, Test, Settings.Documents);
            request.MatchedBy = this;
        }

        return request.Match;
    }
}

/// <summary>Where a step runs: its flow, its scenario (none in setup and teardown), its k6 group, what ran before.</summary>
internal sealed class StepContext
{
    public StepContext(FlowFacts flow, ScenarioFacts? scenario, string groupPath, bool capturedBefore, bool everythingBeforeSeen)
    {
        Flow = flow;
        Scenario = scenario;
        GroupPath = groupPath;
        CapturedBefore = capturedBefore;
        EverythingBeforeSeen = everythingBeforeSeen;
    }

    /// <summary>Gets the top-level flow (setup, a scenario's, teardown).</summary>
    public FlowFacts Flow { get; }

    /// <summary>Gets the scenario the step belongs to, or <see langword="null"/> in setup and teardown.</summary>
    public ScenarioFacts? Scenario { get; }

    /// <summary>Gets the k6 <c>group</c> tag of samples taken in this step (<c>::outer::inner</c>, empty at the root).</summary>
    public string GroupPath { get; }

    /// <summary>Gets whether an earlier step of the flow (or setup) captures a value from a response.</summary>
    public bool CapturedBefore { get; }

    /// <summary>Gets whether every earlier step of the flow (and setup) can be seen.</summary>
    public bool EverythingBeforeSeen { get; }
}

/// <summary>A step with where it runs.</summary>
internal readonly struct WalkedStep
{
    public WalkedStep(StepFacts step, StepContext where)
    {
        Step = step;
        Where = where;
    }

    /// <summary>Gets the step.</summary>
    public StepFacts Step { get; }

    /// <summary>Gets where it runs.</summary>
    public StepContext Where { get; }
}

/// <summary>Walks every step of a test in run order: setup, each scenario, teardown; containers before their steps.</summary>
internal static class StepWalk
{
    /// <summary>Gets the custom metrics the steps of a test record into, in run order.</summary>
    public static List<MetricFacts> RecordedMetrics(TestFacts test)
    {
        var metrics = new List<MetricFacts>();
        foreach (var step in All(test))
        {
            switch (step.Step)
            {
                case RequestFacts request:
                    metrics.AddRange(request.RecordedMetrics);
                    break;
                case RecordFacts { Metric: { } metric }:
                    metrics.Add(metric);
                    break;
                case TimedFacts { Metric: { } metric }:
                    metrics.Add(metric);
                    break;
            }
        }

        return metrics;
    }

    /// <summary>Gets every step with its context.</summary>
    public static IEnumerable<WalkedStep> All(TestFacts test)
    {
        // What setup captures reaches every scenario and teardown (setup data).
        var setupCaptures = false;
        var setupSeen = true;
        foreach (var flow in test.LifecycleFlows)
        {
            if (flow.Kind != FlowKind.Setup)
            {
                continue;
            }

            var state = new WalkState(false, true);
            foreach (var step in Walk(flow, flow, null, string.Empty, state))
            {
                yield return step;
            }

            setupCaptures |= state.Captured;
            setupSeen &= state.Seen;
        }

        setupSeen &= test.IsComplete;
        foreach (var scenario in test.Scenarios)
        {
            foreach (var step in Walk(scenario.Flow, scenario.Flow, scenario, string.Empty, new WalkState(setupCaptures, setupSeen)))
            {
                yield return step;
            }
        }

        foreach (var flow in test.LifecycleFlows)
        {
            if (flow.Kind == FlowKind.Setup)
            {
                continue;
            }

            foreach (var step in Walk(flow, flow, null, string.Empty, new WalkState(setupCaptures, setupSeen)))
            {
                yield return step;
            }
        }
    }

    private static IEnumerable<WalkedStep> Walk(FlowFacts top, FlowFacts flow, ScenarioFacts? scenario, string groupPath, WalkState state)
    {
        state.Seen &= flow.IsComplete || flow.Steps.Count == 0;
        foreach (var step in flow.Steps)
        {
            yield return new WalkedStep(step, new StepContext(top, scenario, groupPath, state.Captured, state.Seen));
            var innerGroup = step is GroupFacts group ? groupPath + "::" + (group.Name.IsKnown ? group.Name.Value : RuleText.ComputedName) : groupPath;
            foreach (var child in step.Children)
            {
                foreach (var inner in Walk(top, child, scenario, innerGroup, state))
                {
                    yield return inner;
                }
            }

            if (step is RequestFacts request && (request.Captures.Count > 0 || !request.IsComplete))
            {
                state.Captured = true;
            }
        }

        state.Seen &= flow.IsComplete;
    }

    private sealed class WalkState
    {
        public WalkState(bool captured, bool seen)
        {
            Captured = captured;
            Seen = seen;
        }

        public bool Captured { get; set; }

        public bool Seen { get; set; }
    }
}
