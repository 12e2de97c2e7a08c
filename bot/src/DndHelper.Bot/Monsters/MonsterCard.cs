using System.Globalization;
using System.Text;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Texts;
using DndHelper.Contracts.Content;

namespace DndHelper.Bot.Monsters;

// The full stat block in Telegram HTML, and the dice in it that get a roll button.
public static class MonsterCard
{
    private static readonly string[] AbilityCodes = ["str", "dex", "con", "int", "wis", "cha"];

    public static (string Html, IReadOnlyList<CardRoll> Rolls) Render(MonsterDetail m, BotTexts texts, string lang)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(texts);
        string T(string key) => texts.Get(lang, key);
        // The API names every code's label in the response; the bot's table covers the rest.
        string L(string family, string code) =>
            m.Labels is not null && m.Labels.TryGetValue(family, out var labels) && labels.TryGetValue(code, out var label) ? label : texts.Label(lang, family, code);
        string Feet(int value) => texts.Format(lang, "card.feet", value);
        var rolls = new List<CardRoll>();
        var text = new StringBuilder();

        text.Append("<b>").Append(Html.Escape(m.Name)).Append("</b>\n<i>")
            .Append(Html.Escape(L("size", m.Size))).Append(' ').Append(Html.Escape(L("monster_type", m.Type).ToLower(CultureInfo.GetCultureInfo(lang))));
        if (!string.IsNullOrEmpty(m.Subtype))
        {
            text.Append(" (").Append(Html.Escape(L("subtype", m.Subtype).ToLower(CultureInfo.GetCultureInfo(lang)))).Append(')');
        }
        text.Append(", ").Append(Html.Escape(L("alignment", m.Alignment).ToLower(CultureInfo.GetCultureInfo(lang)))).Append("</i>\n\n");

        Line(text, T("card.armor_class"), m.ArmorClass.ToString(CultureInfo.InvariantCulture)
            + (string.IsNullOrEmpty(m.ArmorDescription) ? "" : " (" + m.ArmorDescription + ")"));
        Line(text, T("card.hit_points"), $"{m.HitPoints} ({m.HitDice})");
        rolls.Add(new CardRoll(T("card.hit_points") + " " + m.HitDice.Replace(" ", "", StringComparison.Ordinal), m.HitDice.Replace(" ", "", StringComparison.Ordinal)));

        var speeds = new List<string> { Feet(m.Speed.Walk) };
        void Speed(string code, int? value)
        {
            if (value is > 0)
            {
                speeds.Add(L("speed", code).ToLower(CultureInfo.GetCultureInfo(lang)) + " " + Feet(value.Value)
                    + (code == "fly" && m.Speed.Hover ? " (" + L("speed", "hover").ToLower(CultureInfo.GetCultureInfo(lang)) + ")" : ""));
            }
        }
        Speed("burrow", m.Speed.Burrow);
        Speed("climb", m.Speed.Climb);
        Speed("fly", m.Speed.Fly);
        Speed("swim", m.Speed.Swim);
        Line(text, T("card.speed"), string.Join(", ", speeds));
        text.Append('\n');

