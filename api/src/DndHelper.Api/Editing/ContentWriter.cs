using System.Text.Json.Nodes;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using DndHelper.Api.I18n;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;

namespace DndHelper.Api.Editing;

public enum Change { Created, Updated, Unchanged }

// Applies validated drafts to tracked entities; SaveChanges is the caller's. An entity is touched only
// when the result differs, so an unchanged record writes nothing (not even updated_at) and the same
// bundle applied twice reports "unchanged" the second time.
public sealed class ContentWriter(DndDbContext db, TimeProvider time)
{
    public Change ApplyMonster(Monster? existing, MonsterDraft draft)
    {
        var now = time.GetUtcNow();
        if (existing is null)
        {
            var monster = draft.Monster;
            monster.CreatedAt = now;
            monster.UpdatedAt = now;
            db.Monsters.Add(monster);
            foreach (var text in draft.Texts)
            {
                ApplyMonsterText(monster, text);
            }
            return Change.Created;
        }

        var changed = false;
        if (!JsonNode.DeepEquals(ContentJson.MonsterFacts(existing), ContentJson.MonsterFacts(draft.Monster)))
        {
            var incoming = draft.Monster;
            incoming.Id = existing.Id;
            incoming.CreatedAt = existing.CreatedAt;
            incoming.UpdatedAt = now;
            db.Entry(existing).CurrentValues.SetValues(incoming);
            existing.Skills = incoming.Skills;
            changed = true;
        }
        foreach (var text in draft.Texts)
        {
            changed |= ApplyMonsterText(existing, text) != Change.Unchanged;
        }
        return changed ? Change.Updated : Change.Unchanged;
    }

    // Fields the text sets replace the current ones; the fields it leaves out stay as they are.
    public Change ApplyMonsterText(Monster monster, MonsterText text)
    {
        var current = monster.Translations.Find(t => t.Lang == text.Lang);
        var next = new MonsterTranslation
        {
            MonsterId = monster.Id,
            Lang = text.Lang,
            Name = text.Name.Or(current?.Name!) ?? throw new InvalidOperationException($"a new {text.Lang} translation of {monster.Slug} needs a name"),
            ArmorDescription = text.ArmorDescription.Or(current?.ArmorDescription),
            Languages = text.Languages.Or(current?.Languages),
            Traits = text.Traits.Or(current?.Traits ?? []),
            Actions = text.Actions.Or(current?.Actions ?? []),
            Reactions = text.Reactions.Or(current?.Reactions ?? []),
            LegendaryActions = text.LegendaryActions.Or(current?.LegendaryActions ?? []),
            UpdatedAt = time.GetUtcNow(),
        };
        var flattened = SrdMapper.Flatten(next);
        // Rows without traits or actions hold null or "": both mean "no search text", and neither is a change.
        next.Description = flattened.Length == 0 && string.IsNullOrEmpty(current?.Description) ? current?.Description : flattened;
        if (current is null)
        {
            monster.Translations.Add(next);
            return Change.Created;
        }
        if (JsonNode.DeepEquals(ContentJson.MonsterText(current), ContentJson.MonsterText(next)) && current.Description == next.Description)
        {
            return Change.Unchanged;
        }
        current.Name = next.Name;
        current.ArmorDescription = next.ArmorDescription;
        current.Languages = next.Languages;
        current.Traits = next.Traits;
        current.Actions = next.Actions;
        current.Reactions = next.Reactions;
        current.LegendaryActions = next.LegendaryActions;
        current.Description = next.Description;
        current.UpdatedAt = next.UpdatedAt;
        return Change.Updated;
    }

    public Change ApplySpell(Spell? existing, SpellDraft draft)
    {
        var now = time.GetUtcNow();
        if (existing is null)
        {
            var spell = draft.Spell;
            spell.CreatedAt = now;
            spell.UpdatedAt = now;
            db.Spells.Add(spell);
            foreach (var text in draft.Texts)
            {
                ApplySpellText(spell, text);
            }
            return Change.Created;
        }

        var changed = false;
        if (!JsonNode.DeepEquals(ContentJson.SpellFacts(existing), ContentJson.SpellFacts(draft.Spell)))
        {
            var incoming = draft.Spell;
            incoming.Id = existing.Id;
            incoming.CreatedAt = existing.CreatedAt;
            incoming.UpdatedAt = now;
            db.Entry(existing).CurrentValues.SetValues(incoming);
            changed = true;
        }
        foreach (var text in draft.Texts)
        {
            changed |= ApplySpellText(existing, text) != Change.Unchanged;
        }
        return changed ? Change.Updated : Change.Unchanged;
    }

    public Change ApplySpellText(Spell spell, SpellText text)
    {
        var current = spell.Translations.Find(t => t.Lang == text.Lang);
        var next = new SpellTranslation
        {
            SpellId = spell.Id,
            Lang = text.Lang,
            Name = text.Name.Or(current?.Name!) ?? throw new InvalidOperationException($"a new {text.Lang} translation of {spell.Slug} needs a name"),
            CastingTime = text.CastingTime.Or(current?.CastingTime),
            Range = text.Range.Or(current?.Range),
            Duration = text.Duration.Or(current?.Duration),
            MaterialText = text.MaterialText.Or(current?.MaterialText),
            Description = text.Description.Or(current?.Description),
            HigherLevels = text.HigherLevels.Or(current?.HigherLevels),
            UpdatedAt = time.GetUtcNow(),
        };
        if (current is null)
        {
            spell.Translations.Add(next);
            return Change.Created;
        }
        if (JsonNode.DeepEquals(ContentJson.SpellText(current), ContentJson.SpellText(next)))
        {
            return Change.Unchanged;
        }
        next.SpellId = current.SpellId;
        db.Entry(current).CurrentValues.SetValues(next);
        return Change.Updated;
    }

    public Change ApplyEnumLabel(EnumTranslation? existing, EnumTranslation incoming)
    {
        if (existing is null)
        {
            db.EnumTranslations.Add(incoming);
            return Change.Created;
        }
        if (existing.Label == incoming.Label)
        {
            return Change.Unchanged;
        }
        existing.Label = incoming.Label;
        return Change.Updated;
    }

    public Change ApplyUiString(UiTranslation? existing, UiTranslation incoming)
    {
        if (existing is null)
        {
            db.UiTranslations.Add(incoming);
            return Change.Created;
        }
        if (existing.Text == incoming.Text)
        {
            return Change.Unchanged;
        }
        existing.Text = incoming.Text;
        return Change.Updated;
    }
}
