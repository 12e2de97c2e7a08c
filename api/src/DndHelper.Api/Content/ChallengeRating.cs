using System.Globalization;

namespace DndHelper.Api.Content;

// Challenge ratings below 1 are fractions; stored as an exact decimal they sort and compare correctly.
public static class ChallengeRating
{
    private static readonly int[] XpByRating =
    [
        10, 200, 450, 700, 1100, 1800, 2300, 2900, 3900, 5000, 5900, 7200, 8400, 10000, 11500, 13000,
        15000, 18000, 20000, 22000, 25000, 33000, 41000, 50000, 62000, 75000, 90000, 105000, 120000,
        135000, 155000,
    ];

    public static readonly string[] All =
        ["0", "1/8", "1/4", "1/2", .. Enumerable.Range(1, 30).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static string Display(decimal value) => value switch
    {
        0.125m => "1/8",
        0.25m => "1/4",
        0.5m => "1/2",
        _ => decimal.Truncate(value).ToString(CultureInfo.InvariantCulture),
    };

    // Accepts "1/4", "0.25", ".25" and "2"; only the ratings the rules define.
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (!int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var numerator)
                || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var denominator)
                || denominator == 0)
            {
                return false;
            }
            value = (decimal)numerator / denominator;
        }
        else if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }
        return value is 0m or 0.125m or 0.25m or 0.5m || (value >= 1 && value <= 30 && value == decimal.Truncate(value));
    }

    // The column keeps three decimals; without this, 17 would go out as 17.000.
    public static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;

    public static int Xp(decimal value) => value switch
    {
        0.125m => 25,
        0.25m => 50,
        0.5m => 100,
        _ => XpByRating[(int)value],
    };

    public static int ProficiencyBonus(decimal value) => value < 5 ? 2 : 2 + (int)((value - 1) / 4);
}
