using DndHelper.Contracts.Content;

namespace DndHelper.Bot.Spells;

// The spell filters a user has set; null means "any".
public sealed record SpellFilter
{
    public int? Level { get; init; }
    public string? School { get; init; }
    public string? Class { get; init; }
    public bool? Ritual { get; init; }
    public bool? Concentration { get; init; }
    public string? CastingTime { get; init; }

    public SpellQuery ToQuery() => new()
    {
        Levels = Level is { } level ? [level] : [],
        School = School,
        Classes = Class is null ? [] : [Class],
        Ritual = Ritual,
        Concentration = Concentration,
        CastingTime = CastingTime,
    };
}
