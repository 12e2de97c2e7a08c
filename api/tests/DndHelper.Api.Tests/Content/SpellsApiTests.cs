using System.Net;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class SpellsApiTests(ContentFixture content)
{
    private HttpClient Client => content.Client;

    private static async Task AssertTotalAsync(HttpClient client, string url, Func<JsonElement, bool> expected)
    {
        var page = await client.GetJsonAsync(url);
        Assert.Equal(Srd.Spells.Count(expected), page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task LevelFiltersMatchTheSrdWithCantripsAsLevelZero()
    {
        await AssertTotalAsync(Client, "/spells?level=0", s => Srd.Level(s) == 0);
        await AssertTotalAsync(Client, "/spells?level=1&level=2", s => Srd.Level(s) is 1 or 2);
        await AssertTotalAsync(Client, "/spells?level_min=7", s => Srd.Level(s) >= 7);
        await AssertTotalAsync(Client, "/spells?level_min=0&level_max=1", s => Srd.Level(s) <= 1);
    }

    [Fact]
    public async Task SchoolClassAndFlagFiltersMatchTheSrd()
    {
        await AssertTotalAsync(Client, "/spells?school=evocation", s => Srd.School(s) == "evocation");
        await AssertTotalAsync(Client, "/spells?class=wizard", s => Srd.Classes(s).Contains("wizard"));
        await AssertTotalAsync(Client, "/spells?class=bard&class=paladin", s => Srd.Classes(s).Any(c => c is "bard" or "paladin"));
        await AssertTotalAsync(Client, "/spells?ritual=true", s => Srd.Flag(s, "ritual"));
        await AssertTotalAsync(Client, "/spells?concentration=false", s => !Srd.Flag(s, "concentration"));
    }

    [Fact]
    public async Task CastingTimeAndComponentFiltersMatchTheSrd()
    {
        await AssertTotalAsync(Client, "/spells?casting_time=bonus_action", s => Srd.CastingTime(s) == "1 bonus action");
        await AssertTotalAsync(Client, "/spells?casting_time=reaction", s => Srd.CastingTime(s) == "1 reaction");
        await AssertTotalAsync(Client, "/spells?casting_time=action", s => Srd.CastingTime(s) == "1 action");
        await AssertTotalAsync(Client, "/spells?casting_time=longer", s => Srd.CastingTime(s).Contains("minute", StringComparison.Ordinal) || Srd.CastingTime(s).Contains("hour", StringComparison.Ordinal));
        await AssertTotalAsync(Client, "/spells?component=m", s => Srd.Strings(s, "components").Contains("m"));
        await AssertTotalAsync(Client, "/spells?component=v&component=s", s => Srd.Strings(s, "components").Contains("v") && Srd.Strings(s, "components").Contains("s"));
    }

    [Fact]
    public async Task CombinedFiltersAllApply()
    {
        await AssertTotalAsync(Client, "/spells?level=3&class=wizard", s => Srd.Level(s) == 3 && Srd.Classes(s).Contains("wizard"));
        await AssertTotalAsync(Client, "/spells?school=divination&ritual=yes&class=wizard",
            s => Srd.School(s) == "divination" && Srd.Flag(s, "ritual") && Srd.Classes(s).Contains("wizard"));
        await AssertTotalAsync(Client, "/spells?level_max=0&concentration=true&class=druid",
            s => Srd.Level(s) == 0 && Srd.Flag(s, "concentration") && Srd.Classes(s).Contains("druid"));
    }

    [Fact]
    public async Task DamageAndSaveFiltersFindFireball()
    {
        var fire = await Client.GetJsonAsync("/spells?damage_type=fire&save=dex&limit=100");

        Assert.Contains(fire.GetProperty("items").EnumerateArray(), s => s.Slug() == "fireball");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task SortingByNameFollowsTheRequestedLanguage(string lang)
    {
        var (spells, total) = await Client.GetAllPagesAsync($"/spells?lang={lang}");

        var names = spells.Select(s => Srd.Cyrillic(s.Name())).ToList();
        Assert.Equal(Srd.Spells.Count, total);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task SortingByLevelDescendingPutsNinthLevelFirst()
    {
        var (spells, _) = await Client.GetAllPagesAsync("/spells?sort=level&order=desc");

        var levels = spells.Select(s => s.GetProperty("level").GetInt32()).ToList();
        Assert.Equal(levels.OrderDescending(), levels);
        Assert.Equal(9, levels[0]);
        Assert.Equal(0, levels[^1]);
    }

    [Fact]
    public async Task SummaryCarriesLabelsInTheRequestedLanguage()
    {
        var page = await Client.GetJsonAsync("/spells?level=0&school=evocation&lang=ru&limit=1");
        var cantrip = page.GetProperty("items")[0];

        Assert.Equal(0, cantrip.GetProperty("level").GetInt32());
        Assert.Matches("[а-яА-Я]", cantrip.GetProperty("level_label").GetString()!);
        Assert.Matches("[а-яА-Я]", cantrip.GetProperty("school_label").GetString()!);
    }

    [Fact]
    public async Task DetailCarriesTheWholeSpellAndItsLabels()
    {
        var fireball = await Client.GetJsonAsync("/spells/fireball");
        var source = Srd.Spells.Single(s => s.GetProperty("name").GetString() == "Fireball");

        Assert.Equal(3, fireball.GetProperty("level").GetInt32());
        Assert.Equal("evocation", fireball.GetProperty("school").GetString());
        Assert.Equal("action", fireball.GetProperty("casting_time").GetString());
        Assert.Equal(source.GetProperty("range").GetString(), fireball.GetProperty("range").GetString());
        Assert.Equal(["v", "s", "m"], fireball.GetProperty("components").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(source.GetProperty("material").GetString(), fireball.GetProperty("material").GetString());
        Assert.Equal(("fire", "dex"), (fireball.GetProperty("damage_type").GetString(), fireball.GetProperty("save").GetString()));
        Assert.Equal(Srd.Classes(source).Order(), fireball.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).Order());
        Assert.Contains("8d6", fireball.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.NotNull(fireball.GetProperty("higher_levels").GetString());
        var labels = fireball.GetProperty("labels");
        Assert.Equal("Evocation", labels.GetProperty("school").GetProperty("evocation").GetString());
        Assert.True(labels.GetProperty("class").TryGetProperty("wizard", out _));
        Assert.True(labels.GetProperty("spell_level").TryGetProperty("3", out _));
        Assert.True(labels.GetProperty("damage_type").TryGetProperty("fire", out _));
        Assert.True(labels.GetProperty("component").TryGetProperty("m", out _));
    }

    [Fact]
    public async Task RandomSpellMatchesTheFiltersAndIsNotFoundWhenNothingDoes()
    {
        var spell = await Client.GetJsonAsync("/spells/random?level=0&class=wizard");
        var (none, body) = await Client.GetWithStatusAsync("/spells/random?level=0&ritual=true&concentration=true&class=paladin");

        Assert.Equal(0, Srd.Spells.Count(s => Srd.Level(s) == 0 && Srd.Flag(s, "ritual") && Srd.Flag(s, "concentration") && Srd.Classes(s).Contains("paladin")));
        Assert.Equal(0, spell.GetProperty("level").GetInt32());
        Assert.Contains("wizard", spell.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("level=10", "level", "0 to 9")]
    [InlineData("level=cantrip", "level", "0 to 9")]
    [InlineData("level_min=-1", "level_min", "0 to 9")]
    [InlineData("school=chronomancy", "school", "evocation")]
    [InlineData("class=artificer", "class", "wizard")]
    [InlineData("casting_time=instant", "casting_time", "bonus_action")]
    [InlineData("component=x", "component", "v, s, m")]
    [InlineData("ritual=perhaps", "ritual", "true")]
    [InlineData("damage_type=love", "damage_type", "thunder")]
    [InlineData("save=luck", "save", "wis")]
    [InlineData("sort=cr", "sort", "level")]
    public async Task AnUnknownValueIsABadRequestNamingTheParameterAndTheAllowedValues(string query, string parameter, string allowed)
    {
        var (response, body) = await Client.GetWithStatusAsync($"/spells?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = body.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()!);
        Assert.Contains(messages, m => m.Contains(allowed, StringComparison.Ordinal));
    }
}
