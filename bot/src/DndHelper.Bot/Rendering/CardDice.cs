using System.Text.RegularExpressions;

namespace DndHelper.Bot.Rendering;

// A die expression found in a card, with the button label that rolls it.
public sealed record CardRoll(string Label, string Expression);

public static partial class CardDice
{
    public const int MaxButtons = 12;

    // "2d6 + 4", "1d10", "8d6": the dice of damage and healing lines as printed.
    [GeneratedRegex(@"\b(\d{1,3})d(\d{1,3})(?:\s*([+−-])\s*(\d{1,3}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex DicePattern();

    public static IEnumerable<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        foreach (Match match in DicePattern().Matches(text))
        {
            var expression = match.Groups[1].Value + "d" + match.Groups[2].Value;
            if (match.Groups[4].Success)
            {
                expression += (match.Groups[3].Value == "+" ? "+" : "-") + match.Groups[4].Value;
            }
            yield return expression;
        }
    }

    public static string WithSign(int value) => value >= 0 ? "+" + value.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
