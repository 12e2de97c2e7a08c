using StackExchange.Redis;

namespace DndHelper.Bot.State;

// One multiplexer for the process. It connects in the background and keeps retrying, so the bot
// starts (and rolls dice) while Redis is away.
public sealed class BotRedis : IDisposable
{
    private readonly ConnectionMultiplexer multiplexer;

    public BotRedis(string configuration, string keyPrefix)
    {
        KeyPrefix = keyPrefix + "bot:";
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        multiplexer = ConnectionMultiplexer.Connect(options);
    }

    public string KeyPrefix { get; }

    public IDatabase Database => multiplexer.GetDatabase();

    public RedisKey Key(string suffix) => KeyPrefix + suffix;

    public void Dispose() => multiplexer.Dispose();
}
