using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DndHelper.Api.Tests.Infrastructure;

// The real API on a real database and Redis. Settings go in as configuration, the way the
// environment gives them in production; each factory has its own Redis key prefix.
public class ApiFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public string RedisKeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("POSTGRES_CONNECTION_STRING", Database.ConnectionString);
        builder.UseSetting("REDIS_CONNECTION_STRING", TestEnvironment.Redis);
        builder.UseSetting("REDIS_KEY_PREFIX", RedisKeyPrefix);
        builder.UseSetting("RATE_LIMIT_PERMITS", "1000000");
        builder.UseSetting("BOT_SERVICE_TOKEN", TestTokens.Bot);
        builder.UseSetting("ADMIN_TOKEN", $"tester:{TestTokens.Admin}");
        builder.UseSetting("LOG_LEVEL", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}

public static class TestTokens
{
    public const string Bot = "bot-service-token-for-tests";
    public const string Admin = "admin-token-for-tests";
}

// One migrated database with the whole SRD, shared by the tests that only read content.
public sealed class ContentFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Factory = new ApiFactory(Database);
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ContentCollection : ICollectionFixture<ContentFixture>
{
    public const string Name = "content";
}
