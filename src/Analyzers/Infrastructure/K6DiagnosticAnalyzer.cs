using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace K6Scenarios.Analyzers.Infrastructure;

/// <summary>
/// The base of every K6Scenarios analyzer: concurrent, silent on generated code, and doing no work at all when the
/// compilation does not reference the K6Scenarios model. The model's symbols are resolved once per compilation.
/// </summary>
public abstract class K6DiagnosticAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        if (context is null)
        {
            return;
        }

        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = ModelSymbols.TryCreate(start.Compilation);
            if (symbols is not null)
            {
                OnCompilationStart(start, symbols);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that references the model.</summary>
    /// <param name="context">The compilation start context.</param>
    /// <param name="symbols">The model's types.</param>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, ModelSymbols symbols);

    /// <summary>
    /// Runs a rule so that a bug in it never escapes as an exception (AD0001, which breaks builds that treat warnings as
    /// errors): the failure is reported as K6S0990 at the code being analyzed, and cancellation still propagates.
    /// </summary>
    private protected static void Guarded(Action<Diagnostic> report, Location location, string ruleSet, Action rule)
    {
        try
        {
            rule();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // An analyzer must not crash the compiler; the failure is reported as a diagnostic instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            UnexpectedFailure?.Invoke(exception);
            report(Diagnostic.Create(Descriptors.AnalyzerFailed, location, ruleSet, K6Scenarios.Rules.TextCharacters.LineSafe(exception.GetType().Name + ": " + exception.Message)));
        }
    }

    /// <summary>Gets or sets a hook that tests use to observe unexpected failures.</summary>
    internal static Action<Exception>? UnexpectedFailure { get; set; }
}
