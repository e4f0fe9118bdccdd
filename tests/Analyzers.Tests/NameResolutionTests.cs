using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests;

/// <summary>
/// The reader resolves a name once per type declaration and picks a builder overload from the arguments' syntax where
/// that is certain; these cases are where a shortcut would read the wrong thing: a local or a parameter with a field's
/// name, the same name in two types, a member named like its type, and overloads told apart by an argument's kind.
/// </summary>
public sealed class NameResolutionTests
{
    [Fact]
    public async Task A_parameter_or_local_named_like_a_field_is_read_as_itself()
    {
        // The field Token is a captured Variable, which counts as credentials in any header; a string does not. The
        // field is read first, so a name resolved once for the whole file would be wrong for the two later requests.
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void WithField(FlowBuilder f) => f.Get("/api/groups", r => r.Header("X-Trace", Token));

                public static void WithParameter(FlowBuilder f, string Token) => f.Get({|#0:"/api/groups"|}, r => r.Header("X-Trace", Token));

                public static void WithLocal(FlowBuilder f)
                {
                    var Other = "not a variable";
                    f.Get({|#1:"/api/groups"|}, r => r.Header("X-Trace", Other));
                }
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"),
            Verify.Diagnostic("K6S0507").WithLocation(1).WithArguments("GET /api/groups", "bearer (http)"));
    }

    [Fact]
    public async Task The_same_name_in_two_types_is_read_in_each()
    {
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                const int Seconds = 30;

                public static void Outer(ScenarioBuilder s) => s.ConstantVus(1, TimeSpan.FromSeconds(Seconds));

                public static class Inner
                {
                    const int Seconds = 0;

                    public static void Configure(ScenarioBuilder s) => s.ConstantVus(1, {|#0:TimeSpan.FromSeconds(Seconds)|});
                }
            """),
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("Scenario '(computed name)' duration", "0s", "at least 1s"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_member_named_like_its_type_is_read_as_the_compiler_binds_it(bool typeFirst)
    {
        // Color Color: Variable.ReferenceEquals(...) calls a static method of the type, Variable alone is the property (a
        // captured variable, which counts as credentials). Whichever the tree meets first, the other is read as itself.
        var asType = """.Get({|#0:"/api/groups"|}, r => r.Header("X-Trace", Variable.ReferenceEquals(null, null)))""";
        var asProperty = """.Get("/api/groups", r => r.Header("X-Trace", Variable))""";
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap($$"""
                static Variable Variable => new("v");

                public static void Flow(FlowBuilder f) => f
                    {{(typeFirst ? asType : asProperty)}}
                    {{(typeFirst ? asProperty : asType)}};
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0507").WithLocation(0).WithArguments("GET /api/groups", "bearer (http)"));
    }

    [Fact]
    public async Task Overloads_are_told_apart_by_their_arguments()
    {
        // Get(path, configure) and Get(baseUrl, path, configure); ExpectStatus(params int[]) and
        // ExpectStatus(params HttpStatusCode[]): each call is read with the overload the compiler picks.
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                static readonly BaseUrl Api = BaseUrl.FromEnvironment("API_URL", "http://localhost:4000");

                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.ExpectStatus({|#0:200|}))
                    .Post(Api, "/api/auth/signin", r => r.ExpectStatus({|#1:HttpStatusCode.OK|}))
                    .Post("/api/auth/signin", r => r.ExpectStatus(201, {|#2:204|}))
                    .Post("/api/auth/signin", r => r.ExpectStatus(HttpStatusCode.Created));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0502").WithLocation(0).WithArguments("POST /api/auth/signin", "200", "201, 401"),
            Verify.Diagnostic("K6S0502").WithLocation(1).WithArguments("POST /api/auth/signin", "200", "201, 401"),
            Verify.Diagnostic("K6S0502").WithLocation(2).WithArguments("POST /api/auth/signin", "204", "201, 401"));
    }

    [Fact]
    public async Task Dotted_names_that_differ_only_in_their_qualifier_are_read_each_as_itself()
    {
        // Long.Seconds and Short.Seconds end in the same name in the same type declaration: a name remembered by its last
        // part, or by a key that compared only some of its parts, would read the second as the first.
        await Verify.AnalyzerAsync(
            Code.Wrap("""
                public static class Long { public const int Seconds = 30; }

                public static class Short { public const int Seconds = 0; }

                public static void First(ScenarioBuilder s) => s.ConstantVus(1, TimeSpan.FromSeconds(Long.Seconds));

                public static void Second(ScenarioBuilder s) => s.ConstantVus(1, {|#0:TimeSpan.FromSeconds(Short.Seconds)|});
            """),
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("Scenario '(computed name)' duration", "0s", "at least 1s"));
    }

    [Fact]
    public async Task Arguments_are_matched_to_parameters_by_name_and_a_params_array_by_its_items()
    {
        // Named arguments in another order than the parameters, and a params parameter given its array rather than items.
        await Verify.AnalyzerWithOpenApiAsync(
            Code.Wrap("""
                public static void Scenario(ScenarioBuilder s) => s.ConstantVus(duration: {|#0:TimeSpan.FromSeconds(0)|}, vus: 1);

                public static void Flow(FlowBuilder f) => f
                    .Post("/api/auth/signin", r => r.ExpectStatus(new[] { 201, {|#1:204|} }))
                    .Post("/api/auth/signin", r => r.ExpectStatus(statuses: {|#2:200|}));
            """),
            Documents.Api,
            Verify.Diagnostic("K6S0103").WithLocation(0).WithArguments("Scenario '(computed name)' duration", "0s", "at least 1s"),
            Verify.Diagnostic("K6S0502").WithLocation(1).WithArguments("POST /api/auth/signin", "204", "201, 401"),
            Verify.Diagnostic("K6S0502").WithLocation(2).WithArguments("POST /api/auth/signin", "200", "201, 401"));
    }
}
