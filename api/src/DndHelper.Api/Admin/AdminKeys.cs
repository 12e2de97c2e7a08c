using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DndHelper.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Admin;

// The admin tokens of ADMIN_TOKEN ("name:token,name:token" or one bare token, named "admin"), held
// only as SHA-256 hashes. Hashing both sides gives inputs of one length, so FixedTimeEquals reveals
// neither a token nor its length; every key is compared, so the time does not say which one matched.
public sealed partial class AdminKeys
{
    private readonly (string Name, byte[] Hash)[] keys;

    public AdminKeys(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        keys = TryParseSetting(options.Value.AdminToken, out var parsed) ? [.. parsed] : [];
    }

    public bool Enabled => keys.Length > 0;

    // The admin name that the token belongs to, or null.
    public string? Verify(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        var hash = Hash(token);
        string? match = null;
        foreach (var (name, expected) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                match ??= name;
            }
        }
        return match;
    }

    public static bool TryParseSetting(string? setting, out List<(string Name, byte[] Hash)> keys)
    {
        keys = [];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return true;
        }
        var parts = setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 1 && !parts[0].Contains(':', StringComparison.Ordinal))
        {
            keys.Add(("admin", Hash(parts[0])));
            return true;
        }
        foreach (var part in parts)
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? part[..colon].Trim() : "";
            var token = colon > 0 ? part[(colon + 1)..].Trim() : "";
            if (!NameRegex().IsMatch(name) || token.Length == 0)
            {
                return false;
            }
            keys.Add((name, Hash(token)));
        }
        return true;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    [GeneratedRegex("^[A-Za-z0-9_.@-]{1,50}$")]
    private static partial Regex NameRegex();
}
