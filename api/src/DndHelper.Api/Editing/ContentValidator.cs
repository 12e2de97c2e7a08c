using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using DndHelper.Api.Content;
using DndHelper.Api.I18n;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;

namespace DndHelper.Api.Editing;

// The one validator of content input: the admin write endpoints and the bundle ingest both read
// records through it, so a record that one accepts the other accepts too. The shapes are those of
// docs/bundle-format.md and of ContentJson, which writes them back out.
public static partial class ContentValidator
{
    public const int NameMax = 200;
    public const int ShortTextMax = 1000;
    public const int LongTextMax = 20000;

    private static readonly FrozenSet<string> MonsterFields = FrozenSet.ToFrozenSet(
    [
        "slug", "size", "type", "subtype", "alignment", "armor_class", "hit_points", "hit_dice",
        "walk_speed", "fly_speed", "swim_speed", "climb_speed", "burrow_speed", "hover",
        "strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma",
        "save_str", "save_dex", "save_con", "save_int", "save_wis", "save_cha", "skills",
        "darkvision", "blindsight", "tremorsense", "truesight", "passive_perception",
        "damage_vulnerabilities", "damage_resistances", "damage_immunities", "condition_immunities",
        "challenge_rating", "is_legendary", "translations",
    ]);

    private static readonly string[] MonsterTextNames = ["name", "armor_description", "languages", "traits", "actions", "reactions", "legendary_actions"];
    private static readonly FrozenSet<string> MonsterTextFields = FrozenSet.ToFrozenSet(MonsterTextNames);
    private static readonly FrozenSet<string> EntryFields = FrozenSet.ToFrozenSet(["name", "text", "attack_bonus", "save_dc", "save_ability", "damage"]);
    private static readonly FrozenSet<string> DamageFields = FrozenSet.ToFrozenSet(["dice", "damage_type"]);

    private static readonly FrozenSet<string> SpellFields = FrozenSet.ToFrozenSet(
    [
        "slug", "level", "school", "classes", "verbal", "somatic", "material", "ritual", "concentration",
        "casting_time_kind", "damage_type", "save_ability", "translations",
    ]);

    private static readonly string[] SpellTextNames = ["name", "casting_time", "range", "duration", "material_text", "description", "higher_levels"];
    private static readonly FrozenSet<string> SpellTextFields = FrozenSet.ToFrozenSet(SpellTextNames);

    private static readonly FrozenSet<string> MonsterTranslationFields = FrozenSet.ToFrozenSet(["entity", "slug", "lang", .. MonsterTextNames]);
    private static readonly FrozenSet<string> SpellTranslationFields = FrozenSet.ToFrozenSet(["entity", "slug", "lang", .. SpellTextNames]);
    private static readonly FrozenSet<string> EnumLabelFields = FrozenSet.ToFrozenSet(["family", "code", "lang", "label"]);
    private static readonly FrozenSet<string> UiStringFields = FrozenSet.ToFrozenSet(["namespace", "key", "lang", "text"]);

    public static readonly string[] Entities = ["monster", "spell"];

    private static readonly string[] SpellFlags = ["verbal", "somatic", "material", "ritual", "concentration"];

