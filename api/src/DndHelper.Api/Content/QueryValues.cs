using System.Globalization;
using DndHelper.Api.Languages;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DndHelper.Api.Content;

// Query values are bound as strings and checked here, so that a bad value is a 400 whose errors are
// keyed by the parameter and name the allowed values, never a binding failure or a 500.
// Code values are case-insensitive; repeatable parameters also accept comma-separated lists.
public sealed class QueryValues
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private static readonly string[] Booleans = ["true", "false", "1", "0", "yes", "no"];

    private Dictionary<string, string[]>? errors;

    public bool HasErrors => errors is not null;

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        errors ?? [],
        detail: string.Join(" ", (errors ?? []).Values.SelectMany(v => v)),
        title: "One or more request values are invalid.");

    public void Fail(string name, string message)
    {
        errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        errors[name] = errors.TryGetValue(name, out var existing) ? [.. existing, message] : [message];
    }

    // The response language; also sets Content-Language.
    public string Language(HttpContext context, string? lang)
    {
        if (RequestLanguage.TryResolve(context, lang, out var language))
        {
            return language;
        }
        Fail(RequestLanguage.Parameter, RequestLanguage.Error(lang));
        return "en";
    }

    public string? Code(string name, string? value, IReadOnlyList<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var code = Match(value, allowed);
        if (code is null)
        {
            Fail(name, $"'{value}' is not a valid {name}; allowed values: {string.Join(", ", allowed)}.");
        }
        return code;
    }

    // Distinct and sorted, so that the same filter always makes the same cache key.
    public string[] Codes(string name, string[]? values, IReadOnlyList<string> allowed)
    {
        if (values is null || values.Length == 0)
        {
            return [];
        }
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in Split(values))
        {
            if (Code(name, value, allowed) is { } code)
            {
                result.Add(code);
            }
        }
        return [.. result];
    }

    public bool? Boolean(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes": return true;
            case "false" or "0" or "no": return false;
            default:
                Fail(name, $"'{value}' is not a valid {name}; allowed values: {string.Join(", ", Booleans)}.");
                return null;
        }
    }

    public decimal? ChallengeRating(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Content.ChallengeRating.TryParse(value, out var rating))
        {
            return rating;
        }
        Fail(name, $"'{value}' is not a challenge rating; allowed values: {string.Join(", ", Content.ChallengeRating.All)} (or 0.125, 0.25, 0.5).");
        return null;
    }

    public int? Whole(string name, string? value, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        Fail(name, $"'{value}' is not a valid {name}; allowed values: whole numbers from {min} to {max}.");
        return null;
    }

    public int[] Wholes(string name, string[]? values, int min, int max)
    {
        if (values is null || values.Length == 0)
        {
            return [];
        }
        var result = new SortedSet<int>();
        foreach (var value in Split(values))
        {
            if (Whole(name, value, min, max) is { } number)
            {
                result.Add(number);
            }
        }
        return [.. result];
    }

    // Pages are capped rather than refused: asking for 1000 gives the largest page there is.
    public int Limit(string? value, int fallback = DefaultLimit, int max = MaxLimit)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
        {
            return Math.Min(number, max);
        }
        Fail("limit", $"'{value}' is not a valid limit; allowed values: whole numbers from 1 to {max}.");
        return fallback;
    }

    public int Offset(string? value) => Whole("offset", value, 0, int.MaxValue) ?? 0;

    public (string Sort, bool Descending) Sort(string? sort, string? order, IReadOnlyList<string> allowed)
    {
        var field = Code("sort", sort, allowed) ?? allowed[0];
        var direction = Code("order", order, SortOrders) ?? "asc";
        return (field, direction == "desc");
    }

    public static readonly string[] SortOrders = ["asc", "desc"];

    private static string? Match(string value, IReadOnlyList<string> allowed)
    {
        var span = value.AsSpan().Trim();
        foreach (var code in allowed)
        {
            if (span.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }
        return null;
    }

    private static IEnumerable<string> Split(string[] values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
