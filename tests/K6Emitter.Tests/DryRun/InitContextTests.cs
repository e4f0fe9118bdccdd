using System.Collections.Generic;

namespace K6Scenarios.Emitter.Tests.DryRun;

public sealed class InitContextTests
{
    private const string Options = "export const options = { scenarios: { smoke: { executor: 'shared-iterations', exec: 'smoke' } } };";

    private static readonly Dictionary<string, string> UsersFile = new() { ["./users.json"] = """[{ "email": "a@example.test" }]""" };

    [Theory]
    [InlineData("import { SharedArray } from 'k6/data';", "new SharedArray('users', () => [])", "new SharedArray must be called in the init context")]
    [InlineData("", "open('./users.json')", "the \"open\" function is only available in the init stage")]
    [InlineData("import { Counter } from 'k6/metrics';", "new Counter('late')", "metrics must be declared in the init context")]
    public void Init_only_apis_throw_in_vu_code_at_the_call(string import, string call, string expected)
    {
        var script = $$"""
            {{import}}
            {{Options}}
            export function smoke() {
              const value = {{call}};
            }
            """;

        var result = Scripts.Validate(script, UsersFile);

        var problem = Scripts.Single(result, expected);
        Assert.Equal("smoke", problem.Phase);
        Assert.Equal(4, problem.Line);
        Assert.InRange(problem.Column ?? 0, Scripts.ColumnOf(script, call), Scripts.ColumnOf(script, call) + call.Length);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Check_in_init_is_reported_at_its_line()
    {
        const string script = """
            import { check } from 'k6';
            export const options = { vus: 1 };
            check(1, { 'one is one': v => v === 1 });
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "Using check() in the init context is not supported");
        Assert.Equal("init", problem.Phase);
        Assert.Equal(3, problem.Line);
        Assert.Equal(1, problem.Column);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Group_in_init_is_reported()
    {
        var result = Scripts.Validate("import { group } from 'k6';\nexport const options = { vus: 1 };\ngroup('g', () => {});\nexport default function () {}");

        Assert.Equal(3, Scripts.Single(result, "Using group() in the init context is not supported").Line);
    }

    [Fact]
    public void Http_request_in_init_is_reported()
    {
        const string script = """
            import http from 'k6/http';
            export const options = { vus: 1 };
            const config = http.get(`${__ENV.BASE_URL}/config`).json();
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "Making http requests in the init context is not supported");
        Assert.Equal("init", problem.Phase);
        Assert.Equal(3, problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "http.get"), problem.Column);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void SharedArray_callback_returning_a_non_array_is_reported()
    {
        const string script = """
            import { SharedArray } from 'k6/data';
            export const options = { vus: 1 };
            const users = new SharedArray('users', () => JSON.parse(open('./users.json')).items);
            export default function () {}
            """;

        var result = Scripts.Validate(script, new Dictionary<string, string> { ["./users.json"] = """{ "items": { "a": 1 } }""" });

        var problem = Scripts.Single(result, "only arrays can be made into SharedArray");
        Assert.Equal("init", problem.Phase);
        Assert.Equal(3, problem.Line);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void SharedArray_elements_are_read_only_copies()
    {
        const string script = """
            import { SharedArray } from 'k6/data';
            export const options = { vus: 1 };
            const users = new SharedArray('users', () => JSON.parse(open('users.json')));
            export default function () {
              if (!Array.isArray(users) || users.length !== 1 || users[0].email !== 'a@example.test') throw new Error('unexpected pool');
              users[0].email = 'changed';
            }
            """;

        var result = Scripts.Validate(script, UsersFile);

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("TypeError", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(6, problem.Line);
    }

    [Fact]
    public void Two_SharedArrays_with_one_name_are_reported()
    {
        const string script = """
            import { SharedArray } from 'k6/data';
            export const options = { vus: 1 };
            const users = new SharedArray('data', () => [1]);
            const products = new SharedArray('data', () => [2]);
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        Assert.Equal(4, Scripts.Single(result, "a SharedArray named 'data' already exists").Line);
    }

    [Fact]
    public void Opening_a_file_the_dry_run_does_not_have_is_reported()
    {
        var result = Scripts.Validate("export const options = { vus: 1 };\nconst users = JSON.parse(open('./missing.json'));\nexport default function () {}");

        var problem = Scripts.Single(result, "open ./missing.json: no such file or directory");
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Same_metric_name_with_two_types_is_reported()
    {
        const string script = """
            import { Counter, Rate } from 'k6/metrics';
            export const options = { vus: 1 };
            const errors = new Rate('errors');
            const errorCount = new Counter('errors');
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "metric 'errors' already exists but with type rate, instead of counter");
        Assert.Equal(4, problem.Line);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void Redeclaring_a_built_in_metric_with_another_type_is_reported()
    {
        var result = Scripts.Validate("import { Trend } from 'k6/metrics';\nexport const options = { vus: 1 };\nnew Trend('checks');\nexport default function () {}");

        Scripts.Single(result, "metric 'checks' already exists but with type rate, instead of trend");
    }

    [Theory]
    [InlineData("sign-in duration")]
    [InlineData("1st")]
    [InlineData("x")]
    public void Invalid_metric_names_are_reported(string name)
    {
        var script = $"import {{ Trend }} from 'k6/metrics';\nexport const options = {{ vus: 1 }};\nconst t = new Trend('{name}');\nexport default function () {{}}";

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, $"Invalid metric name: '{name}'");
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void Adding_to_a_metric_in_init_and_bad_values_are_reported()
    {
        const string script = """
            import { Trend } from 'k6/metrics';
            export const options = { vus: 1 };
            const latency = new Trend('latency', true);
            export default function () {
              latency.add('12ms');
              latency.add(undefined);
            }
            """;

        var result = Scripts.Validate(script);

        Assert.Equal(5, Scripts.Single(result, "'12ms' (a string) is an invalid value for metric 'latency'").Line);
        Assert.Equal(6, Scripts.Single(result, "no value was provided for metric 'latency'").Line);
    }

    [Fact]
    public void Import_of_a_removed_experimental_module_is_reported_at_the_import()
    {
        const string script = """
            import http from 'k6/http';
            import redis from 'k6/experimental/redis';
            export const options = { vus: 1 };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "k6/experimental/redis has been removed");
        Assert.Equal("init", problem.Phase);
        Assert.Equal(2, problem.Line);
        Assert.Equal(1, problem.Column);
        Assert.Single(result.Problems);
    }

    [Theory]
    [InlineData("import lodash from 'lodash';", "unknown module 'lodash'")]
    [InlineData("import { Client } from 'k6/net/grpc';", "the dry run cannot execute 'k6/net/grpc'")]
    [InlineData("import redis from 'k6/x/redis';", "is a k6 extension")]
    [InlineData("import { chek } from 'k6';", "'k6' has no export named 'chek'; did you mean 'check'?")]
    public void Imports_the_dry_run_cannot_satisfy_are_reported(string import, string expected)
    {
        var result = Scripts.Validate($"{import}\nexport const options = {{ vus: 1 }};\nexport default function () {{}}");

        var problem = Scripts.Single(result, expected);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Namespace_and_named_imports_share_the_same_functions()
    {
        const string script = """
            import * as http from 'k6/http';
            import httpDefault, { get } from 'k6/http';
            export const options = { vus: 1 };
            export default function () {
              if (http.get !== get || httpDefault.get !== get) throw new Error('exports differ');
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Fact]
    public void Syntax_error_is_reported_with_its_line_and_column()
    {
        const string script = """
            import http from 'k6/http';
            export const options = {
              vus: 1,
              duration: '30s'
              thresholds: {},
            };
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("parse", problem.Phase);
        Assert.StartsWith("SyntaxError", problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(5, problem.Line);
        Assert.Equal(Scripts.ColumnOf(script, "thresholds"), problem.Column);
    }

    [Fact]
    public void Missing_global_is_a_reference_error_at_its_line()
    {
        const string script = """
            export const options = { vus: 1 };
            export default function () {
              sleep(1);
            }
            """;

        var result = Scripts.Validate(script);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("ReferenceError: sleep is not defined", problem.Message);
        Assert.Equal("default", problem.Phase);
        Assert.Equal(3, problem.Line);
        Assert.Equal(3, problem.Column);
    }

    [Fact]
    public void Vu_and_environment_globals_follow_the_lifecycle()
    {
        const string script = """
            import exec from 'k6/execution';
            if (__VU !== 0) throw new Error(`__VU in init is ${__VU}`);
            export const options = {
              scenarios: { smoke: { executor: 'per-vu-iterations', exec: 'smoke', env: { PAGE_SIZE: '50' } } },
            };
            export function setup() {
              if (__VU !== 0) throw new Error('__VU in setup');
              return { base: __ENV.BASE_URL };
            }
            export function smoke(data) {
              if (__VU !== 1 || __ITER !== 0) throw new Error('VU globals');
              if (__ENV.PAGE_SIZE !== '50' || __ENV.BASE_URL !== data.base) throw new Error('scenario env');
              if (exec.scenario.name !== 'smoke' || exec.vu.idInTest !== 1) throw new Error('exec info');
            }
            """;

        var result = Scripts.Validate(script);

        Assert.True(result.IsValid, Scripts.Describe(result));
    }

    [Theory]
    [InlineData("exec.vu.idInTest", "getting VU information in the init context is not supported")]
    [InlineData("exec.scenario.name", "getting scenario information outside of the VU context is not supported")]
    [InlineData("exec.test.options", "getting test options in the init context is not supported")]
    public void Execution_information_is_not_available_in_init(string read, string expected)
    {
        var result = Scripts.Validate($"import exec from 'k6/execution';\nexport const options = {{ vus: 1 }};\nconst value = {read};\nexport default function () {{}}");

        Assert.Equal(3, Scripts.Single(result, expected).Line);
    }

    [Fact]
    public void Scenario_information_is_not_available_in_setup()
    {
        const string script = """
            import exec from 'k6/execution';
            export const options = { vus: 1 };
            export function setup() {
              return exec.scenario.name;
            }
            export default function () {}
            """;

        var result = Scripts.Validate(script);

        var problem = Scripts.Single(result, "getting scenario information outside of the VU context is not supported");
        Assert.Equal("setup", problem.Phase);
        Assert.Equal(4, problem.Line);
    }
}