    public static MonsterDraft? Monster(JsonElement record, FieldReader at)
    {
        var start = at.Count;
        if (!at.IsObject(record, ""))
        {
            return null;
        }
        at.RejectUnknown(record, "", MonsterFields);
        var slug = Slug(record, at);
        var size = at.Code(record, "", "size", Codes.Sizes, required: true);
        var type = at.Code(record, "", "type", Codes.MonsterTypes, required: true);
        var subtype = at.Text(record, "", "subtype", 50);
        if (subtype is not null && !CodeRegex().IsMatch(subtype))
        {
            at.Fail("subtype", $"'{subtype}' is not a code (lowercase letters, digits and '_')");
        }
        var alignment = at.Code(record, "", "alignment", Codes.Alignments, required: true);
        var armorClass = at.Whole(record, "", "armor_class", 0, 50, required: true);
        var hitPoints = at.Whole(record, "", "hit_points", 1, 10000, required: true);
        var hitDice = at.Text(record, "", "hit_dice", 20, required: true);
        if (hitDice is not null && !HitDiceRegex().IsMatch(hitDice))
        {
            at.Fail("hit_dice", $"'{hitDice}' is not a hit dice expression like '2d6' or '4d8+4'");
        }
        var abilities = new int?[6];
        string[] abilityFields = ["strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma"];
        for (var i = 0; i < 6; i++)
        {
            abilities[i] = at.Whole(record, "", abilityFields[i], 1, 30, required: true);
        }
        var skills = new List<SkillBonus>();
        if (record.TryGetProperty("skills", out var skillObject) && skillObject.ValueKind != JsonValueKind.Null)
        {
            if (at.IsObject(skillObject, "skills"))
            {
                foreach (var skill in skillObject.EnumerateObject())
                {
                    if (!Codes.Skills.Contains(skill.Name))
                    {
                        at.Fail($"skills.{skill.Name}", $"is not a skill; allowed: {string.Join(", ", Codes.Skills)}");
                    }
                    else if (at.Whole(skillObject, "skills", skill.Name, -5, 30, required: true) is { } bonus)
                    {
                        skills.Add(new SkillBonus { Skill = skill.Name, Bonus = bonus });
                    }
                }
            }
        }
        var rating = ReadChallengeRating(record, at);
        var texts = Texts(record, at, (text, prefix, lang) => MonsterTextOf(text, prefix, lang, at, MonsterTextFields, nameRequired: true));
        var walk = at.Whole(record, "", "walk_speed", 0, 1000) ?? 30;
        var fly = at.Whole(record, "", "fly_speed", 0, 1000);
        var swim = at.Whole(record, "", "swim_speed", 0, 1000);
        var climb = at.Whole(record, "", "climb_speed", 0, 1000);
        var burrow = at.Whole(record, "", "burrow_speed", 0, 1000);
        var hover = at.Bool(record, "", "hover") ?? false;
        int?[] saves = [.. Codes.Abilities.Select(a => at.Whole(record, "", $"save_{a}", -5, 30))];
        var darkvision = at.Whole(record, "", "darkvision", 0, 10000);
        var blindsight = at.Whole(record, "", "blindsight", 0, 10000);
        var tremorsense = at.Whole(record, "", "tremorsense", 0, 10000);
        var truesight = at.Whole(record, "", "truesight", 0, 10000);
        var passive = at.Whole(record, "", "passive_perception", 0, 50);
        var vulnerabilities = at.CodeList(record, "", "damage_vulnerabilities", Codes.MonsterDamageCodes);
        var resistances = at.CodeList(record, "", "damage_resistances", Codes.MonsterDamageCodes);
        var immunities = at.CodeList(record, "", "damage_immunities", Codes.MonsterDamageCodes);
        var conditions = at.CodeList(record, "", "condition_immunities", Codes.Conditions);
        var legendary = at.Bool(record, "", "is_legendary");
        if (at.Count > start)
        {
            return null;
        }

        var wisdom = abilities[4]!.Value;
        var english = texts.Single(t => t.Lang == "en");
        var monster = new Monster
        {
            Slug = slug!,
            Size = size!,
            Type = type!,
            Subtype = subtype,
            Alignment = alignment!,
            ArmorClass = armorClass!.Value,
            HitPoints = hitPoints!.Value,
            HitDice = hitDice!,
            WalkSpeed = walk,
            FlySpeed = fly,
            SwimSpeed = swim,
            ClimbSpeed = climb,
            BurrowSpeed = burrow,
            Hover = hover,
            Strength = abilities[0]!.Value,
            Dexterity = abilities[1]!.Value,
            Constitution = abilities[2]!.Value,
            Intelligence = abilities[3]!.Value,
            Wisdom = wisdom,
            Charisma = abilities[5]!.Value,
            SaveStr = saves[0],
            SaveDex = saves[1],
            SaveCon = saves[2],
            SaveInt = saves[3],
            SaveWis = saves[4],
            SaveCha = saves[5],
            Skills = skills,
            Darkvision = darkvision,
            Blindsight = blindsight,
            Tremorsense = tremorsense,
            Truesight = truesight,
            // The rules' default: 10 plus the Perception bonus, or plus the Wisdom modifier.
            PassivePerception = passive ?? 10 + (skills.Find(s => s.Skill == "perception")?.Bonus ?? (int)Math.Floor((wisdom - 10) / 2.0)),
            DamageVulnerabilities = vulnerabilities,
            DamageResistances = resistances,
            DamageImmunities = immunities,
            ConditionImmunities = conditions,
            // The column keeps three decimals; the same scale here makes an unchanged record compare equal.
            ChallengeRating = rating!.Value + 0.000m,
            ChallengeRatingText = ChallengeRating.Display(rating.Value),
            Xp = ChallengeRating.Xp(rating.Value),
            ProficiencyBonus = ChallengeRating.ProficiencyBonus(rating.Value),
            IsLegendary = legendary ?? english.LegendaryActions.Value is { Count: > 0 },
        };
        return new MonsterDraft(monster, texts, at.Source);
    }

