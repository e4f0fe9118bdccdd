using System.Linq;
using System.Threading.Tasks;
using K6Scenarios.Analyzers.Tests.Verification;

namespace K6Scenarios.Analyzers.Tests;

public sealed class NoModelTests
{
    [Fact]
    public async Task Look_alike_code_without_the_model_reference_gets_no_diagnostic()
    {
        // Same names and shapes as the model, in a compilation that does not reference K6Scenarios.Model.
        const string Source = """
            namespace K6Scenarios.Other;

            public sealed class FlowBuilder
            {
                public FlowBuilder Get(string path, System.Action<RequestBuilder>? configure = null) => this;
            }

            public sealed class RequestBuilder
            {
                public RequestBuilder ExpectStatus(params int[] statuses) => this;
                public RequestBuilder Header(string name, string value) => this;
            }

            public static class Flows
            {
                public static void Run(FlowBuilder f) => f.Get("/api/auth/signin{id}", r => r.ExpectStatus(2000).Header("Authorization", "Bearer eyJ"));
            }
            """;
        var references = TestCompilation.References.Where(r => !r.Display!.EndsWith("K6Scenarios.Model.dll", System.StringComparison.Ordinal));
        var project = AnalyzerRunner.CreateProject(
            [(TestCompilation.ProjectFolder + "Flows.cs", Source)],
            [TestAdditionalFile.OpenApi(Documents.Api)],
            references: references);
        Assert.Empty(await AnalyzerRunner.CompilerErrorsAsync(project));

        Assert.Empty(await AnalyzerRunner.AnalyzeAsync(project));
    }
}
