using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;

namespace DndHelper.Api.Editing;

// One problem with some input: where it is (file and line in a bundle; neither for an API body) and which field.
public sealed record ContentProblem(string? File, int? Line, string? Field, string Message)
{
    public override string ToString()
    {
        var where = File is null ? "" : Line is null ? $"{File}: " : $"{File} line {Line}: ";
        return Field is null ? where + Message : $"{where}field '{Field}' {Message}";
    }
}

// Where a record came from, so that a problem found later (a missing reference) can still say it.
public sealed record ContentSource(string? File, int? Line);

// A field of a partial update: either set (possibly to null) or left as it is.
public readonly record struct Patch<T>(bool IsSet, T Value)
{
    public T Or(T current) => IsSet ? Value : current;
}

public sealed record MonsterText(
    string Lang,
    Patch<string> Name,
    Patch<string?> ArmorDescription,
    Patch<string?> Languages,
    Patch<List<StatEntry>> Traits,
    Patch<List<StatEntry>> Actions,
    Patch<List<StatEntry>> Reactions,
    Patch<List<StatEntry>> LegendaryActions);

public sealed record SpellText(
    string Lang,
    Patch<string> Name,
    Patch<string?> CastingTime,
    Patch<string?> Range,
    Patch<string?> Duration,
    Patch<string?> MaterialText,
    Patch<string?> Description,
    Patch<string?> HigherLevels);

// A validated monster: the facts as an untracked entity and the texts to merge into its translations.
public sealed record MonsterDraft(Monster Monster, IReadOnlyList<MonsterText> Texts, ContentSource Source);

public sealed record SpellDraft(Spell Spell, IReadOnlyList<SpellText> Texts, ContentSource Source);

// A translation of one monster or spell, found by slug; exactly one of Monster and Spell is set.
public sealed record TranslationDraft(string Entity, string Slug, MonsterText? Monster, SpellText? Spell, ContentSource Source)
{
    public string Lang => Monster?.Lang ?? Spell!.Lang;
}
