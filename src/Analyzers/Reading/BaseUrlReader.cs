using System.Linq;
using System.Threading;
using K6Scenarios.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
    public static BaseUrlInfo Read(IInvocationOperation baseUrlCall, CancellationToken cancellationToken)
    {
        var variable = baseUrlCall.ArgumentValue("environmentVariable");
        return variable is not null
            ? new BaseUrlInfo(Constants.String(variable), Constants.String(baseUrlCall.ArgumentValue("defaultValue")))
            : FromValue(baseUrlCall.ArgumentValue("baseUrl"), cancellationToken);
    }

    /// <summary>Reads a <c>BaseUrl</c> value: <c>BaseUrl.FromEnvironment("VOICE_URL", ...)</c> or a field holding one.</summary>
    public static BaseUrlInfo FromValue(IOperation? value, CancellationToken cancellationToken)
    {
        var steps = FactoryCalls.Resolve(value, cancellationToken);
        var factory = steps?.LastOrDefault(s => s.Name == "FromEnvironment");
        return new BaseUrlInfo(factory?.At(0) as string, factory?.At(1) as string);
    }
}
