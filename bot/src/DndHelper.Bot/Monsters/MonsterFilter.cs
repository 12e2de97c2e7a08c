using DndHelper.Contracts.Content;

namespace DndHelper.Bot.Monsters;

// The bestiary filters a user has set; null means "any". Kept in the conversation state and sent
// to the API as query parameters, so the API does the filtering and paging.
public sealed record MonsterFilter
{
    public string? CrMin { get; init; }
    public string? CrMax { get; init; }
    public string? Type { get; init; }
    public string? Size { get; init; }
    public bool? Legendary { get; init; }
    public bool? Flying { get; init; }
    public bool? Swimming { get; init; }
    public string? DamageImmunity { get; init; }

    public MonsterQuery ToQuery() => new()
    {
        CrMin = CrMin,
        CrMax = CrMax,
        Types = Type is null ? [] : [Type],
        Sizes = Size is null ? [] : [Size],
        Legendary = Legendary,
        Flying = Flying,
        Swimming = Swimming,
        DamageImmunity = DamageImmunity,
    };
}
