using System.Net;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class SearchApiTests(ContentFixture content)
{
    private HttpClient Client => content.Client;

    private async Task<List<System.Text.Json.JsonElement>> HitsAsync(string query) =>
        [.. (await Client.GetJsonAsync($"/search?{query}")).GetProperty("items").EnumerateArray()];

    [Theory]
    [InlineData("owlbaer", "monster", "owlbear")]
    [InlineData("firebal", "spell", "fireball")]
    [InlineData("gobiln", "monster", "goblin")]
    [InlineData("magic misile", "spell", "magic-missile")]
    [InlineData("гоблн", "monster", "goblin")]
    [InlineData("совомедвед", "monster", "owlbear")]
    [InlineData("огненый шар", "spell", "fireball")]
    public async Task TyposStillFindTheEntryFirst(string query, string kind, string slug)
    {
        var hits = await HitsAsync($"q={Uri.EscapeDataString(query)}");

        Assert.NotEmpty(hits);
        Assert.Equal((kind, slug), (hits[0].GetProperty("kind").GetString(), hits[0].Slug()));
    }

    [Fact]
    public async Task ExactNameComesFirstThenPrefixThenSimilar()
    {
        var hits = await HitsAsync("q=owl&limit=50");

        Assert.Equal("owl", hits[0].Slug());
        Assert.Equal("exact", hits[0].GetProperty("match").GetString());
        Assert.Equal(1.0, hits[0].GetProperty("score").GetDouble());
        var ranks = hits.Select(h => h.GetProperty("match").GetString() switch { "exact" => 3, "prefix" => 2, "similar" => 1, _ => 0 }).ToList();
        Assert.Equal(ranks.OrderDescending(), ranks);
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Contains(hits, h => h.Slug() == "owlbear" && h.GetProperty("match").GetString() == "prefix");
        Assert.Contains(hits, h => h.Slug() == "giant-owl" && h.GetProperty("match").GetString() == "similar");
    }

    [Fact]
    public async Task RussianAndEnglishNamesMatchWhateverTheResponseLanguage()
    {
        var russianQueryEnglishAnswer = await HitsAsync($"q={Uri.EscapeDataString("Гоблин")}&lang=en");
        var englishQueryRussianAnswer = await HitsAsync("q=goblin&lang=ru");

        Assert.Equal(("goblin", "Goblin", "Гоблин"), (russianQueryEnglishAnswer[0].Slug(), russianQueryEnglishAnswer[0].Name(),
            russianQueryEnglishAnswer[0].GetProperty("other_name").GetString()));
        Assert.Equal(("goblin", "Гоблин", "Goblin"), (englishQueryRussianAnswer[0].Slug(), englishQueryRussianAnswer[0].Name(),
            englishQueryRussianAnswer[0].GetProperty("other_name").GetString()));
        Assert.Equal("exact", russianQueryEnglishAnswer[0].GetProperty("match").GetString());
    }

    [Fact]
    public async Task YoAndYeAreTheSameLetter()
    {
        var withYo = await HitsAsync($"q={Uri.EscapeDataString("Взрослый чёрный дракон")}");
        var withYe = await HitsAsync($"q={Uri.EscapeDataString("взрослый черный дракон")}");

        Assert.Equal("adult-black-dragon", withYo[0].Slug());
        Assert.Equal("exact", withYe[0].GetProperty("match").GetString());
        Assert.Equal("adult-black-dragon", withYe[0].Slug());
    }

    [Fact]
    public async Task KindAndLimitNarrowTheHits()
    {
        var spells = await HitsAsync("q=fire&kind=spell&limit=5");
        var monsters = await HitsAsync("q=fire&kind=monster");

        Assert.Equal(5, spells.Count);
        Assert.All(spells, h => Assert.Equal("spell", h.GetProperty("kind").GetString()));
        Assert.NotEmpty(monsters);
        Assert.All(monsters, h => Assert.Equal("monster", h.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task DescriptionsAreSearchedOnlyWhenAsked()
    {
        var names = await HitsAsync("q=petrified&kind=monster");
        var descriptions = await HitsAsync("q=petrified&kind=monster&scope=name_description&limit=50");

        Assert.Empty(names);
        Assert.Contains(descriptions, h => h.Slug() == "basilisk");
        Assert.All(descriptions, h => Assert.Equal("description", h.GetProperty("match").GetString()));
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=x&kind=item", "kind")]
    [InlineData("q=x&scope=everything", "scope")]
    [InlineData("q=x&limit=none", "limit")]
    [InlineData("q=x&lang=fr", "lang")]
    public async Task BadSearchParametersAreNamed(string query, string parameter)
    {
        var (response, body) = await Client.GetWithStatusAsync($"/search?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task AnOverlongQueryIsABadRequestAndLikeWildcardsAreLiteral()
    {
        var (tooLong, _) = await Client.GetWithStatusAsync($"/search?q={new string('a', 101)}");
        var wildcards = await HitsAsync("q=%25%25%25");
        var underscore = await HitsAsync("q=___");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty(wildcards);
        Assert.Empty(underscore);
    }
}
