using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace DndHelper.Bot.Texts;

// The one table of UI strings (namespace "bot" and "common") and enum labels, in every language.
// It starts from the copy embedded at build time, so the bot speaks even with the API down,
// and TextsRefresher swaps in the API's current table when it can.
public sealed class BotTexts
{
    public const string English = "en";
    public const string Russian = "ru";

    public static readonly string[] Languages = [English, Russian];

    private readonly FrozenDictionary<string, string[]> codes;
    private volatile Table table;

    public BotTexts()
    {
        table = new Table(ReadEmbedded("ui.json"), ReadEmbedded("enums.json"));
        codes = ReadSeed("enums.json").ToFrozenDictionary(f => f.Key, f => f.Value.Keys.ToArray(), StringComparer.Ordinal);
    }

    public static string NormalizeLanguage(string? code) =>
        code is not null && code.StartsWith(Russian, StringComparison.OrdinalIgnoreCase) ? Russian : English;

    // A key of the bot namespace ("menu.title") or a qualified one ("common.srd_attribution").
    public string Get(string lang, string key)
    {
        var current = table;
        var qualified = key.StartsWith("common.", StringComparison.Ordinal) ? key : "bot." + key;
        if (current.Ui.TryGetValue(lang, out var strings) && strings.TryGetValue(qualified, out var text))
        {
            return text;
        }
        return current.Ui.TryGetValue(English, out var fallback) && fallback.TryGetValue(qualified, out var english) ? english : key;
    }

    public string Format(string lang, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(lang, key), args);

    // The label of an enum code ("monster_type", "dragon"); unknown codes show as they are.
    public string Label(string lang, string family, string code)
    {
        var current = table;
        var id = family + "." + code;
        if (current.Enums.TryGetValue(lang, out var labels) && labels.TryGetValue(id, out var label))
        {
            return label;
        }
        return current.Enums.TryGetValue(English, out var fallback) && fallback.TryGetValue(id, out var english)
            ? english
            : code.Replace('_', ' ');
    }

    // The codes of an enum family in the seed's order (sizes small to large, levels 0 to 9).
    public IReadOnlyList<string> Codes(string family) => codes.TryGetValue(family, out var list) ? list : [];

    // Merges fresh entries (qualified "ns.key" → text for one language) over the current table.
    public void MergeUi(string lang, IReadOnlyDictionary<string, string> entries) =>
        table = table with { Ui = Merge(table.Ui, lang, entries) };

    public void MergeEnums(string lang, IReadOnlyDictionary<string, string> entries) =>
        table = table with { Enums = Merge(table.Enums, lang, entries) };

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Merge(
        FrozenDictionary<string, FrozenDictionary<string, string>> source, string lang, IReadOnlyDictionary<string, string> entries)
    {
        var all = source.ToDictionary(p => p.Key, p => new Dictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        if (!all.TryGetValue(lang, out var target))
        {
            all[lang] = target = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        foreach (var (key, value) in entries)
        {
            target[key] = value;
        }
        return all.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // Seed format: {"group": {"key": {"en": "...", "ru": "..."}}} → lang → "group.key" → text.
    private static FrozenDictionary<string, FrozenDictionary<string, string>> ReadEmbedded(string name) =>
        ReadSeed(name)
            .SelectMany(g => g.Value.SelectMany(e => e.Value.Select(l => (Lang: l.Key, Key: g.Key + "." + e.Key, Text: l.Value))))
            .GroupBy(x => x.Lang, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(x => x.Key, x => x.Text, StringComparer.Ordinal), StringComparer.Ordinal);

    private static List<KeyValuePair<string, OrderedDictionary<string, Dictionary<string, string>>>> ReadSeed(string name)
    {
        using var stream = typeof(BotTexts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded {name} is missing");
        var seed = JsonSerializer.Deserialize<OrderedDictionary<string, OrderedDictionary<string, Dictionary<string, string>>>>(stream)
            ?? throw new InvalidOperationException($"embedded {name} is empty");
        return [.. seed];
    }

    private sealed record Table(
        FrozenDictionary<string, FrozenDictionary<string, string>> Ui,
        FrozenDictionary<string, FrozenDictionary<string, string>> Enums);
}