    public static SpellDraft? Spell(JsonElement record, FieldReader at)
    {
        var start = at.Count;
        if (!at.IsObject(record, ""))
        {
            return null;
        }
        at.RejectUnknown(record, "", SpellFields);
        var slug = Slug(record, at);
        var level = at.Whole(record, "", "level", 0, 9, required: true);
        var school = at.Code(record, "", "school", Codes.Schools, required: true);
        var classes = at.CodeList(record, "", "classes", Codes.Classes);
        var castingTime = at.Code(record, "", "casting_time_kind", Codes.CastingTimes, required: true);
        var damageType = at.Code(record, "", "damage_type", Codes.DamageTypes);
        var save = at.Code(record, "", "save_ability", Codes.Abilities);
        var flags = SpellFlags.Select(f => at.Bool(record, "", f) ?? false).ToArray();
        var texts = Texts(record, at, (text, prefix, lang) => SpellTextOf(text, prefix, lang, at, SpellTextFields, nameRequired: true));
        if (at.Count > start)
        {
            return null;
        }
        var spell = new Spell
        {
            Slug = slug!,
            Level = level!.Value,
            School = school!,
            Classes = classes,
            Verbal = flags[0],
            Somatic = flags[1],
            Material = flags[2],
            Ritual = flags[3],
            Concentration = flags[4],
            CastingTimeKind = castingTime!,
            DamageType = damageType,
            SaveAbility = save,
        };
        return new SpellDraft(spell, texts, at.Source);
    }

    // A record of a translations file: {"entity": "monster", "slug": "goblin", "lang": "ru", "name": ...}.
    public static TranslationDraft? Translation(JsonElement record, FieldReader at)
    {
        var start = at.Count;
        if (!at.IsObject(record, ""))
        {
            return null;
        }
        var entity = at.Code(record, "", "entity", Entities, required: true);
        var slug = Slug(record, at);
        var lang = at.Code(record, "", "lang", Codes.Languages, required: true);
        if (entity is null || lang is null || slug is null)
        {
            return null;
        }
        return Translation(entity, slug, lang, record, at, start);
    }

    // The body of PUT /admin/{monsters|spells}/{slug}/translations/{lang}: the text fields alone.
    public static TranslationDraft? TranslationBody(string entity, string slug, string lang, JsonElement body, FieldReader at)
    {
        var start = at.Count;
        if (!at.IsObject(body, ""))
        {
            return null;
        }
        if (!Codes.Languages.Contains(lang))
        {
            at.Fail("lang", $"has the unknown code '{lang}'; allowed: {string.Join(", ", Codes.Languages)}");
            return null;
        }
        return Translation(entity, slug, lang, body, at, start, routeFields: true);
    }

    private static TranslationDraft? Translation(string entity, string slug, string lang, JsonElement record, FieldReader at, int start, bool routeFields = false)
    {
        TranslationDraft? draft;
        if (entity == "monster")
        {
            var known = routeFields ? MonsterTextFields : MonsterTranslationFields;
            var text = MonsterTextOf(record, "", lang, at, known, nameRequired: false);
            draft = text is null ? null : new TranslationDraft(entity, slug, text, null, at.Source);
        }
        else
        {
            var known = routeFields ? SpellTextFields : SpellTranslationFields;
            var text = SpellTextOf(record, "", lang, at, known, nameRequired: false);
            draft = text is null ? null : new TranslationDraft(entity, slug, null, text, at.Source);
        }
        return at.Count > start ? null : draft;
    }

