namespace K6Scenarios.Emitter.Tests.DryRun;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Misspelled_top_level_key_is_reported_at_its_line_with_a_suggestion()
    {
        const string script = """
            export const options = {
              scenarios: { smoke: { executor: 'constant-vus', vus: 1, duration: '10s' } },
              threshold: { http_req_duration: ['p(95)<500'] },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "unknown option 'threshold'");
        Assert.Contains("did you mean 'thresholds'", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal("options", problem.Phase);
        Assert.Equal(Scripts.LineOf(script, "threshold:"), problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "threshold:"), problem.Column);
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("vus: 10")]
    [InlineData("duration: '1m'")]
    [InlineData("iterations: 5")]
    [InlineData("stages: [{ duration: '1m', target: 10 }]")]
    public void Shortcut_options_beside_scenarios_are_reported(string shortcut)
    {
        var script = $$"""
            export const options = {
              {{shortcut}},
              scenarios: { smoke: { executor: 'constant-vus', vus: 1, duration: '10s' } },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var key = shortcut.Split(':')[0];
        var problem = Scripts.Single(result, $"options.{key} is set beside options.scenarios");
        Assert.Equal(2, problem.Line);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Shortcut_options_without_scenarios_are_accepted()
    {
        var result = Scripts.Validate("export const options = { vus: 5, duration: '30s' };\nexport default function () {}");

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Theory]
    [InlineData("duration: 30", "30 (a number)")]
    [InlineData("duration: '30'", "'30', a bare number")]
    public void Bare_number_durations_are_reported_as_milliseconds(string duration, string described)
    {
        var script = $$"""
            export const options = {
              scenarios: {
                smoke: { executor: 'constant-vus', vus: 1,
                  {{duration}} },
              },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "k6 reads as milliseconds");
        Assert.Contains(described, problem.Message, System.StringComparison.Ordinal);
        Assert.Contains("'30s'", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(Scripts.LineOf(script, duration), problem.Line);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Unknown_key_in_a_scenario_is_reported_with_the_executor_and_a_suggestion()
    {
        const string script = """
            export const options = {
              scenarios: {
                ramp: { executor: 'ramping-vus', stages: [{ duration: '1m', target: 10 }], gracefulRampdown: '10s' },
              },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "has no option 'gracefulRampdown'");
        Assert.Contains("ramping-vus", problem.Message, System.StringComparison.Ordinal);
        Assert.Contains("did you mean 'gracefulRampDown'", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "gracefulRampdown"), problem.Column);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Exec_naming_a_function_the_script_does_not_export_is_reported()
    {
        const string script = """
            export const options = {
              scenarios: {
                signin: { executor: 'constant-vus', vus: 1, duration: '10s', exec: 'signIn' },
              },
            };
            export function signin() {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "exec names 'signIn'");
        Assert.Equal("options", problem.Phase);
        Assert.Equal(3, problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "exec: 'signIn'"), problem.Column);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Scenario_without_exec_needs_a_default_export()
    {
        const string script = """
            export const options = { scenarios: { smoke: { executor: 'shared-iterations' } } };
            export function smoke() {}
            """;

        var result = Scripts.Validate(script);

        Scripts.Single(result, "exec names 'default'");
    }

    [Theory]
    [InlineData("{ executor: 'shared-iterations', vus: 0 }", "the number of VUs must be more than 0")]
    [InlineData("{ executor: 'shared-iterations', vus: 10, iterations: 5 }", "the number of iterations (5) can't be less than the number of VUs (10)")]
    [InlineData("{ executor: 'per-vu-iterations', iterations: 0 }", "the number of iterations must be more than 0")]
    [InlineData("{ executor: 'per-vu-iterations', maxDuration: '500ms' }", "the maxDuration must be at least 1s, but is 0.5s")]
    [InlineData("{ executor: 'constant-vus', vus: 5 }", "the duration is unspecified")]
    [InlineData("{ executor: 'constant-vus', duration: '900ms' }", "the duration must be at least 1s")]
    [InlineData("{ executor: 'constant-vus', vus: 2.5, duration: '1m' }", "vus must be a whole number")]
    [InlineData("{ executor: 'ramping-vus' }", "at least one stage has to be specified")]
    [InlineData("{ executor: 'ramping-vus', stages: [] }", "at least one stage has to be specified")]
    [InlineData("{ executor: 'ramping-vus', startVUs: -1, stages: [{ duration: '1m', target: 5 }] }", "the number of start VUs can't be negative")]
    [InlineData("{ executor: 'ramping-vus', startVUs: 0, stages: [{ duration: '1m', target: 0 }] }", "either startVUs or one of the stages' target values must be greater than 0")]
    [InlineData("{ executor: 'ramping-vus', stages: [{ duration: '1m' }] }", "stage 1 doesn't have a target")]
    [InlineData("{ executor: 'ramping-vus', stages: [{ target: 3 }] }", "stage 1 doesn't have a duration")]
    [InlineData("{ executor: 'ramping-vus', stages: [{ duration: '1m', target: 3, ramp: 'linear' }] }", "stage 1 has no option 'ramp'")]
    [InlineData("{ executor: 'constant-arrival-rate', duration: '1m', preAllocatedVUs: 5 }", "the iteration rate isn't specified")]
    [InlineData("{ executor: 'constant-arrival-rate', rate: 0, duration: '1m', preAllocatedVUs: 5 }", "the iteration rate must be more than 0")]
    [InlineData("{ executor: 'constant-arrival-rate', rate: 10, duration: '1m' }", "the number of preAllocatedVUs isn't specified")]
    [InlineData("{ executor: 'constant-arrival-rate', rate: 10, duration: '1m', preAllocatedVUs: 20, maxVUs: 10 }", "maxVUs can't be less than preAllocatedVUs (20)")]
    [InlineData("{ executor: 'constant-arrival-rate', rate: 10, timeUnit: '0s', duration: '1m', preAllocatedVUs: 2 }", "the timeUnit must be more than 0")]
    [InlineData("{ executor: 'ramping-arrival-rate', startRate: -1, preAllocatedVUs: 2, stages: [{ duration: '1m', target: 5 }] }", "the startRate value can't be negative")]
    [InlineData("{ executor: 'ramping-arrival-rate', preAllocatedVUs: 2 }", "at least one stage has to be specified")]
    [InlineData("{ executor: 'externally-controlled', vus: 1, maxVUs: 10, duration: '1m' }", "removed in k6 v2.0")]
    [InlineData("{ executor: 'constant-vu', vus: 1, duration: '1m' }", "unknown executor 'constant-vu'; did you mean 'constant-vus'?")]
    [InlineData("{ vus: 1, duration: '1m' }", "has no executor")]
    [InlineData("{ executor: 'constant-vus', duration: '1m', startTime: '-5s' }", "the startTime can't be negative")]
    [InlineData("{ executor: 'constant-vus', duration: '1m', gracefulStop: 'soon' }", "gracefulStop is 'soon', which is not a duration")]
    [InlineData("{ executor: 'constant-vus', duration: '1m', env: { PAGE: 2 } }", "'PAGE' must be a string")]
    public void Executor_rules_that_k6_rejects_are_reported(string scenario, string expected)
    {
        var script = $"export const options = {{ scenarios: {{ s: {scenario} }} }};\nexport default function () {{}}";

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, expected);
        Assert.Equal("options", problem.Phase);
        Assert.StartsWith("scenario 's'", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Scenario_names_outside_k6s_alphabet_are_reported()
    {
        var result = Scripts.Validate("export const options = { scenarios: { 'sign in': { executor: 'constant-vus', duration: '1m' } } };\nexport default function () {}");

        Scripts.Single(result, "scenario names may only contain letters, digits, '_' and '-'");
    }

    [Fact]
    public void Threshold_on_a_metric_nothing_creates_is_reported_with_a_suggestion()
    {
        const string script = """
            import { Rate } from 'k6/metrics';
            const errors = new Rate('errors');
            export const options = {
              thresholds: {
                error: ['rate<0.1'],
              },
            };
            export default function () { errors.add(false); }
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "threshold on metric 'error'");
        Assert.Contains("did you mean 'errors'", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(Scripts.LineOf(script, "error: ['rate<0.1']"), problem.Line);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Thresholds_on_custom_and_built_in_metrics_with_sub_metrics_pass()
    {
        const string script = """
            import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
            new Counter('orders'); new Gauge('queue'); new Rate('errors'); new Trend('latency', true);
            export const options = {
              thresholds: {
                orders: ['count>0', 'rate>1'], queue: ['value<100'], errors: ['rate<0.1'], latency: ['p(99.9)<300', 'med<100'],
                'http_req_duration{name:signin,status:201}': ['p(95)<500'], 'checks{scenario:default}': ['rate>=0.99'],
                iterations: ['count>=1'], vus: ['value>0'], http_req_failed: ['rate==0'], ws_ping: ['avg!=1000'],
              },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Theory]
    [InlineData("errors", "p(95)<500", "p(95) cannot be computed for 'errors', a Rate metric; a Rate supports rate")]
    [InlineData("http_req_duration", "rate<0.1", "a Trend supports avg, min, med, max, p(N)")]
    [InlineData("http_reqs", "value>0", "a Counter supports count, rate")]
    [InlineData("vus", "max<10", "a Gauge supports value")]
    public void Aggregation_the_metric_type_lacks_is_reported(string metric, string expression, string expected)
    {
        var script = $"import {{ Rate }} from 'k6/metrics';\nnew Rate('errors');\nexport const options = {{ thresholds: {{ {metric}: ['{expression}'] }} }};\nexport default function () {{}}";

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, expected);
        Assert.Equal(3, problem.Line);
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("p(95)", "malformed threshold expression")]
    [InlineData("p(101)<5", "must be a number between 0 and 100")]
    [InlineData("p95<5", "'p95' is not an aggregation method")]
    [InlineData("p(95)<500ms", "the right-hand side '500ms' is not a number")]
    public void Malformed_threshold_expressions_are_reported(string expression, string expected)
    {
        var script = $"export const options = {{ thresholds: {{ http_req_duration: ['{expression}'] }} }};\nexport default function () {{}}";

        var result = Scripts.Validate(script);

        Scripts.Single(result, expected);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Threshold_object_with_a_misspelled_key_is_reported_at_the_key()
    {
        const string script = """
            export const options = {
              thresholds: {
                http_req_duration: [{ threshold: 'p(95)<500', abortOnFails: true }],
              },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "k6 silently ignores the key 'abortOnFails'");
        Assert.Contains("did you mean 'abortOnFail'", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(3, problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "abortOnFails"), problem.Column);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void DelayAbortEval_without_abortOnFail_is_reported()
    {
        var result = Scripts.Validate("export const options = { thresholds: { checks: [{ threshold: 'rate>0.9', delayAbortEval: '10s' }] } };\nexport default function () {}");

        Scripts.Single(result, "delayAbortEval does nothing without abortOnFail: true");
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("http_req_duration: 'p(95)<500'", "must be an array of expressions")]
    [InlineData("'http_req_duration{name:a': ['p(95)<500']", "is malformed")]
    [InlineData("'group_duration{group:checkout}': ['p(95)<500']", "write 'group:::checkout'")]
    public void Malformed_threshold_keys_and_values_are_reported(string threshold, string expected)
    {
        var result = Scripts.Validate($"export const options = {{ thresholds: {{ {threshold} }} }};\nexport default function () {{}}");

        Scripts.Single(result, expected);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Missing_options_export_is_reported()
    {
        var result = Scripts.Validate("export default function () {}");

        var problem = Scripts.Single(result, "the script exports no `options`");
        Assert.Equal("options", problem.Phase);
    }

    [Fact]
    public void Options_that_are_not_literals_are_still_checked()
    {
        const string script = """
            const smoke = { executor: 'constant-vus', vus: 1, duratoin: '10s' };
            export const options = { scenarios: { smoke } };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "has no option 'duratoin'");
        Assert.Equal(1, problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "duratoin"), problem.Column);
    }

    [Fact]
    public void General_option_types_are_checked()
    {
        const string script = """
            export const options = {
              discardResponseBodies: 'yes',
              setupTimeout: 60,
              summaryTrendStats: ['avg', 'p(99)', 'mean'],
              tags: { team: 7 },
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        Assert.Equal(2, Scripts.Single(result, "options.discardResponseBodies must be true or false").Line);
        Assert.Equal(3, Scripts.Single(result, "setupTimeout is the bare number 60").Line);
        Assert.Equal(4, Scripts.Single(result, "'mean' (a string) is not a trend stat").Line);
        Assert.Equal(5, Scripts.Single(result, "options.tags: 'team' must be a string").Line);
        Assert.Equal(4, result.Problems.Count);
    }
}
