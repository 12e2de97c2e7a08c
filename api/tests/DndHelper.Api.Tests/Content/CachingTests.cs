using System.Net;
using DndHelper.Api.Caching;
using DndHelper.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace DndHelper.Api.Tests.Content;

// These tests change content, so they use databases of their own.
public sealed class CachingTests
{
    private static Task<int> RenameGoblinAsync(TestDatabase database, string name) =>
        database.ScalarAsync<int>($"UPDATE monster_translations SET name = '{name}' WHERE lang = 'en' AND monster_id = (SELECT id FROM monsters WHERE slug = 'goblin') RETURNING monster_id");

    [Fact]
    public async Task ARepeatedRequestIsACacheHitUntilTheContentVersionMoves()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ApiFactory(database);
        using var client = factory.CreateClient();

        var before = await client.GetJsonAsync("/monsters/goblin");
        var listBefore = await client.GetJsonAsync("/monsters?type=humanoid&cr_min=1/4&cr_max=1/4&limit=100");
        await RenameGoblinAsync(database, "Goblin Renamed");
        var cached = await client.GetJsonAsync("/monsters/goblin");
        var listCached = await client.GetJsonAsync("/monsters?cr_max=1/4&type=humanoid&cr_min=0.25&limit=100");
        await factory.Services.GetRequiredService<ContentVersion>().BumpAsync();
        var after = await client.GetJsonAsync("/monsters/goblin");

        Assert.Equal("Goblin", before.Name());
        Assert.Equal("Goblin", cached.Name());
        Assert.Equal(listBefore.GetRawText(), listCached.GetRawText());
        Assert.Equal("Goblin Renamed", after.Name());
    }

    [Fact]
    public async Task ResponsesAreSharedThroughRedisBetweenInstances()
    {
        await using var database = await TestDatabase.CreateAsync();
        var shared = new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = $"test:{Guid.NewGuid():N}:" };
        await using var first = new ApiFactory(database, shared);
        await using var second = new ApiFactory(database, shared);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        Assert.Equal("Goblin", (await firstClient.GetJsonAsync("/monsters/goblin?lang=en")).Name());
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!server.Keys(pattern: $"{shared["REDIS_KEY_PREFIX"]}cache:*:en:monster@*").Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        await RenameGoblinAsync(database, "Goblin Renamed");

        // The second instance has never seen this request: the old name can only come from Redis.
        Assert.Equal("Goblin", (await secondClient.GetJsonAsync("/monsters/goblin?lang=en")).Name());
    }

    [Fact]
    public async Task WithRedisDownEveryEndpointStillAnswersFromPostgres()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new ApiFactory(database, new Dictionary<string, string?> { ["REDIS_CONNECTION_STRING"] = "127.0.0.1:1" });
        using var client = factory.CreateClient();

        foreach (var url in new[] { "/monsters?limit=20", "/monsters/goblin", "/monsters/random?type=dragon", "/spells?level=3&class=wizard",
                     "/spells/fireball?lang=ru", "/spells/random", "/search?q=owlbaer", "/i18n/ui?lang=ru", "/i18n/enums" })
        {
            var (response, _) = await client.GetWithStatusAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        var (ready, body) = await client.GetWithStatusAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("down", body.GetProperty("checks").GetProperty("redis").GetString());

        // Without any cache level shared, a change shows once the local entry is gone: the version still moves locally.
        await RenameGoblinAsync(database, "Goblin Renamed");
        await factory.Services.GetRequiredService<ContentVersion>().BumpAsync();
        Assert.Equal("Goblin Renamed", (await client.GetJsonAsync("/monsters/goblin")).Name());
    }
}
