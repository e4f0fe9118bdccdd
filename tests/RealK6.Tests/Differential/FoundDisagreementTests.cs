using System.Collections.Generic;
using K6Scenarios.Emitter.DryRun;

namespace K6Scenarios.RealK6.Tests.Differential;

/// <summary>
/// The disagreements the differential test found, kept as plain tests so they hold where no k6 is installed: each
/// script was accepted by the dry run and refused by k6 v2.2 with the message quoted.
/// </summary>
public sealed class FoundDisagreementTests
{
    private const string Prelude = "import { check } from 'k6';\nimport { Trend } from 'k6/metrics';\n";

    public static TheoryData<string, string> RefusedByK6 => new()
    {
        // k6: "stage 1 doesn't have a target"
        { Script("{ executor: 'ramping-vus', exec: 'main', stages: [{ duration: '10s', target: null }] }"), "doesn't have a target" },
        // k6: "stage 1 doesn't have a duration"
        { Script("{ executor: 'ramping-arrival-rate', exec: 'main', preAllocatedVUs: 2, stages: [{ duration: null, target: 1 }] }"), "doesn't have a duration" },
        // k6: "malformed percentile value; reason: strconv.ParseFloat: parsing \" 95 \": invalid syntax"
        { Script("{ executor: 'shared-iterations', exec: 'main' }", thresholds: "'http_req_duration': ['p( 95 )<1']"), "percentile" },
        // k6: "metric 'latency' already exists but with a value type time, instead of default"
        { Script("{ executor: 'shared-iterations', exec: 'main' }", init: "const a = new Trend('latency', true);\nconst b = new Trend('latency');\n"), "already exists but with a value type time" },
        // k6 panics (exit 2) in check() on a lone surrogate
        { Script("{ executor: 'shared-iterations', exec: 'main' }", body: "check(1, { [String.fromCharCode(0xD800)]: () => true });"), "lone UTF-16 surrogate" },
    };

    [Theory]
    [MemberData(nameof(RefusedByK6))]
    public void The_dry_run_refuses_what_k6_refuses(string script, string expected)
    {
        var result = new K6DryRunner().Run(new DryRunInput("case.js", script));

        Assert.Contains(result.Problems, p => p.Message.Contains(expected, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_case_variant_threshold_key_is_reported_as_a_spelling_k6_tolerates()
    {
        var script = Script("{ executor: 'shared-iterations', exec: 'main' }", thresholds: "'checks': [{ threshold: 'rate>0', abortOnfail: true }]");

        var problem = Assert.Single(new K6DryRunner().Run(new DryRunInput("case.js", script)).Problems);

        Assert.Contains("write 'abortOnFail' rather than 'abortOnfail'", problem.Message, System.StringComparison.Ordinal);
    }

    private static string Script(string scenario, string thresholds = "'checks': ['rate>=0']", string init = "", string body = "") =>
        Prelude + init + "export const options = { scenarios: { main: " + scenario + " }, thresholds: { " + thresholds + " } };\n"
        + "export function main() { check(1, { ok: () => true }); " + body + " }\n";
}
