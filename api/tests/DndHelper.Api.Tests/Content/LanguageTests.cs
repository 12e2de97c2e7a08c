using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class LanguageTests(ContentFixture content)
{
    private static async Task<(string? ContentLanguage, JsonElement Body)> GetAsync(HttpClient client, string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        var (response, body) = await client.SendJsonAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return (response.Content.Headers.ContentLanguage.SingleOrDefault(), body);
    }

    [Theory]
    [InlineData("/monsters/goblin", null, "en", "Goblin")]
    [InlineData("/monsters/goblin", "ru", "ru", "Гоблин")]
    [InlineData("/monsters/goblin", "ru-RU,ru;q=0.9,en;q=0.8", "ru", "Гоблин")]
    [InlineData("/monsters/goblin", "de-DE, en;q=0.5, ru;q=0.4", "en", "Goblin")]
    [InlineData("/monsters/goblin", "fr", "en", "Goblin")]
    [InlineData("/monsters/goblin?lang=en", "ru", "en", "Goblin")]
    [InlineData("/monsters/goblin?lang=RU", "en", "ru", "Гоблин")]
    [InlineData("/monsters/goblin?lang=ru-RU", null, "ru", "Гоблин")]
    public async Task LangBeatsAcceptLanguageWhichBeatsTheDefault(string url, string? acceptLanguage, string expectedLanguage, string expectedName)
    {
        var (language, body) = await GetAsync(content.Client, url, acceptLanguage);

        Assert.Equal(expectedLanguage, language);
        Assert.Equal(expectedName, body.Name());
    }

    [Fact]
    public async Task EveryContentResponseCarriesContentLanguage()
    {
        foreach (var url in new[] { "/monsters?lang=ru", "/monsters/random?lang=ru", "/spells?lang=ru", "/spells/fireball?lang=ru",
                     "/spells/random?lang=ru", "/search?q=goblin&lang=ru", "/i18n/ui?lang=ru", "/i18n/enums?lang=ru" })
        {
            var (language, _) = await GetAsync(content.Client, url);
            Assert.True(language == "ru", url);
        }
    }

    [Fact]
    public async Task MissingRussianTextFallsBackToEnglishFieldByField()
    {
        var (_, english) = await GetAsync(content.Client, "/monsters/adult-red-dragon?lang=en");
        var (_, russian) = await GetAsync(content.Client, "/monsters/adult-red-dragon?lang=ru");
        var (_, spellEn) = await GetAsync(content.Client, "/spells/fireball?lang=en");
        var (_, spellRu) = await GetAsync(content.Client, "/spells/fireball?lang=ru");

        Assert.Equal("Взрослый красный дракон", russian.Name());
        Assert.Equal(english.GetProperty("actions").GetRawText(), russian.GetProperty("actions").GetRawText());
        Assert.Equal(english.GetProperty("languages").GetString(), russian.GetProperty("languages").GetString());
        Assert.Equal("Огненный шар", spellRu.Name());
        Assert.Equal(spellEn.GetProperty("description").GetString(), spellRu.GetProperty("description").GetString());
        Assert.Equal(spellEn.GetProperty("range").GetString(), spellRu.GetProperty("range").GetString());
        Assert.Equal("Воплощение", spellRu.GetProperty("labels").GetProperty("school").GetProperty("evocation").GetString());
    }

    [Fact]
    public async Task TheConfiguredDefaultLanguageAppliesWithoutLangOrAcceptLanguage()
    {
        await using var factory = new ApiFactory(content.Database, new Dictionary<string, string?> { ["DEFAULT_LANGUAGE"] = "ru" });
        using var client = factory.CreateClient();

        var (language, body) = await GetAsync(client, "/monsters/goblin");
        var (overridden, english) = await GetAsync(client, "/monsters/goblin", "en-GB");

        Assert.Equal(("ru", "Гоблин"), (language, body.Name()));
        Assert.Equal(("en", "Goblin"), (overridden, english.Name()));
    }

    [Fact]
    public async Task ResponsesVaryByAcceptLanguage()
    {
        using var response = await content.Client.GetAsync(new Uri("/monsters?limit=1", UriKind.Relative));

        Assert.Contains("Accept-Language", response.Headers.Vary);
    }
}
