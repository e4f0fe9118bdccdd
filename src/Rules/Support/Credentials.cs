using System;
using System.Linq;

namespace K6Scenarios.Rules;

/// <summary>Which headers and field names carry credentials (K6S0405, K6S0507).</summary>
internal static class Credentials
{
    /// <summary>Gets whether a header carries credentials.</summary>
    public static bool IsCredentialHeader(string name)
    {
        var normalized = Normalize(name);
        return normalized is "authorization" or "proxyauthorization" or "cookie"
            || normalized.Contains("apikey") || normalized.Contains("token") || normalized.Contains("secret") || normalized.Contains("session");
    }

    /// <summary>Gets whether a body field, form field, query parameter or pool field name holds a secret.</summary>
    public static bool IsSecretName(string name)
    {
        var normalized = Normalize(name);
        return normalized.Contains("password") || normalized.Contains("passwd") || normalized.Contains("secret") || normalized.Contains("apikey")
            || normalized.EndsWith("token", StringComparison.Ordinal) || normalized is "pwd" or "privatekey" or "passphrase";
    }

    private static string Normalize(string name) =>
        new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
