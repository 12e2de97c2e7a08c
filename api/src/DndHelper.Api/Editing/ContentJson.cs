using System.Text.Json.Nodes;
using DndHelper.Api.Content;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;

namespace DndHelper.Api.Editing;

// Writes entities in the record shape that ContentValidator reads, so that what GET /admin/monsters/{slug}
// answers can be edited and sent back. The same JSON serves to tell "unchanged" from "updated" and
// to summarise a change in the audit log. Nulls and empty lists are left out.
public static class ContentJson
{
    public static JsonObject Monster(Monster m) => WithTranslations(MonsterFacts(m), m.Translations, MonsterText);

    public static JsonObject MonsterFacts(Monster m)
    {
        var json = new JsonObject
        {
            ["slug"] = m.Slug,
            ["size"] = m.Size,
            ["type"] = m.Type,
        };
        Add(json, "subtype", m.Subtype);
        json["alignment"] = m.Alignment;
        json["armor_class"] = m.ArmorClass;
        json["hit_points"] = m.HitPoints;
        json["hit_dice"] = m.HitDice;
        json["walk_speed"] = m.WalkSpeed;
        Add(json, "fly_speed", m.FlySpeed);
        Add(json, "swim_speed", m.SwimSpeed);
        Add(json, "climb_speed", m.ClimbSpeed);
        Add(json, "burrow_speed", m.BurrowSpeed);
        if (m.Hover)
        {
            json["hover"] = true;
        }
        json["strength"] = m.Strength;
        json["dexterity"] = m.Dexterity;
        json["constitution"] = m.Constitution;
        json["intelligence"] = m.Intelligence;
        json["wisdom"] = m.Wisdom;
        json["charisma"] = m.Charisma;
        Add(json, "save_str", m.SaveStr);
        Add(json, "save_dex", m.SaveDex);
        Add(json, "save_con", m.SaveCon);
        Add(json, "save_int", m.SaveInt);
        Add(json, "save_wis", m.SaveWis);
        Add(json, "save_cha", m.SaveCha);
        if (m.Skills.Count > 0)
        {
            var skills = new JsonObject();
            foreach (var skill in m.Skills)
            {
                skills[skill.Skill] = skill.Bonus;
            }
            json["skills"] = skills;
        }
        Add(json, "darkvision", m.Darkvision);
        Add(json, "blindsight", m.Blindsight);
        Add(json, "tremorsense", m.Tremorsense);
        Add(json, "truesight", m.Truesight);
        json["passive_perception"] = m.PassivePerception;
        AddList(json, "damage_vulnerabilities", m.DamageVulnerabilities);
        AddList(json, "damage_resistances", m.DamageResistances);
        AddList(json, "damage_immunities", m.DamageImmunities);
        AddList(json, "condition_immunities", m.ConditionImmunities);
        json["challenge_rating"] = ChallengeRating.Display(m.ChallengeRating);
        json["is_legendary"] = m.IsLegendary;
        return json;
    }

    public static JsonObject MonsterText(MonsterTranslation t)
    {
        var json = new JsonObject { ["name"] = t.Name };
        Add(json, "armor_description", t.ArmorDescription);
        Add(json, "languages", t.Languages);
        AddEntries(json, "traits", t.Traits);
        AddEntries(json, "actions", t.Actions);
        AddEntries(json, "reactions", t.Reactions);
        AddEntries(json, "legendary_actions", t.LegendaryActions);
        return json;
    }

    public static JsonObject Spell(Spell s) => WithTranslations(SpellFacts(s), s.Translations, SpellText);

    public static JsonObject SpellFacts(Spell s)
    {
        var json = new JsonObject
        {
            ["slug"] = s.Slug,
            ["level"] = s.Level,
            ["school"] = s.School,
        };
        AddList(json, "classes", s.Classes);
        json["verbal"] = s.Verbal;
        json["somatic"] = s.Somatic;
        json["material"] = s.Material;
        json["ritual"] = s.Ritual;
        json["concentration"] = s.Concentration;
        json["casting_time_kind"] = s.CastingTimeKind;
        Add(json, "damage_type", s.DamageType);
        Add(json, "save_ability", s.SaveAbility);
        return json;
    }

    public static JsonObject SpellText(SpellTranslation t)
    {
        var json = new JsonObject { ["name"] = t.Name };
        Add(json, "casting_time", t.CastingTime);
        Add(json, "range", t.Range);
        Add(json, "duration", t.Duration);
        Add(json, "material_text", t.MaterialText);
        Add(json, "description", t.Description);
        Add(json, "higher_levels", t.HigherLevels);
        return json;
    }

    private static JsonObject WithTranslations<T>(JsonObject facts, IEnumerable<T> translations, Func<T, JsonObject> write)
        where T : IContentText<T>
    {
        var json = new JsonObject();
        foreach (var translation in translations.OrderBy(t => Array.IndexOf(Codes.Languages, t.Lang)))
        {
            json[translation.Lang] = write(translation);
        }
        facts["translations"] = json;
        return facts;
    }

    private static void AddEntries(JsonObject json, string name, List<StatEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var list = new JsonArray();
        foreach (var entry in entries)
        {
            var item = new JsonObject { ["name"] = entry.Name, ["text"] = entry.Text };
            Add(item, "attack_bonus", entry.AttackBonus);
            Add(item, "save_dc", entry.SaveDc);
            Add(item, "save_ability", entry.SaveAbility);
            if (entry.Damage.Count > 0)
            {
                var damage = new JsonArray();
                foreach (var roll in entry.Damage)
                {
                    var dice = new JsonObject { ["dice"] = roll.Dice };
                    Add(dice, "damage_type", roll.DamageType);
                    damage.Add(dice);
                }
                item["damage"] = damage;
            }
            list.Add(item);
        }
        json[name] = list;
    }

    // One overload serves strings and numbers: JsonNode's implicit conversions turn a null string or int? into null.
    private static void Add(JsonObject json, string name, JsonNode? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void AddList(JsonObject json, string name, List<string> values)
    {
        if (values.Count > 0)
        {
            json[name] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }
    }
}
