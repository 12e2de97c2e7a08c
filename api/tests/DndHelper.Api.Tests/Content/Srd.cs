using System.Globalization;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

// The SRD source the test database was imported from: expected numbers are computed from it,
// never typed in.
public static class Srd
{
    private static readonly Lazy<JsonElement[]> LazyMonsters = new(() => Read("monsters.json"));
    private static readonly Lazy<JsonElement[]> LazySpells = new(() => Read("spells.json"));

    public static IReadOnlyList<JsonElement> Monsters => LazyMonsters.Value;

    public static IReadOnlyList<JsonElement> Spells => LazySpells.Value;

    public static decimal Cr(JsonElement monster) => monster.GetProperty("challenge_rating").GetDecimal();

    public static string Type(JsonElement monster) => monster.GetProperty("type").GetString()!.StartsWith("swarm", StringComparison.OrdinalIgnoreCase)
        ? "beast" : monster.GetProperty("type").GetString()!.ToLowerInvariant();

    public static string Size(JsonElement monster) => monster.GetProperty("size").GetString()!.ToLowerInvariant();

    public static bool Legendary(JsonElement monster) =>
        monster.TryGetProperty("legendary_actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0;

    public static bool Flies(JsonElement monster) => monster.GetProperty("speed").TryGetProperty("fly", out _);

    public static IEnumerable<string> Strings(JsonElement entry, string field) =>
        entry.GetProperty(field).EnumerateArray().Select(e => (e.ValueKind == JsonValueKind.Object ? e.GetProperty("name").GetString() : e.GetString())!.ToLowerInvariant());

    public static int Level(JsonElement spell) => spell.GetProperty("level").GetInt32();

    public static IEnumerable<string> Classes(JsonElement spell) => Strings(spell, "classes");

    public static string School(JsonElement spell) => spell.GetProperty("school").GetProperty("name").GetString()!.ToLowerInvariant();

    public static string CastingTime(JsonElement spell) => spell.GetProperty("casting_time").GetString()!;

    public static bool Flag(JsonElement entry, string field) => entry.GetProperty(field).GetBoolean();

    public static string Cyrillic(string text) => text.ToLower(CultureInfo.InvariantCulture).Replace('ё', 'е');

    private static JsonElement[] Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestEnvironment.SrdPath, file)));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}

public static class Http
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetWithStatusAsync(this HttpClient client, string url) =>
        await client.SendJsonAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative)));

    // Every page of a list, following offset until the total is reached.
    public static async Task<(List<JsonElement> Items, int Total)> GetAllPagesAsync(this HttpClient client, string url, int limit = 100)
    {
        var items = new List<JsonElement>();
        var total = -1;
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        while (total < 0 || items.Count < total)
        {
            var page = await client.GetJsonAsync($"{url}{separator}limit={limit}&offset={items.Count}");
            total = page.GetProperty("total").GetInt32();
            var batch = page.GetProperty("items").EnumerateArray().ToList();
            if (batch.Count == 0)
            {
                break;
            }
            items.AddRange(batch);
        }
        return (items, total);
    }

    public static string Name(this JsonElement item) => item.GetProperty("name").GetString()!;

    public static string Slug(this JsonElement item) => item.GetProperty("slug").GetString()!;
}
