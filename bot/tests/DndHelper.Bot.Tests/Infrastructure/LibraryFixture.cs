using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Bot.Tests.Infrastructure;

// The real DnD Helper API on real Kestrel, PostgreSQL (with the SRD) and Redis, shared by the bot
// tests; the bot reaches it over HTTP exactly as in production.
public sealed class LibraryFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ApiFactory Api { get; private set; } = null!;

    public Uri ApiAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Api = new ApiFactory(Database);
        Api.UseKestrel(0);
        Api.StartServer();
        ApiAddress = Api.ClientOptions.BaseAddress;
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<LibraryFixture>
{
    public const string Name = "bot";
}
