using DndHelper.Api.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace DndHelper.Api.Caching;

// The second cache level. When Redis is unreachable every call returns at once as a miss, so a
// request falls through to PostgreSQL instead of failing.
public sealed partial class RedisDistributedCache(RedisConnection redis, ILogger<RedisDistributedCache> logger) : IDistributedCache
{
    private string Prefix { get; } = redis.KeyPrefix + "cache:";

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var value = await redis.Database.StringGetAsync(Prefix + key);
            return value.IsNull ? null : (byte[]?)value;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisFailure(logger, e);
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            var expiry = options.AbsoluteExpirationRelativeToNow
                ?? (options.AbsoluteExpiration is { } at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null)
                ?? options.SlidingExpiration
                ?? TimeSpan.FromHours(1);
            await redis.Database.StringSetAsync(Prefix + key, value, expiry, flags: CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisFailure(logger, e);
        }
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redis.Database.KeyDeleteAsync(Prefix + key);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogRedisFailure(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis cache unavailable; answering without it")]
    private static partial void LogRedisFailure(ILogger logger, Exception exception);
}
