using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace K6Scenarios.Testing.SystemUnderTest;

/// <summary>HS256 JSON Web Tokens, as the seed systems issue them: the subject and an expiry, signed per server.</summary>
public sealed class Tokens
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly string _issuer;

    /// <summary>Creates the token service of one system.</summary>
    /// <param name="issuer">The <c>iss</c> claim, so that one system's tokens do not open another's endpoints.</param>
    public Tokens(string issuer) => _issuer = issuer;

    /// <summary>Issues a token.</summary>
    /// <param name="subject">The <c>sub</c> claim.</param>
    /// <param name="type">The <c>typ</c> claim (<c>access</c> or <c>refresh</c>).</param>
    /// <returns>The compact JWT.</returns>
    public string Issue(string subject, string type = "access")
    {
        var header = Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = _issuer,
            sub = subject,
            typ = type,
            exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        }));
        var signed = header + "." + payload;
        return signed + "." + Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signed)));
    }

    /// <summary>Reads the subject of a valid, unexpired access token sent as <c>Authorization: Bearer ...</c>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The subject, or <see langword="null"/> when the header is missing or the token is not valid.</returns>
    public string? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.Ordinal) ? Validate(header[Scheme.Length..].Trim(), "access") : null;
    }

    /// <summary>Validates a token.</summary>
    /// <param name="token">The compact JWT.</param>
    /// <param name="type">The <c>typ</c> it must have.</param>
    /// <returns>Its subject, or <see langword="null"/> when it is not valid.</returns>
    public string? Validate(string token, string type)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        try
        {
            using var claims = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = claims.RootElement;
            var valid = root.GetProperty("iss").GetString() == _issuer
                && root.GetProperty("typ").GetString() == type
                && root.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            return valid ? root.GetProperty("sub").GetString() : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or System.Collections.Generic.KeyNotFoundException)
        {
            return null;
        }
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