    public static EnumTranslation? EnumLabel(JsonElement record, FieldReader at, IReadOnlyDictionary<string, IReadOnlySet<string>> families)
    {
        var start = at.Count;
        if (!at.IsObject(record, ""))
        {
            return null;
        }
        at.RejectUnknown(record, "", EnumLabelFields);
        var family = at.Code(record, "", "family", families.Keys.Order(StringComparer.Ordinal).ToList(), required: true);
        var code = family is null ? null : at.Code(record, "", "code", families[family].Order(StringComparer.Ordinal).ToList(), required: true);
        var lang = at.Code(record, "", "lang", Codes.Languages, required: true);
        var label = at.Text(record, "", "label", NameMax, required: true);
        return at.Count > start ? null : new EnumTranslation { Family = family!, Code = code!, Lang = lang!, Label = label! };
    }

    public static UiTranslation? UiString(JsonElement record, FieldReader at)
    {
        var start = at.Count;
        if (!at.IsObject(record, ""))
        {
            return null;
        }
        at.RejectUnknown(record, "", UiStringFields);
        var space = at.Text(record, "", "namespace", 50, required: true);
        if (space is not null && !CodeRegex().IsMatch(space))
        {
            at.Fail("namespace", $"'{space}' is not a namespace (lowercase letters, digits and '_')");
        }
        var key = at.Text(record, "", "key", 100, required: true);
        if (key is not null && !KeyRegex().IsMatch(key))
        {
            at.Fail("key", $"'{key}' is not a key (lowercase letters, digits, '_', '.' and '-')");
        }
        var lang = at.Code(record, "", "lang", Codes.Languages, required: true);
        var text = at.Text(record, "", "text", 4000, required: true);
        return at.Count > start ? null : new UiTranslation { Namespace = space!, Key = key!, Lang = lang!, Text = text! };
    }

    private static string? Slug(JsonElement record, FieldReader at)
    {
        var slug = at.Text(record, "", "slug", 100, required: true);
        if (slug is not null && !SlugRegex().IsMatch(slug))
        {
            at.Fail("slug", $"'{slug}' is not a slug (lowercase letters and digits joined by single '-')");
            return null;
        }
        return slug;
    }

    public static bool IsSlug(string text) => text.Length <= 100 && SlugRegex().IsMatch(text);

