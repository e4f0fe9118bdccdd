using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// The knobs users set in <c>.editorconfig</c> or a global analyzer config:
/// <c>k6scenarios.expected_iteration_ms</c> and <c>k6scenarios.max_vus_per_generator</c>.
/// </summary>
internal sealed class AnalyzerSettings
{
    /// <summary>The key of the expected iteration time, in milliseconds, used by the arrival-rate rule.</summary>
    public const string ExpectedIterationKey = "k6scenarios.expected_iteration_ms";

    /// <summary>The key of the most VUs one load generator is expected to sustain.</summary>
    public const string MaxVusPerGeneratorKey = "k6scenarios.max_vus_per_generator";

    /// <summary>The MSBuild property of the same knob, visible when the package declares it a <c>CompilerVisibleProperty</c>.</summary>
    public const string MaxVusPerGeneratorProperty = "build_property.K6ScenariosMaxVusPerGenerator";

    /// <summary>The default most VUs per load generator: where seed 000's generator stopped (ulimit).</summary>
    public const int DefaultMaxVusPerGenerator = 1000;

    private AnalyzerSettings(double? expectedIterationMilliseconds, int maxVusPerGenerator)
    {
        ExpectedIterationMilliseconds = expectedIterationMilliseconds;
        MaxVusPerGenerator = maxVusPerGenerator;
    }

    /// <summary>Gets the configured expected iteration time, or <see langword="null"/> to derive it from the flow.</summary>
    public double? ExpectedIterationMilliseconds { get; }

    /// <summary>Gets the most VUs one load generator is expected to sustain.</summary>
    public int MaxVusPerGenerator { get; }

    /// <summary>Reads the settings that apply to a syntax tree (its editorconfig sections, then the global config).</summary>
    public static AnalyzerSettings For(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        double? iteration = config.TryGetValue(ExpectedIterationKey, out var iterationText)
            && double.TryParse(iterationText.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsedIteration)
            && parsedIteration > 0 && !double.IsInfinity(parsedIteration)
            ? parsedIteration
            : null;
        var maxVus = (config.TryGetValue(MaxVusPerGeneratorKey, out var maxVusText) || config.TryGetValue(MaxVusPerGeneratorProperty, out maxVusText))
            && int.TryParse(maxVusText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedMaxVus)
            && parsedMaxVus > 0
            ? parsedMaxVus
            : DefaultMaxVusPerGenerator;
        return new AnalyzerSettings(iteration, maxVus);
    }
}
