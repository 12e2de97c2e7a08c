using System.Net;
using DndHelper.Api.Content;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class I18nApiTests(ContentFixture content)
{
    public static TheoryData<string, string[]> Families => new()
    {
        { "size", Codes.Sizes },
        { "monster_type", Codes.MonsterTypes },
        { "alignment", Codes.Alignments },
        { "damage_type", Codes.MonsterDamageCodes },
        { "condition", Codes.Conditions },
        { "ability", Codes.Abilities },
        { "skill", Codes.Skills },
        { "school", Codes.Schools },
        { "class", Codes.Classes },
        { "casting_time", [.. Codes.CastingTimes, "longer"] },
        { "challenge_rating", ChallengeRating.All },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task EveryEnumCodeHasALabelInBothLanguages(string family, string[] codes)
    {
        var english = (await content.Client.GetJsonAsync("/i18n/enums?lang=en")).GetProperty("labels").GetProperty(family);
        var russian = (await content.Client.GetJsonAsync("/i18n/enums?lang=ru")).GetProperty("labels").GetProperty(family);

        foreach (var code in codes)
        {
            Assert.False(string.IsNullOrWhiteSpace(english.GetProperty(code).GetString()), $"{family}.{code} (en)");
            Assert.Matches("[а-яА-ЯёЁ]", russian.GetProperty(code).GetString()!);
        }
    }

    [Fact]
    public void EveryEnumLabelAndUiStringIsSeededInBothLanguages()
    {
        var seed = SeedData.Load();

        foreach (var group in seed.EnumLabels.GroupBy(l => (l.Family, l.Code)))
        {
            Assert.Equal(["en", "ru"], group.Select(l => l.Lang).Order());
        }
        foreach (var group in seed.UiStrings.GroupBy(u => (u.Namespace, u.Key)))
        {
            Assert.Equal(["en", "ru"], group.Select(u => u.Lang).Order());
        }
    }

    [Fact]
    public async Task UiStringsComeByNamespaceInTheRequestedLanguage()
    {
        var all = await content.Client.GetJsonAsync("/i18n/ui?lang=ru");
        var common = await content.Client.GetJsonAsync("/i18n/ui?lang=ru&ns=common");
        var english = await content.Client.GetJsonAsync("/i18n/ui?lang=en&ns=common");

        Assert.Equal("ru", common.GetProperty("lang").GetString());
        Assert.Equal(["common"], common.GetProperty("strings").EnumerateObject().Select(p => p.Name));
        Assert.Equal("Не найдено", common.GetProperty("strings").GetProperty("common").GetProperty("not_found").GetString());
        Assert.Equal("Not found", english.GetProperty("strings").GetProperty("common").GetProperty("not_found").GetString());
        Assert.Equal(
            english.GetProperty("strings").GetProperty("common").EnumerateObject().Select(p => p.Name),
            common.GetProperty("strings").GetProperty("common").EnumerateObject().Select(p => p.Name));
        Assert.True(all.GetProperty("strings").TryGetProperty("common", out _));
    }

    [Fact]
    public async Task AnUnknownNamespaceIsABadRequestListingTheKnownOnes()
    {
        var (response, body) = await content.Client.GetWithStatusAsync("/i18n/ui?ns=nonsense");
        var (tooLong, _) = await content.Client.GetWithStatusAsync($"/i18n/ui?ns={new string('n', 80)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("common", body.GetProperty("errors").GetProperty("ns")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task AnUnknownLanguageIsABadRequestNamingLang()
    {
        var (response, body) = await content.Client.GetWithStatusAsync("/i18n/enums?lang=xx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("en, ru", body.GetProperty("errors").GetProperty("lang")[0].GetString(), StringComparison.Ordinal);
    }
}
