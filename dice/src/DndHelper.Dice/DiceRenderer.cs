using System.Globalization;
using System.Text;

namespace DndHelper.Dice;

public enum DiceTextFormat
{
    Plain,

    // Telegram's HTML parse mode: <s> for struck dice, <b> for the total, all user text escaped.
    Html,
}

public static class DiceRenderer
{
    public const int TelegramMessageLimit = 4096;

    // "Attack: 1d20 (11) + 5 = 16", dropped dice struck. When that passes maxLength the dice go
    // ("1000d6 = 3512"), then everything but the total.
    public static string Render(DiceRoll roll, DiceTextFormat format = DiceTextFormat.Plain, int maxLength = TelegramMessageLimit)
    {
        ArgumentNullException.ThrowIfNull(roll);
        var html = format == DiceTextFormat.Html;
        var text = new StringBuilder();
        WriteComment(text, roll, html);
        ExpressionWriter.WriteBreakdown(text, roll, html);
        WriteTotal(text, roll, html);
        if (text.Length <= maxLength)
        {
            return text.ToString();
        }

        text.Clear();
        WriteComment(text, roll, html);
        ExpressionWriter.WriteNotation(text, roll.Rolled, html);
        WriteTotal(text, roll, html);
        if (text.Length <= maxLength)
        {
            return text.ToString();
        }

        text.Clear();
        WriteTotal(text, roll, html);
        text.Remove(0, " = ".Length);
        return text.ToString();
    }

    private static void WriteComment(StringBuilder text, DiceRoll roll, bool html)
    {
        if (roll.Comment is null)
        {
            return;
        }

        if (html)
        {
            text.Append("<b>").Append(HtmlEscape(roll.Comment)).Append("</b>: ");
        }
        else
        {
            text.Append(roll.Comment).Append(": ");
        }
    }

    private static void WriteTotal(StringBuilder text, DiceRoll roll, bool html)
    {
        var total = roll.Total.ToString(CultureInfo.InvariantCulture);
        text.Append(" = ");
        if (html)
        {
            text.Append("<b>").Append(total).Append("</b>");
        }
        else
        {
            text.Append(total);
        }

        text.Append(roll.Critical switch
        {
            CriticalHit.Nat20 => " (nat20)",
            CriticalHit.Nat1 => " (nat1)",
            _ => "",
        });
    }

    internal static string HtmlEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);
}

// Canonical text of a tree: DiceRoller.Parse(DiceNotation.Format(e)) equals e.
public static class DiceNotation
{
    public static string Format(ExpressionNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = new StringBuilder();
        ExpressionWriter.WriteNotation(text, node);
        return text.ToString();
    }

    public static string Format(RollExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = new StringBuilder();
        ExpressionWriter.WriteNotation(text, expression.Root);
        if (expression.Comment is { } comment)
        {
            // "#adv" (no space) keeps a comment that is only the word adv from reading as the keyword.
            text.Append(IsAdvantageWord(comment) ? " #" : " # ").Append(comment);
        }

        text.Append(expression.Advantage switch
        {
            AdvantageMode.Advantage => " adv",
            AdvantageMode.Disadvantage => " dis",
            AdvantageMode.ElvenAccuracy => " eadv",
            _ => "",
        });
        return text.ToString();
    }

    private static bool IsAdvantageWord(string comment) =>
        comment.Equals("adv", StringComparison.OrdinalIgnoreCase)
        || comment.Equals("dis", StringComparison.OrdinalIgnoreCase)
        || comment.Equals("eadv", StringComparison.OrdinalIgnoreCase);
}
