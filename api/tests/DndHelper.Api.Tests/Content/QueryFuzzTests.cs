using System.Text;
using DndHelper.Api.Content;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

// No combination of query parameters, however odd, may produce a 5xx.
[Collection(ContentCollection.Name)]
public sealed class QueryFuzzTests(ContentFixture content)
{
    private static readonly string[] Paths =
    [
        "/monsters", "/monsters/random", "/monsters/goblin", "/monsters/1", "/spells", "/spells/random", "/spells/fireball",
        "/search", "/i18n/ui", "/i18n/enums",
    ];

    private static readonly string[] Names =
    [
        "cr_min", "cr_max", "type", "size", "alignment", "legendary", "flying", "swimming", "damage_immunity", "damage_resistance",
        "condition_immunity", "level", "level_min", "level_max", "school", "class", "ritual", "concentration", "casting_time",
        "component", "damage_type", "save", "sort", "order", "limit", "offset", "lang", "q", "kind", "scope", "ns", "unknown", "",
    ];

    private static readonly string[] Odd =
    [
        "", " ", "0", "-1", "1/0", "0/0", "1/", "/4", "1//4", "1e9", "2147483648", "-2147483649", "99999999999999999999", "0.1250",
        "NaN", "Infinity", "true", "YES", "null", "%", "_", "\\", "'", "\"", "'; DROP TABLE monsters; --", "<script>", "ё", "Ё",
        "дракон", "🐉", "\u0000", "a,b,,c", ",", "dragon,,undead", new string('x', 1000), "%00", "%ZZ", "1 ", " 1/4 ",
    ];

    private static readonly string[] Valid =
    [
        .. Codes.MonsterTypes, .. Codes.Sizes, .. Codes.Alignments, .. Codes.MonsterDamageCodes, .. Codes.Conditions, .. Codes.Schools,
        .. Codes.Classes, .. Codes.Abilities, .. ChallengeRating.All, "action", "bonus_action", "reaction", "longer", "v", "s", "m",
        "name", "cr", "level", "asc", "desc", "en", "ru", "monster", "spell", "name_description", "common", "goblin", "5", "100", "101",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task NoCombinationOfQueryParametersYieldsAServerError(int seed)
    {
        var random = new Random(seed);
        var failures = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var url = new StringBuilder(Paths[random.Next(Paths.Length)]).Append('?');
            for (var p = random.Next(0, 7); p > 0; p--)
            {
                var pool = random.Next(3) == 0 ? Odd : Valid;
                url.Append(Uri.EscapeDataString(Names[random.Next(Names.Length)])).Append('=')
                    .Append(random.Next(10) == 0 ? pool[random.Next(pool.Length)] : Uri.EscapeDataString(pool[random.Next(pool.Length)]))
                    .Append('&');
            }
            var (response, body) = await content.Client.GetWithStatusAsync(url.ToString());
            if ((int)response.StatusCode >= 500 || response.StatusCode is not (System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound))
            {
                failures.Add($"{(int)response.StatusCode} {url}");
            }
            else if (response.StatusCode == System.Net.HttpStatusCode.BadRequest && !body.TryGetProperty("errors", out _))
            {
                failures.Add($"400 without errors: {url}");
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
