using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K6Scenarios.Analyzers.Tests.Verification;

/// <summary>Analyzer config options as MSBuild would pass them: global keys for source files, metadata for additional files.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> perFile)
    : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        perFile.TryGetValue(textFile.Path, out var options) ? new DictionaryOptions(options) : new DictionaryOptions(new Dictionary<string, string>());

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            foreach (var pair in values)
            {
                if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }
    }
}
