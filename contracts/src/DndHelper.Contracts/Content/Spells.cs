namespace DndHelper.Contracts.Content;

// A row of GET /spells. CastingTime is a code: action, bonus_action, reaction, minute, hour.
// Components are codes too: v, s, m.
public sealed record SpellSummary(
    int Id,
    string Slug,
    string Name,
    int Level,
    string LevelLabel,
    string School,
    string SchoolLabel,
    string CastingTime,
    IReadOnlyList<string> Components,
    bool Ritual,
    bool Concentration,
    IReadOnlyList<string> Classes);

// GET /spells/{id-or-slug}. CastingTimeText, Range and Duration are the book's words in the response language.
public sealed record SpellDetail(
    int Id,
    string Slug,
    string Name,
    int Level,
    string School,
    IReadOnlyList<string> Classes,
    string CastingTime,
    string? CastingTimeText,
    string? Range,
    IReadOnlyList<string> Components,
    string? Material,
    string? Duration,
    bool Ritual,
    bool Concentration,
    string? DamageType,
    string? Save,
    string? Description,
    string? HigherLevels,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Labels);
