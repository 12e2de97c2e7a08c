namespace DndHelper.Contracts.Content;

public static class ContentKinds
{
    public const string Monster = "monster";
    public const string Spell = "spell";
}

// How a hit matched, best first: exact name, name prefix, similar name (typos), description.
public static class SearchMatches
{
    public const string Exact = "exact";
    public const string Prefix = "prefix";
    public const string Similar = "similar";
    public const string Description = "description";
}

// One search hit. Name is in the response language, OtherName in the other one (null when equal or missing).
// Score is in [0, 1]: 1 for an exact name.
public sealed record SearchHit(string Kind, int Id, string Slug, string Name, string? OtherName, string Match, double Score);

public sealed record SearchResponse(string Query, IReadOnlyList<SearchHit> Items);