        AbilityScore[] scores = [m.Abilities.Strength, m.Abilities.Dexterity, m.Abilities.Constitution, m.Abilities.Intelligence, m.Abilities.Wisdom, m.Abilities.Charisma];
        for (var i = 0; i < 6; i++)
        {
            text.Append("<b>").Append(Html.Escape(L("ability_short", AbilityCodes[i]))).Append("</b> ")
                .Append(scores[i].Score.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(CardDice.WithSign(scores[i].Modifier)).Append(')')
                .Append(i % 3 == 2 ? "\n" : " · ");
        }
        text.Append('\n');

        if (m.Saves is { Count: > 0 })
        {
            Line(text, T("card.saves"), string.Join(", ", m.Saves.Select(s => L("ability_short", s.Ability) + " " + CardDice.WithSign(s.Bonus))));
        }
        if (m.Skills is { Count: > 0 })
        {
            Line(text, T("card.skills"), string.Join(", ", m.Skills.Select(s => L("skill", s.Skill) + " " + CardDice.WithSign(s.Bonus))));
        }
        string Damage(IReadOnlyList<string>? codes) => string.Join("; ", (codes ?? []).Select(c => L("damage_type", c).ToLower(CultureInfo.GetCultureInfo(lang))));
        if (m.DamageVulnerabilities is { Count: > 0 })
        {
            Line(text, T("card.vulnerabilities"), Damage(m.DamageVulnerabilities));
        }
        if (m.DamageResistances is { Count: > 0 })
        {
            Line(text, T("card.resistances"), Damage(m.DamageResistances));
        }
        if (m.DamageImmunities is { Count: > 0 })
        {
            Line(text, T("card.immunities"), Damage(m.DamageImmunities));
        }
        if (m.ConditionImmunities is { Count: > 0 })
        {
            Line(text, T("card.condition_immunities"), string.Join(", ", m.ConditionImmunities.Select(c => L("condition", c).ToLower(CultureInfo.GetCultureInfo(lang)))));
        }

        var senses = new List<string>();
        void Sense(string code, int? value)
        {
            if (value is > 0)
            {
                senses.Add(L("sense", code).ToLower(CultureInfo.GetCultureInfo(lang)) + " " + Feet(value.Value));
            }
        }
        Sense("blindsight", m.Senses.Blindsight);
        Sense("darkvision", m.Senses.Darkvision);
        Sense("tremorsense", m.Senses.Tremorsense);
        Sense("truesight", m.Senses.Truesight);
        senses.Add(L("sense", "passive_perception") + " " + m.Senses.PassivePerception.ToString(CultureInfo.InvariantCulture));
        Line(text, T("card.senses"), string.Join(", ", senses));
        Line(text, T("card.languages"), string.IsNullOrWhiteSpace(m.Languages) ? "—" : m.Languages);
        text.Append("<b>").Append(Html.Escape(T("card.challenge"))).Append("</b> ").Append(Html.Escape(m.CrDisplay))
            .Append(" (").Append(Html.Escape(texts.Format(lang, "card.xp", m.Xp.ToString("N0", CultureInfo.InvariantCulture)))).Append(") · <b>")
            .Append(Html.Escape(T("card.proficiency"))).Append("</b> ").Append(CardDice.WithSign(m.ProficiencyBonus)).Append('\n');

        Entries(text, null, m.Traits, rolls);
        Entries(text, T("card.actions"), m.Actions, rolls);
        Entries(text, T("card.reactions"), m.Reactions, rolls);
        Entries(text, T("card.legendary_actions"), m.LegendaryActions, rolls);
        return (text.ToString().TrimEnd('\n'), rolls.DistinctBy(r => r.Expression).Take(CardDice.MaxButtons).ToList());
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append("<b>").Append(Html.Escape(label)).Append("</b> ").Append(Html.Escape(value)).Append('\n');

    private static void Entries(StringBuilder text, string? heading, IReadOnlyList<StatBlockEntry>? entries, List<CardRoll> rolls)
    {
        if (entries is not { Count: > 0 })
        {
            return;
        }
        text.Append('\n');
        if (heading is not null)
        {
            text.Append("<b><u>").Append(Html.Escape(heading)).Append("</u></b>\n");
        }
        foreach (var entry in entries)
        {
            text.Append("<b><i>").Append(Html.Escape(entry.Name.TrimEnd('.'))).Append(".</i></b> ").Append(Html.Escape(entry.Text)).Append('\n');
            var name = entry.Name.Length > 20 ? entry.Name[..20] + "…" : entry.Name;
            if (entry.AttackBonus is { } bonus)
            {
                rolls.Add(new CardRoll(name + " " + CardDice.WithSign(bonus), "1d20" + CardDice.WithSign(bonus)));
            }
            var dice = entry.Damage is { Count: > 0 } ? entry.Damage.Select(d => d.Dice.Replace(" ", "", StringComparison.Ordinal)) : CardDice.Find(entry.Text);
            foreach (var expression in dice)
            {
                rolls.Add(new CardRoll(name + " " + expression, expression));
            }
        }
    }
}
