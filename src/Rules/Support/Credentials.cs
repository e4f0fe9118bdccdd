using System;

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

    // Letters and digits only, in lower case ("X-Api-Key" is "xapikey"); a name that already is one is returned as it is.
    private static string Normalize(string name)
    {
        var plain = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) || char.ToLowerInvariant(c) != c)
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
