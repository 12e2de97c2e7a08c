using StackExchange.Redis;

namespace DndHelper.Api.Infrastructure;

// One multiplexer for the process. It connects in the background and keeps retrying, so the API
// starts and answers from PostgreSQL while Redis is away.
public sealed class RedisConnection : IDisposable
{
    private readonly ConnectionMultiplexer multiplexer;

    public RedisConnection(string configuration, string keyPrefix = "dnd:")
    {
        KeyPrefix = keyPrefix;
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        multiplexer = ConnectionMultiplexer.Connect(options);
    }

    // Every key and channel name starts with this, so that several deployments (or test runs) can share one Redis.
    public string KeyPrefix { get; }

    public bool IsConnected => multiplexer.IsConnected;

    public IDatabase Database => multiplexer.GetDatabase();

    public ISubscriber Subscriber => multiplexer.GetSubscriber();

    public void Dispose() => multiplexer.Dispose();
}
