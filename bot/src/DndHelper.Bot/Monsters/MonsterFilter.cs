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

    public bool IsEmpty => this == new MonsterFilter();

    public IEnumerable<KeyValuePair<string, string>> ToQuery()
    {
        if (CrMin is not null) yield return new("cr_min", CrMin);
        if (CrMax is not null) yield return new("cr_max", CrMax);
        if (Type is not null) yield return new("type", Type);
        if (Size is not null) yield return new("size", Size);
        if (Legendary is { } legendary) yield return new("legendary", legendary ? "true" : "false");
        if (Flying is { } flying) yield return new("flying", flying ? "true" : "false");
        if (Swimming is { } swimming) yield return new("swimming", swimming ? "true" : "false");
        if (DamageImmunity is not null) yield return new("damage_immunity", DamageImmunity);
    }
}
