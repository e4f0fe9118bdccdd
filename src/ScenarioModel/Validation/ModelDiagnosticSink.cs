using System;
using System.Collections.Generic;
using K6Scenarios.Diagnostics;
using K6Scenarios.Rules;

namespace K6Scenarios.Model.Validation;

/// <summary>Turns the rule core's findings into model diagnostics: the model path and the recorded C# line.</summary>
internal sealed class ModelDiagnosticSink(Action<RuleDescriptor, string, SourceLocation?, object?[]> report) : IRuleSink
{
    /// <summary>Creates a sink that collects into <paramref name="diagnostics"/>.</summary>
    public ModelDiagnosticSink(List<ModelDiagnostic> diagnostics)
        : this((rule, path, location, arguments) => diagnostics.Add(new ModelDiagnostic(rule, path, location, arguments)))
    {
    }

    public void Report(RuleDescriptor rule, Site site, object?[] arguments, IReadOnlyDictionary<string, string?>? properties)
    {
        var location = site.Location switch
        {
            SourceLocation recorded => recorded,
            DocumentPosition position => new SourceLocation(position.Document.Path, position.Line),
            _ => null,
        };
        report(rule, site.Path, location, arguments);
    }
}
