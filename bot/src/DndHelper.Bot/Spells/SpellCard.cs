using System.Globalization;
using System.Text;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Texts;
using DndHelper.Contracts.Content;

namespace DndHelper.Bot.Spells;

// The whole spell in Telegram HTML, and the dice in it that get a roll button.
public static class SpellCard
{
    public static (string Html, IReadOnlyList<CardRoll> Rolls) Render(SpellDetail s, BotTexts texts, string lang)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(texts);
        string T(string key) => texts.Get(lang, key);
        var culture = CultureInfo.GetCultureInfo(lang);
        var text = new StringBuilder();
        text.Append("<b>").Append(Html.Escape(s.Name)).Append("</b>\n<i>")
            .Append(Html.Escape(Subtitle(s, texts, lang)));
        var marks = new List<string>();
        if (s.Concentration)
        {
            marks.Add(T("spell.concentration"));
        }
        if (s.Ritual)
        {
            marks.Add(T("spell.ritual"));
        }
        if (marks.Count > 0)
        {
            text.Append(" (").Append(Html.Escape(string.Join(", ", marks))).Append(')');
        }
        text.Append("</i>\n\n");

        Line(text, T("spell.casting_time"), s.CastingTimeText ?? texts.Label(lang, "casting_time", s.CastingTime));
        Line(text, T("spell.range"), s.Range);
        var letters = T("spell.components_short").Split(',');
        var components = new List<string>();
        if (s.Components.Contains("v"))
        {
            components.Add(letters[0]);
        }
        if (s.Components.Contains("s"))
        {
            components.Add(letters[1]);
        }
        if (s.Components.Contains("m"))
        {
            components.Add(letters[2] + (string.IsNullOrWhiteSpace(s.Material) ? "" : " (" + s.Material.Trim() + ")"));
        }
        Line(text, T("spell.components"), string.Join(", ", components));
        Line(text, T("spell.duration"), (s.Concentration ? Capitalize(T("spell.concentration"), culture) + ", " : "") + s.Duration);
        if (s.Classes is { Count: > 0 })
        {
            Line(text, T("spell.classes"), string.Join(", ", s.Classes.Select(c => texts.Label(lang, "class", c))));
        }
        if (!string.IsNullOrWhiteSpace(s.Description))
        {
            text.Append('\n').Append(Html.Escape(s.Description.Trim())).Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(s.HigherLevels))
        {
            text.Append("\n<b><i>").Append(Html.Escape(T("spell.higher_levels"))).Append(".</i></b> ").Append(Html.Escape(s.HigherLevels.Trim())).Append('\n');
        }
        var rolls = CardDice.Find(s.Description).Concat(CardDice.Find(s.HigherLevels))
            .Distinct(StringComparer.Ordinal)
            .Take(CardDice.MaxButtons)
            .Select(e => new CardRoll(e, e))
            .ToList();
        return (text.ToString().TrimEnd('\n'), rolls);
    }

    public static string Subtitle(SpellDetail s, BotTexts texts, string lang)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(texts);
        return Subtitle(s.Level, s.School, texts, lang);
    }

    public static string Subtitle(int level, string school, BotTexts texts, string lang)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Format(lang, "spell.level_school",
            texts.Label(lang, "spell_level", level.ToString(CultureInfo.InvariantCulture)),
            texts.Label(lang, "school", school).ToLower(CultureInfo.GetCultureInfo(lang)));
    }

    private static string Capitalize(string text, CultureInfo culture) =>
        text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append("<b>").Append(Html.Escape(label)).Append("</b> ").Append(Html.Escape(value)).Append('\n');
        }
    }
}
