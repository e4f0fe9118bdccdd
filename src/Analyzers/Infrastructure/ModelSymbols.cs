using Microsoft.CodeAnalysis;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// The types of the K6Scenarios model that the analyzers key off, resolved once per compilation.
/// Rules compare symbols, never method names alone, so a user's own <c>Get</c> or <c>Post</c> is never mistaken for ours.
/// </summary>
internal sealed class ModelSymbols
{
    private const string ModelNamespace = "K6Scenarios.Model.";

    private ModelSymbols(Compilation compilation, INamedTypeSymbol loadTest)
    {
        // The model's other types are looked up in the assembly that declares LoadTest: a compilation-wide look-up
        // searches every reference (and the namespaces of each) for each name.
        var model = loadTest.ContainingAssembly;
        LoadTest = loadTest;
        LoadTestBuilder = Get(model, "LoadTestBuilder");
        ScenarioBuilder = Get(model, "ScenarioBuilder");
        StagesBuilder = Get(model, "StagesBuilder");
        UserMixBuilder = Get(model, "UserMixBuilder");
        FlowBuilder = Get(model, "FlowBuilder");
        RequestBuilder = Get(model, "RequestBuilder");
        WebSocketBuilder = Get(model, "WebSocketBuilder");
        UserPool = Get(model, "UserPool");
        PoolSelection = Get(model, "PoolSelection");
        Value = Get(model, "Value");
        Variable = Get(model, "Variable");
        BaseUrl = Get(model, "BaseUrl");
        HttpMethod = Get(model, "HttpMethod");
        Metric = Get(model, "Metric");
        GenericMetric = Get(model, "Metric`1");
        K6Metrics = Get(model, "K6Metrics");
        CustomMetric = Get(model, "CustomMetric");
        ThresholdOperand = Get(model, "ThresholdOperand");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
        Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
    }

    public INamedTypeSymbol LoadTest { get; }

    public INamedTypeSymbol? LoadTestBuilder { get; }

    public INamedTypeSymbol? ScenarioBuilder { get; }

    public INamedTypeSymbol? StagesBuilder { get; }

    public INamedTypeSymbol? UserMixBuilder { get; }

    public INamedTypeSymbol? FlowBuilder { get; }

    public INamedTypeSymbol? RequestBuilder { get; }

    public INamedTypeSymbol? WebSocketBuilder { get; }

    public INamedTypeSymbol? UserPool { get; }

    public INamedTypeSymbol? PoolSelection { get; }

    public INamedTypeSymbol? Value { get; }

    public INamedTypeSymbol? Variable { get; }

    public INamedTypeSymbol? BaseUrl { get; }

    public INamedTypeSymbol? HttpMethod { get; }

    public INamedTypeSymbol? Metric { get; }

    public INamedTypeSymbol? GenericMetric { get; }

    public INamedTypeSymbol? K6Metrics { get; }

    public INamedTypeSymbol? CustomMetric { get; }

    public INamedTypeSymbol? ThresholdOperand { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public INamedTypeSymbol? Enumerable { get; }

    /// <summary>Resolves the model's types, or returns <see langword="null"/> when the compilation does not reference the model.</summary>
    public static ModelSymbols? TryCreate(Compilation compilation)
    {
        var loadTest = compilation.GetTypeByMetadataName(ModelNamespace + "LoadTest");
        return loadTest is null ? null : new ModelSymbols(compilation, loadTest);
    }

    /// <summary>Gets whether <paramref name="method"/> is declared by <paramref name="type"/> (ignoring generic construction).</summary>
    public static bool IsDeclaredBy(IMethodSymbol? method, INamedTypeSymbol? type) =>
        method is not null && type is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, type);

    /// <summary>Gets whether <paramref name="type"/> is <paramref name="candidate"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Gets whether a metric method is declared by <c>Metric&lt;TSelf&gt;</c> or one of the metric classes.</summary>
    public bool IsMetricMethod(IMethodSymbol method) =>
        IsOrDerivesFrom(method.ContainingType, Metric);

    private static INamedTypeSymbol? Get(IAssemblySymbol model, string name) =>
        model.GetTypeByMetadataName(ModelNamespace + name);
}
