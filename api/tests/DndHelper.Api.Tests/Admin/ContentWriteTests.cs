using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DndHelper.Api.Caching;
using DndHelper.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DndHelper.Api.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class ContentWriteTests(AdminFixture admin)
{
    private static JsonObject Wyrmling(string slug) => new()
    {
        ["slug"] = slug,
        ["size"] = "small",
        ["type"] = "dragon",
        ["alignment"] = "chaotic_evil",
        ["armor_class"] = 15,
        ["hit_points"] = 22,
        ["hit_dice"] = "4d6+8",
        ["fly_speed"] = 60,
        ["strength"] = 14,
        ["dexterity"] = 12,
        ["constitution"] = 15,
        ["intelligence"] = 8,
        ["wisdom"] = 10,
        ["charisma"] = 11,
        ["damage_immunities"] = new JsonArray("fire"),
        ["challenge_rating"] = "1",
        ["translations"] = new JsonObject { ["en"] = new JsonObject { ["name"] = "Cinder Wyrmling" } },
    };

    [Fact]
    public async Task AMonsterIsCreatedReadUpdatedAndDeletedAndEveryStepIsAudited()
    {
        using var created = await admin.Admin.PostAsJsonAsync(new Uri("/admin/monsters", UriKind.Relative), Wyrmling("cinder-wyrmling"));
        var record = await created.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/admin/monsters/cinder-wyrmling", created.Headers.Location?.OriginalString);
        Assert.Equal("Cinder Wyrmling", record!["translations"]!["en"]!["name"]!.GetValue<string>());
        Assert.Equal((200, 2), (await admin.Database.ScalarAsync<int>("SELECT xp FROM monsters WHERE slug = 'cinder-wyrmling'"),
            await admin.Database.ScalarAsync<int>("SELECT proficiency_bonus FROM monsters WHERE slug = 'cinder-wyrmling'")));

        var update = Wyrmling("cinder-wyrmling");
        update["hit_points"] = 27;
        update["translations"]!["ru"] = new JsonObject { ["name"] = "Пепельный дракончик" };
        using var updated = await admin.Admin.PutAsJsonAsync(new Uri("/admin/monsters/cinder-wyrmling", UriKind.Relative), update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var read = await admin.Admin.GetFromJsonAsync<JsonObject>(new Uri("/admin/monsters/cinder-wyrmling", UriKind.Relative));
        Assert.Equal(27, read!["hit_points"]!.GetValue<int>());
        Assert.Equal("Пепельный дракончик", read["translations"]!["ru"]!["name"]!.GetValue<string>());

        // Sending back what GET answered changes nothing and records nothing.
        var auditBefore = await admin.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log");
        using var same = await admin.Admin.PutAsJsonAsync(new Uri("/admin/monsters/cinder-wyrmling", UriKind.Relative), read);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(auditBefore, await admin.Database.ScalarAsync<long>("SELECT count(*) FROM audit_log"));

        using var deleted = await admin.Admin.DeleteAsync(new Uri("/admin/monsters/cinder-wyrmling", UriKind.Relative));
        using var gone = await admin.Admin.GetAsync(new Uri("/admin/monsters/cinder-wyrmling", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, await admin.Database.ScalarAsync<long>("SELECT count(*) FROM monster_translations t JOIN monsters m ON m.id = t.monster_id WHERE m.slug = 'cinder-wyrmling'"));

        var audit = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/audit?action=monster.&page_size=3", UriKind.Relative));
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["monster.delete", "monster.update", "monster.create"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("tester", e.GetProperty("actor").GetString()));
        var change = entries[1];
        Assert.Equal(22, change.GetProperty("before").GetProperty("hit_points").GetInt32());
        Assert.Equal(27, change.GetProperty("after").GetProperty("hit_points").GetInt32());
        Assert.Equal("Пепельный дракончик", change.GetProperty("after").GetProperty("translations.ru.name").GetString());
        Assert.False(change.GetProperty("before").TryGetProperty("armor_class", out _), "an update records only what changed");
        Assert.Equal("Cinder Wyrmling", entries[0].GetProperty("before").GetProperty("translations").GetProperty("en").GetProperty("name").GetString());
    }

    [Fact]
    public async Task BadInputIs400NamingEachField()
    {
        var monster = Wyrmling("bad-wyrmling");
        monster.Remove("hit_points");
        monster["size"] = "colossal";
        monster["challenge_rating"] = "3/4";
        monster["translations"]!["en"]!["actions"] = new JsonArray(new JsonObject { ["name"] = "Bite", ["text"] = "Ouch", ["damage"] = new JsonArray(new JsonObject { ["dice"] = "lots" }) });
        monster["colour"] = "red";
        var before = await admin.ChecksumAsync();

        using var response = await admin.Admin.PostAsJsonAsync(new Uri("/admin/monsters", UriKind.Relative), monster);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("is required", errors.GetProperty("hit_points")[0].GetString());
        Assert.StartsWith("has the unknown code 'colossal'", errors.GetProperty("size")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a challenge rating", errors.GetProperty("challenge_rating")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("dice expression", errors.GetProperty("translations.en.actions[0].damage[0].dice")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("is not a known field", errors.GetProperty("colour")[0].GetString());
        Assert.Equal(before, await admin.ChecksumAsync());
    }

    [Theory]
    [InlineData("{\"slug\": ", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("[1, 2]", "application/json")]
    [InlineData("slug=x", "application/x-www-form-urlencoded")]
    public async Task ABodyThatIsNoRecordIsAClientErrorNeverA500(string body, string type)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, type);

        using var response = await admin.Admin.PostAsync(new Uri("/admin/monsters", UriKind.Relative), content);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType, $"got {response.StatusCode}");
    }

    [Fact]
    public async Task UnknownSlugsAre404AndADuplicateSlugIs409()
    {
        using var missing = await admin.Admin.PutAsJsonAsync(new Uri("/admin/monsters/no-such-thing", UriKind.Relative), Wyrmling("no-such-thing"));
        using var missingDelete = await admin.Admin.DeleteAsync(new Uri("/admin/spells/no-such-spell", UriKind.Relative));
        using var missingTranslation = await admin.Admin.PutAsJsonAsync(new Uri("/admin/spells/no-such-spell/translations/ru", UriKind.Relative), new { name = "x" });
        var goblin = Wyrmling("goblin");
        using var duplicate = await admin.Admin.PostAsJsonAsync(new Uri("/admin/monsters", UriKind.Relative), goblin);
        using var renamed = await admin.Admin.PutAsJsonAsync(new Uri("/admin/monsters/goblin", UriKind.Relative), Wyrmling("hobgoblin"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingTranslation.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.True((await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("slug", out _));
    }

    [Fact]
    public async Task ASpellIsCreatedAndItsTranslationMergedFieldByField()
    {
        var spell = new JsonObject
        {
            ["slug"] = "test-spark",
            ["level"] = 0,
            ["school"] = "evocation",
            ["classes"] = new JsonArray("wizard"),
            ["verbal"] = true,
            ["casting_time_kind"] = "action",
            ["damage_type"] = "lightning",
            ["translations"] = new JsonObject { ["en"] = new JsonObject { ["name"] = "Spark", ["range"] = "30 feet", ["description"] = "A spark." } },
        };
        using var created = await admin.Admin.PostAsJsonAsync(new Uri("/admin/spells", UriKind.Relative), spell);
        using var withoutName = await admin.Admin.PutAsJsonAsync(new Uri("/admin/spells/test-spark/translations/ru", UriKind.Relative), new { range = "30 футов" });
        using var russian = await admin.Admin.PutAsJsonAsync(new Uri("/admin/spells/test-spark/translations/ru", UriKind.Relative), new { name = "Искра", range = "30 футов" });
        using var fix = await admin.Admin.PutAsJsonAsync(new Uri("/admin/spells/test-spark/translations/en", UriKind.Relative), new { description = "A tiny spark." });
        using var badLang = await admin.Admin.PutAsJsonAsync(new Uri("/admin/spells/test-spark/translations/de", UriKind.Relative), new { name = "Funke" });
        var read = await admin.Admin.GetFromJsonAsync<JsonObject>(new Uri("/admin/spells/test-spark", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutName.StatusCode);
        Assert.Equal(HttpStatusCode.OK, russian.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fix.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLang.StatusCode);
        var english = read!["translations"]!["en"]!;
        Assert.Equal(("Spark", "30 feet", "A tiny spark."), (english["name"]!.GetValue<string>(), english["range"]!.GetValue<string>(), english["description"]!.GetValue<string>()));
        Assert.Equal("Искра", read["translations"]!["ru"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATranslationFixOfAnSrdMonsterKeepsItsOtherFieldsAndSearchText()
    {
        const string description = "SELECT coalesce(t.description, '<null>') FROM monster_translations t JOIN monsters m ON m.id = t.monster_id WHERE m.slug = 'owlbear' AND t.lang = ";
        var russianBefore = await admin.Database.ScalarAsync<string>(description + "'ru'");
        var englishBefore = await admin.Database.ScalarAsync<string>(description + "'en'");
        using var response = await admin.Admin.PutAsJsonAsync(new Uri("/admin/monsters/owlbear/translations/ru", UriKind.Relative), new { languages = "—" });
        var english = await admin.Admin.GetFromJsonAsync<JsonObject>(new Uri("/admin/monsters/owlbear", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Совомедведь", english!["translations"]!["ru"]!["name"]!.GetValue<string>());
        Assert.Equal("—", english["translations"]!["ru"]!["languages"]!.GetValue<string>());
        Assert.NotEmpty(english["translations"]!["en"]!["actions"]!.AsArray());
        Assert.Equal(russianBefore, await admin.Database.ScalarAsync<string>(description + "'ru'"));
        Assert.Equal(englishBefore, await admin.Database.ScalarAsync<string>(description + "'en'"));
    }

    [Fact]
    public async Task EverySrdMonsterAndSpellSurvivesARoundTripUnchanged()
    {
        var before = await admin.ChecksumAsync();
        foreach (var slug in new[] { "adult-red-dragon", "goblin", "lich", "swarm-of-bats" })
        {
            var record = await admin.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/admin/monsters/{slug}", UriKind.Relative));
            using var put = await admin.Admin.PutAsJsonAsync(new Uri($"/admin/monsters/{slug}", UriKind.Relative), record);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        foreach (var slug in new[] { "fireball", "wish", "shield" })
        {
            var record = await admin.Admin.GetFromJsonAsync<JsonObject>(new Uri($"/admin/spells/{slug}", UriKind.Relative));
            using var put = await admin.Admin.PutAsJsonAsync(new Uri($"/admin/spells/{slug}", UriKind.Relative), record);
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        Assert.Equal(before, await admin.ChecksumAsync());
    }

    [Fact]
    public async Task BrowsingFindsMonstersByEitherLanguageAndUiStringsByKey()
    {
        var english = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/monsters?q=owlbe", UriKind.Relative));
        var russian = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/monsters?q=совомедв", UriKind.Relative));
        var spells = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/spells?q=fireball", UriKind.Relative));
        var ui = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/ui-strings?q=common.not_found", UriKind.Relative));
        var percent = await admin.Admin.GetFromJsonAsync<JsonElement>(new Uri("/admin/monsters?q=%25", UriKind.Relative));

        Assert.Equal("owlbear", english.GetProperty("items")[0].GetProperty("slug").GetString());
        Assert.Equal("owlbear", russian.GetProperty("items")[0].GetProperty("slug").GetString());
        Assert.Equal("Огненный шар", spells.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("slug").GetString() == "fireball").GetProperty("name_ru").GetString());
        Assert.Equal("Не найдено", ui.GetProperty("items")[0].GetProperty("texts").GetProperty("ru").GetString());
        Assert.Equal(0, percent.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AWriteOnOneInstanceReachesEveryOtherInstanceWithinOneSecond()
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var writer = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = prefix });
        await using var reader = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = prefix });
        using var client = writer.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin);
        using var readerClient = reader.CreateClient();
        (await readerClient.GetAsync(new Uri("/health", UriKind.Relative))).Dispose();
        var version = reader.Services.GetRequiredService<ContentVersion>();
        var before = version.Current;

        using var response = await client.PutAsJsonAsync(new Uri("/admin/ui-strings/common/cache_probe/en", UriKind.Relative), new { text = Guid.NewGuid().ToString() });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (version.Current == before && watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            await Task.Delay(10);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, version.Current);
    }

    [Fact]
    public async Task TheOtherInstanceServesTheEditedMonsterWithinOneSecond()
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var writer = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = prefix });
        await using var reader = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = prefix });
        using var client = writer.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin);
        using var readerClient = reader.CreateClient();
        var address = new Uri("/monsters/goblin?lang=ru", UriKind.Relative);
        var cached = await readerClient.GetFromJsonAsync<JsonElement>(address);
        var name = $"Гоблин {Guid.NewGuid().ToString()[..6]}";

        using var response = await client.PutAsJsonAsync(new Uri("/admin/monsters/goblin/translations/ru", UriKind.Relative), new { name });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string? served;
        do
        {
            served = (await readerClient.GetFromJsonAsync<JsonElement>(address)).GetProperty("name").GetString();
        }
        while (served != name && watch.Elapsed < TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(name, cached.GetProperty("name").GetString());
        Assert.Equal(name, served);
    }
}
