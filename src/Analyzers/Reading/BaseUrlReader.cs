using System.Linq;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K6Scenarios.Analyzers.Reading;

/// <summary>A base URL as the analyzers see it: its environment variable and its default, when constant.</summary>
internal sealed class BaseUrlInfo
{
    public BaseUrlInfo(string? variable, string? defaultValue)
    {
        Variable = variable;
        DefaultValue = defaultValue;
    }

    /// <summary>Gets the environment variable, when constant.</summary>
    public string? Variable { get; }

    /// <summary>Gets the default URL, when constant.</summary>
    public string? DefaultValue { get; }
}

/// <summary>Reads which environment variable a base URL comes from.</summary>
internal static class BaseUrlReader
{
    /// <summary>Reads <c>.BaseUrl("API_URL", "http://...")</c> or <c>.BaseUrl(baseUrl)</c>.</summary>
    public static BaseUrlInfo Read(Call baseUrlCall, Semantics semantics)
    {
        var variable = baseUrlCall.Value("environmentVariable");
        return variable is not null
            ? new BaseUrlInfo(Constants.String(variable, semantics), Constants.String(baseUrlCall.Value("defaultValue"), semantics))
            : FromValue(baseUrlCall.Value("baseUrl"), semantics);
    }

    /// <summary>Reads a <c>BaseUrl</c> value: <c>BaseUrl.FromEnvironment("VOICE_URL", ...)</c> or a field holding one.</summary>
    public static BaseUrlInfo FromValue(ExpressionSyntax? value, Semantics semantics)
    {
        var steps = FactoryCalls.Resolve(value, semantics);
        var factory = steps?.LastOrDefault(s => s.Name == "FromEnvironment");
        return new BaseUrlInfo(factory?.At(0) as string, factory?.At(1) as string);
    }
}
