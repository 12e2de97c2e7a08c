using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DndHelper.Api.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DndHelper.Api.Admin;

public sealed record AdminSession(string Name, string Csrf);

// Server-side sessions in Redis: every API instance knows every login, and a logout ends the session
// everywhere at once. The cookie holds only a random id; Redis keeps its hash, so a copy of Redis
// hands out no usable session.
public sealed partial class AdminSessions(RedisConnection redis, IOptions<AdminOptions> options, ILogger<AdminSessions> logger)
{
    private TimeSpan Lifetime => TimeSpan.FromHours(options.Value.SessionHours);

    public async Task<(string Id, AdminSession Session)> CreateAsync(string name)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new AdminSession(name, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        await redis.Database.StringSetAsync(Key(id), JsonSerializer.Serialize(session), Lifetime);
        return (id, session);
    }

    // Null when the session is unknown, expired, or Redis cannot be asked (then nobody is logged in).
    public async Task<AdminSession?> GetAsync(string id)
    {
        if (id.Length is 0 or > 100 || !redis.IsConnected)
        {
            return null;
        }
        try
        {
            var value = await redis.Database.StringGetSetExpiryAsync(Key(id), Lifetime);
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<AdminSession>(value.ToString());
        }
        catch (Exception e) when (e is RedisException or TimeoutException or JsonException)
        {
            LogFailure(logger, e);
            return null;
        }
    }

    public async Task RemoveAsync(string id)
    {
        try
        {
            await redis.Database.KeyDeleteAsync(Key(id));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogFailure(logger, e);
        }
    }

    private RedisKey Key(string id) => redis.KeyPrefix + "admin:session:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin sessions are unavailable: Redis did not answer")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
