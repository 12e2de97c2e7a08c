using System.Text.Json;
using DndHelper.Api.I18n;

namespace DndHelper.Api.Content;

// The project's own bilingual data, embedded in the assembly: Russian names of the SRD entries,
// the labels of every enumeration, and the UI strings of the bot and the admin page.
public sealed class SeedData
{
    public required IReadOnlyDictionary<string, string> MonsterNamesRu { get; init; }
    public required IReadOnlyDictionary<string, string> SpellNamesRu { get; init; }
    public required IReadOnlyList<EnumTranslation> EnumLabels { get; init; }
    public required IReadOnlyList<UiTranslation> UiStrings { get; init; }

    public static SeedData Load()
    {
        var assembly = typeof(SeedData).Assembly;
        T Read<T>(string name)
        {
            using var stream = assembly.GetManifestResourceStream($"seed/{name}")
                ?? throw new InvalidOperationException($"embedded seed file {name} is missing");
            return JsonSerializer.Deserialize<T>(stream) ?? throw new InvalidOperationException($"seed file {name} is empty");
        }

        var enums = Read<Dictionary<string, Dictionary<string, Dictionary<string, string>>>>("enums.json");
        var ui = Read<Dictionary<string, Dictionary<string, Dictionary<string, string>>>>("ui.json");
        return new SeedData
        {
            MonsterNamesRu = Read<Dictionary<string, string>>("monster-names.ru.json"),
            SpellNamesRu = Read<Dictionary<string, string>>("spell-names.ru.json"),
            EnumLabels = [.. Flatten(enums).Select(e => new EnumTranslation { Family = e.Group, Code = e.Key, Lang = e.Lang, Label = e.Text })],
            UiStrings = [.. Flatten(ui).Select(e => new UiTranslation { Namespace = e.Group, Key = e.Key, Lang = e.Lang, Text = e.Text })],
        };
    }

    private static IEnumerable<(string Group, string Key, string Lang, string Text)> Flatten(
        Dictionary<string, Dictionary<string, Dictionary<string, string>>> source) =>
        from grp in source
        from entry in grp.Value
        from lang in entry.Value
        select (grp.Key, entry.Key, lang.Key, lang.Value);
}
