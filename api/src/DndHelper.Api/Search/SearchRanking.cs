using DndHelper.Contracts.Content;

namespace DndHelper.Api.Search;

// How a hit ranks: exact name, then name prefix, then similar name (trigrams), then description.
// The tiers never overlap in score, so sorting by score is sorting by tier, then similarity.
public static class SearchRanking
{
    public const int Exact = 3;
    public const int Prefix = 2;
    public const int Similar = 1;
    public const int Description = 0;

    public static string Match(int tier) => tier switch
    {
        Exact => SearchMatches.Exact,
        Prefix => SearchMatches.Prefix,
        Similar => SearchMatches.Similar,
        _ => SearchMatches.Description,
    };

    // In [0, 1]: each tier owns a quarter, similarity places a hit inside it; an exact name scores 1.
    public static double Score(int tier, double similarity)
    {
        var within = Math.Clamp(similarity, 0, 1);
        return Math.Round((Math.Clamp(tier, Description, Exact) + within) / 4, 3);
    }

    // The form a query takes in cache keys: trimmed, single spaces, lower case, ё as е (what dnd_fold does in SQL).
    public static string Normalize(string query) =>
        string.Join(' ', query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant()
            .Replace('ё', 'е');
}