    private static decimal? ReadChallengeRating(JsonElement record, FieldReader at)
    {
        if (!record.TryGetProperty("challenge_rating", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            at.Fail("challenge_rating", "is required");
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (ChallengeRating.TryParse(text, out var rating))
        {
            return rating;
        }
        at.Fail("challenge_rating", $"'{text ?? FieldReader.Kind(value)}' is not a challenge rating; expected 0, 1/8, 1/4, 1/2 or 1 to 30");
        return null;
    }

    // "translations": {"en": {...}, "ru": {...}}; English is required, since every record needs a name to show.
    private static List<T> Texts<T>(JsonElement record, FieldReader at, Func<JsonElement, string, string, T?> read) where T : class
    {
        var texts = new List<T>();
        if (!record.TryGetProperty("translations", out var translations) || translations.ValueKind == JsonValueKind.Null)
        {
            at.Fail("translations", "is required (at least \"en\" with a name)");
            return texts;
        }
        if (!at.IsObject(translations, "translations"))
        {
            return texts;
        }
        foreach (var language in translations.EnumerateObject())
        {
            var prefix = $"translations.{language.Name}";
            if (!Codes.Languages.Contains(language.Name))
            {
                at.Fail(prefix, $"is not a language; allowed: {string.Join(", ", Codes.Languages)}");
            }
            else if (at.IsObject(language.Value, prefix) && read(language.Value, prefix, language.Name) is { } text)
            {
                texts.Add(text);
            }
        }
        if (!translations.TryGetProperty("en", out _))
        {
            at.Fail("translations.en", "is required");
        }
        return texts;
    }

    private static MonsterText? MonsterTextOf(JsonElement text, string prefix, string lang, FieldReader at, IReadOnlySet<string> known, bool nameRequired)
    {
        var start = at.Count;
        at.RejectUnknown(text, prefix, known);
        var name = NameOf(text, prefix, at, nameRequired);
        var result = new MonsterText(
            lang,
            name,
            at.OptionalText(text, prefix, "armor_description", ShortTextMax),
            at.OptionalText(text, prefix, "languages", ShortTextMax),
            Entries(text, prefix, "traits", at),
            Entries(text, prefix, "actions", at),
            Entries(text, prefix, "reactions", at),
            Entries(text, prefix, "legendary_actions", at));
        return at.Count > start ? null : result;
    }

    private static SpellText? SpellTextOf(JsonElement text, string prefix, string lang, FieldReader at, IReadOnlySet<string> known, bool nameRequired)
    {
        var start = at.Count;
        at.RejectUnknown(text, prefix, known);
        var result = new SpellText(
            lang,
            NameOf(text, prefix, at, nameRequired),
            at.OptionalText(text, prefix, "casting_time", NameMax),
            at.OptionalText(text, prefix, "range", NameMax),
            at.OptionalText(text, prefix, "duration", NameMax),
            at.OptionalText(text, prefix, "material_text", ShortTextMax),
            at.OptionalText(text, prefix, "description", LongTextMax),
            at.OptionalText(text, prefix, "higher_levels", LongTextMax));
        return at.Count > start ? null : result;
    }

    private static Patch<string> NameOf(JsonElement text, string prefix, FieldReader at, bool required)
    {
        var start = at.Count;
        var name = at.OptionalText(text, prefix, "name", NameMax);
        if (at.Count == start && (required || name.IsSet) && name.Value is null)
        {
            at.Fail(FieldReader.Path(prefix, "name"), name.IsSet ? "must not be empty" : "is required");
        }
        return name.Value is null ? default : new Patch<string>(true, name.Value);
    }

    private static Patch<List<StatEntry>> Entries(JsonElement text, string prefix, string name, FieldReader at)
    {
        if (!text.TryGetProperty(name, out _))
        {
            return default;
        }
        var entries = new List<StatEntry>();
        foreach (var (item, path) in at.Items(text, prefix, name))
        {
            if (!at.IsObject(item, path))
            {
                continue;
            }
            at.RejectUnknown(item, path, EntryFields);
            var entryName = at.Text(item, path, "name", NameMax, required: true);
            var body = at.Text(item, path, "text", LongTextMax, required: true);
            var entry = new StatEntry
            {
                Name = entryName ?? "",
                Text = body ?? "",
                AttackBonus = at.Whole(item, path, "attack_bonus", -10, 50),
                SaveDc = at.Whole(item, path, "save_dc", 1, 40),
                SaveAbility = at.Code(item, path, "save_ability", Codes.Abilities),
            };
            foreach (var (roll, rollPath) in at.Items(item, path, "damage"))
            {
                if (!at.IsObject(roll, rollPath))
                {
                    continue;
                }
                at.RejectUnknown(roll, rollPath, DamageFields);
                var dice = at.Text(roll, rollPath, "dice", 30, required: true);
                if (dice is not null && !DiceRegex().IsMatch(dice))
                {
                    at.Fail($"{rollPath}.dice", $"'{dice}' is not a dice expression like '2d6+3'");
                }
                entry.Damage.Add(new DamageDice { Dice = dice ?? "", DamageType = at.Code(roll, rollPath, "damage_type", Codes.DamageTypes) });
            }
            entries.Add(entry);
        }
        return new Patch<List<StatEntry>>(true, entries);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex CodeRegex();

    [GeneratedRegex("^[a-z0-9_.-]+$")]
    private static partial Regex KeyRegex();

    [GeneratedRegex(@"^\d{1,3}d\d{1,3}([+-]\d{1,3})?$")]
    private static partial Regex HitDiceRegex();

    [GeneratedRegex(@"^(\d{1,3}d\d{1,3}|\d{1,3})([+-](\d{1,3}d\d{1,3}|\d{1,3}))*$")]
    private static partial Regex DiceRegex();
}
