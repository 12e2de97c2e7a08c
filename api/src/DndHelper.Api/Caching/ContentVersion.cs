using DndHelper.Api.Infrastructure;
using StackExchange.Redis;

namespace DndHelper.Api.Caching;

// Every cache key carries the content version. A write bumps it in Redis and announces it on a
// channel, so every API instance stops serving the old entries at once (both cache levels).
public sealed partial class ContentVersion(RedisConnection redis, ILogger<ContentVersion> logger) : IHostedService
{
    private readonly string key = redis.KeyPrefix + "content:version";
    private readonly RedisChannel channel = RedisChannel.Literal(redis.KeyPrefix + "content:changed");
    private long local;
    private long current;

    public string Current => $"{Interlocked.Read(ref current)}.{Interlocked.Read(ref local)}";

    public async Task BumpAsync()
    {
        // The local part moves even without Redis, so this instance never serves what it just replaced.
        Interlocked.Increment(ref local);
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            var version = await redis.Database.StringIncrementAsync(key);
            Interlocked.Exchange(ref current, version);
            await redis.Subscriber.PublishAsync(channel, version);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogFailure(logger, e);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.Subscriber.SubscribeAsync(channel, (_, value) =>
            {
                if (value.TryParse(out long version))
                {
                    Interlocked.Exchange(ref current, version);
                }
            });
            if (redis.IsConnected)
            {
                var value = await redis.Database.StringGetAsync(key);
                if (value.TryParse(out long version))
                {
                    Interlocked.Exchange(ref current, version);
                }
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogFailure(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not share the content version through Redis")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
