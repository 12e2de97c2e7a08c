using System.Net;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class MonstersApiTests(ContentFixture content)
{
    private HttpClient Client => content.Client;

    private static async Task AssertTotalAsync(HttpClient client, string url, Func<JsonElement, bool> expected)
    {
        var page = await client.GetJsonAsync(url);
        Assert.Equal(Srd.Monsters.Count(expected), page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("cr_min=1/4&cr_max=1/2")]
    [InlineData("cr_min=0.25&cr_max=0.5")]
    [InlineData("cr_min=.25&cr_max=1/2")]
    public async Task FractionalChallengeRatingsFilterInEveryNotation(string query)
    {
        await AssertTotalAsync(Client, $"/monsters?{query}", m => Srd.Cr(m) is >= 0.25m and <= 0.5m);
    }

    [Fact]
    public async Task WholeChallengeRatingBoundsAreInclusive()
    {
        await AssertTotalAsync(Client, "/monsters?cr_min=2&cr_max=2", m => Srd.Cr(m) == 2);
        await AssertTotalAsync(Client, "/monsters?cr_max=1/8", m => Srd.Cr(m) <= 0.125m);
    }

    [Fact]
    public async Task TypeSizeAndFlagFiltersMatchTheSrd()
    {
        await AssertTotalAsync(Client, "/monsters?type=dragon", m => Srd.Type(m) == "dragon");
        await AssertTotalAsync(Client, "/monsters?type=Dragon&type=undead", m => Srd.Type(m) is "dragon" or "undead");
        await AssertTotalAsync(Client, "/monsters?type=dragon,undead", m => Srd.Type(m) is "dragon" or "undead");
        await AssertTotalAsync(Client, "/monsters?size=large&size=huge", m => Srd.Size(m) is "large" or "huge");
        await AssertTotalAsync(Client, "/monsters?legendary=true", Srd.Legendary);
        await AssertTotalAsync(Client, "/monsters?legendary=no", m => !Srd.Legendary(m));
        await AssertTotalAsync(Client, "/monsters?flying=1", Srd.Flies);
        await AssertTotalAsync(Client, "/monsters?flying=0", m => !Srd.Flies(m));
        await AssertTotalAsync(Client, "/monsters?swimming=yes", m => m.GetProperty("speed").TryGetProperty("swim", out _));
    }

    [Fact]
    public async Task ImmunityAndResistanceFiltersMatchTheSrd()
    {
        await AssertTotalAsync(Client, "/monsters?damage_immunity=fire", m => Srd.Strings(m, "damage_immunities").Contains("fire"));
        await AssertTotalAsync(Client, "/monsters?damage_immunity=fire&damage_immunity=poison",
            m => Srd.Strings(m, "damage_immunities").Contains("fire") && Srd.Strings(m, "damage_immunities").Contains("poison"));
        await AssertTotalAsync(Client, "/monsters?damage_resistance=cold", m => Srd.Strings(m, "damage_resistances").Contains("cold"));
        await AssertTotalAsync(Client, "/monsters?condition_immunity=poisoned", m => Srd.Strings(m, "condition_immunities").Contains("poisoned"));
    }

    [Fact]
    public async Task CombinedFiltersAllApply()
    {
        await AssertTotalAsync(Client, "/monsters?type=dragon&cr_min=10&legendary=true&flying=true",
            m => Srd.Type(m) == "dragon" && Srd.Cr(m) >= 10 && Srd.Legendary(m) && Srd.Flies(m));
        await AssertTotalAsync(Client, "/monsters?size=tiny&type=beast&cr_max=1/4",
            m => Srd.Size(m) == "tiny" && Srd.Type(m) == "beast" && Srd.Cr(m) <= 0.25m);
    }

    [Fact]
    public async Task PagesAreCappedAndTheirTotalsAddUp()
    {
        var capped = await Client.GetJsonAsync("/monsters?limit=1000");
        var first = await Client.GetJsonAsync("/monsters");
        var beyond = await Client.GetJsonAsync($"/monsters?offset={Srd.Monsters.Count}");
        var (all, total) = await Client.GetAllPagesAsync("/monsters", limit: 37);

        Assert.Equal(100, capped.GetProperty("limit").GetInt32());
        Assert.Equal(100, capped.GetProperty("items").GetArrayLength());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        Assert.Equal(Srd.Monsters.Count, total);
        Assert.Empty(beyond.GetProperty("items").EnumerateArray());
        Assert.Equal(Srd.Monsters.Count, beyond.GetProperty("total").GetInt32());
        Assert.Equal(Srd.Monsters.Count, all.Select(m => m.Slug()).Distinct().Count());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task SortingByNameFollowsTheRequestedLanguageBothWays(string lang)
    {
        var (ascending, _) = await Client.GetAllPagesAsync($"/monsters?lang={lang}&sort=name");
        var (descending, _) = await Client.GetAllPagesAsync($"/monsters?lang={lang}&sort=name&order=desc");

        var names = ascending.Select(m => Srd.Cyrillic(m.Name())).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.AsEnumerable().Reverse(), descending.Select(m => Srd.Cyrillic(m.Name())));
        if (lang == "ru")
        {
            Assert.All(ascending, m => Assert.Matches("[а-яё]", m.Name().ToLowerInvariant()));
        }
    }

    [Fact]
    public async Task SortingByChallengeRatingKeepsFractionsInOrder()
    {
        var (ascending, _) = await Client.GetAllPagesAsync("/monsters?sort=cr");
        var (descending, _) = await Client.GetAllPagesAsync("/monsters?sort=cr&order=desc");

        var ratings = ascending.Select(m => m.GetProperty("cr").GetDecimal()).ToList();
        Assert.Equal(ratings.Order(), ratings);
        Assert.Equal(ratings.OrderDescending(), descending.Select(m => m.GetProperty("cr").GetDecimal()));
        Assert.Equal(Srd.Monsters.Min(Srd.Cr), ratings[0]);
    }

    [Fact]
    public async Task GoblinSummaryShowsAFractionalRating()
    {
        var page = await Client.GetJsonAsync("/monsters?type=humanoid&cr_min=1/4&cr_max=1/4&limit=100");
        var goblin = page.GetProperty("items").EnumerateArray().Single(m => m.Slug() == "goblin");

        Assert.Equal(0.25m, goblin.GetProperty("cr").GetDecimal());
        Assert.Equal("1/4", goblin.GetProperty("cr_display").GetString());
        Assert.Equal(50, goblin.GetProperty("xp").GetInt32());
        Assert.Equal("Humanoid", goblin.GetProperty("type_label").GetString());
    }

    [Fact]
    public async Task DetailCarriesTheWholeStatBlockAndTheLabelsOfItsCodes()
    {
        var dragon = await Client.GetJsonAsync("/monsters/adult-red-dragon");
        var source = Srd.Monsters.Single(m => m.GetProperty("name").GetString() == "Adult Red Dragon");
        var byId = await Client.GetJsonAsync($"/monsters/{dragon.GetProperty("id").GetInt32()}");

        Assert.Equal("Adult Red Dragon", dragon.Name());
        Assert.Equal(dragon.GetRawText(), byId.GetRawText());
        Assert.Equal(source.GetProperty("hit_points").GetInt32(), dragon.GetProperty("hit_points").GetInt32());
        Assert.Equal("19d12", dragon.GetProperty("hit_dice").GetString());
        Assert.Equal(80, dragon.GetProperty("speed").GetProperty("fly").GetInt32());
        Assert.Equal(27, dragon.GetProperty("abilities").GetProperty("strength").GetProperty("score").GetInt32());
        Assert.Equal(8, dragon.GetProperty("abilities").GetProperty("strength").GetProperty("modifier").GetInt32());
        Assert.Equal(0, dragon.GetProperty("abilities").GetProperty("dexterity").GetProperty("modifier").GetInt32());
        Assert.Contains(dragon.GetProperty("saves").EnumerateArray(), s => s.GetProperty("ability").GetString() == "dex" && s.GetProperty("bonus").GetInt32() == 6);
        Assert.Contains(dragon.GetProperty("skills").EnumerateArray(), s => s.GetProperty("skill").GetString() == "perception");
        Assert.Equal(23, dragon.GetProperty("senses").GetProperty("passive_perception").GetInt32());
        Assert.Equal(["fire"], dragon.GetProperty("damage_immunities").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal((17m, "17", 18000, 6), (dragon.GetProperty("cr").GetDecimal(), dragon.GetProperty("cr_display").GetString(),
            dragon.GetProperty("xp").GetInt32(), dragon.GetProperty("proficiency_bonus").GetInt32()));
        Assert.Equal(source.GetProperty("legendary_actions").GetArrayLength(), dragon.GetProperty("legendary_actions").GetArrayLength());
        var bite = dragon.GetProperty("actions").EnumerateArray().Single(a => a.Name() == "Bite");
        Assert.Equal(14, bite.GetProperty("attack_bonus").GetInt32());
        Assert.Equal("2d10+8", bite.GetProperty("damage")[0].GetProperty("dice").GetString());
        var breath = dragon.GetProperty("actions").EnumerateArray().Single(a => a.Name().StartsWith("Fire Breath", StringComparison.Ordinal));
        Assert.Equal((21, "dex"), (breath.GetProperty("save_dc").GetInt32(), breath.GetProperty("save_ability").GetString()));

        var labels = dragon.GetProperty("labels");
        Assert.Equal("Huge", labels.GetProperty("size").GetProperty("huge").GetString());
        Assert.Equal("Dragon", labels.GetProperty("monster_type").GetProperty("dragon").GetString());
        Assert.Equal("Chaotic evil", labels.GetProperty("alignment").GetProperty("chaotic_evil").GetString());
        foreach (var code in new[] { "fire", "piercing", "slashing", "bludgeoning" })
        {
            Assert.True(labels.GetProperty("damage_type").TryGetProperty(code, out _), code);
        }
        Assert.True(labels.GetProperty("skill").TryGetProperty("perception", out _));
        Assert.True(labels.GetProperty("speed").TryGetProperty("fly", out _));
        Assert.True(labels.GetProperty("ability").TryGetProperty("dex", out _));
    }

    [Fact]
    public async Task EveryCodeInARussianDetailHasARussianLabel()
    {
        var lich = await Client.GetJsonAsync("/monsters/lich?lang=ru");

        foreach (var family in lich.GetProperty("labels").EnumerateObject())
        {
            foreach (var label in family.Value.EnumerateObject())
            {
                Assert.NotEqual(label.Name, label.Value.GetString());
                Assert.DoesNotContain(label.Value.GetString()!, l => l is >= 'a' and <= 'z');
            }
        }
        Assert.Contains("poisoned", lich.GetProperty("labels").GetProperty("condition").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task UnknownMonsterIsANotFoundProblem()
    {
        var (response, body) = await Client.GetWithStatusAsync("/monsters/no-such-monster");
        var (weird, _) = await Client.GetWithStatusAsync("/monsters/%E2%98%83%20x");
        var (tooBig, _) = await Client.GetWithStatusAsync("/monsters/99999999999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Contains("no-such-monster", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, weird.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, tooBig.StatusCode);
    }

    [Fact]
    public async Task RandomMonsterMatchesTheFilters()
    {
        for (var i = 0; i < 5; i++)
        {
            var monster = await Client.GetJsonAsync("/monsters/random?type=dragon&cr_min=1/2&lang=ru");
            Assert.Equal("dragon", monster.GetProperty("type").GetString());
            Assert.True(monster.GetProperty("cr").GetDecimal() >= 0.5m);
        }
    }

    [Fact]
    public async Task RandomMonsterIsNotFoundWhenNothingMatches()
    {
        var (response, body) = await Client.GetWithStatusAsync("/monsters/random?type=dragon&cr_max=0");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No monster matches these filters.", body.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("type=drgon", "type", "aberration")]
    [InlineData("size=enormous", "size", "gargantuan")]
    [InlineData("cr_min=1/3", "cr_min", "1/8")]
    [InlineData("cr_max=31", "cr_max", "30")]
    [InlineData("legendary=maybe", "legendary", "yes")]
    [InlineData("damage_immunity=love", "damage_immunity", "nonmagical_bps")]
    [InlineData("condition_immunity=sleepy", "condition_immunity", "poisoned")]
    [InlineData("sort=hp", "sort", "cr")]
    [InlineData("order=up", "order", "desc")]
    [InlineData("limit=0", "limit", "1 to 100")]
    [InlineData("limit=ten", "limit", "1 to 100")]
    [InlineData("offset=-1", "offset", "0 to")]
    [InlineData("lang=de", "lang", "en, ru")]
    public async Task AnUnknownValueIsABadRequestNamingTheParameterAndTheAllowedValues(string query, string parameter, string allowed)
    {
        foreach (var path in new[] { "/monsters", "/monsters/random" })
        {
            if (path.EndsWith("random", StringComparison.Ordinal) && query.Split('=')[0] is "sort" or "order" or "limit" or "offset")
            {
                continue;
            }
            var (response, body) = await Client.GetWithStatusAsync($"{path}?{query}");

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var messages = body.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Contains(messages, m => m.Contains(allowed, StringComparison.Ordinal));
            Assert.Contains(allowed, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
