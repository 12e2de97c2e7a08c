using System.Text.Json.Nodes;
using DndHelper.Api.Content;
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
    public Change ApplyMonster(Monster? existing, MonsterDraft draft) =>
        Apply<Monster, MonsterTranslation, MonsterText>(existing, draft.Monster, draft.Texts, ContentJson.MonsterFacts, ApplyMonsterText);

    // Fields the text sets replace the current ones; the fields it leaves out stay as they are.
    public Change ApplyMonsterText(Monster monster, MonsterText text)
    {
        var current = monster.Translations.Find(t => t.Lang == text.Lang);
        var next = new MonsterTranslation
        {
            Lang = text.Lang,
            Name = text.Name.Or(current?.Name!) ?? throw Nameless(text.Lang, monster.Slug),
            ArmorDescription = text.ArmorDescription.Or(current?.ArmorDescription),
            Languages = text.Languages.Or(current?.Languages),
            Traits = text.Traits.Or(current?.Traits ?? []),
            Actions = text.Actions.Or(current?.Actions ?? []),
            Reactions = text.Reactions.Or(current?.Reactions ?? []),
            LegendaryActions = text.LegendaryActions.Or(current?.LegendaryActions ?? []),
        };
        var flattened = SrdMapper.Flatten(next);
        // Rows without traits or actions hold null or "": both mean "no search text", and neither is a change.
        next.Description = flattened.Length == 0 && string.IsNullOrEmpty(current?.Description) ? current?.Description : flattened;
        // The search text is not in the record's JSON, so a stale one is a change of its own.
        return Merge(monster, current, next,
            (a, b) => JsonNode.DeepEquals(ContentJson.MonsterText(a), ContentJson.MonsterText(b)) && a.Description == b.Description);
    }

    public Change ApplySpell(Spell? existing, SpellDraft draft) =>
        Apply<Spell, SpellTranslation, SpellText>(existing, draft.Spell, draft.Texts, ContentJson.SpellFacts, ApplySpellText);

    public Change ApplySpellText(Spell spell, SpellText text)
    {
        var current = spell.Translations.Find(t => t.Lang == text.Lang);
        var next = new SpellTranslation
        {
            Lang = text.Lang,
            Name = text.Name.Or(current?.Name!) ?? throw Nameless(text.Lang, spell.Slug),
            CastingTime = text.CastingTime.Or(current?.CastingTime),
            Range = text.Range.Or(current?.Range),
            Duration = text.Duration.Or(current?.Duration),
            MaterialText = text.MaterialText.Or(current?.MaterialText),
            Description = text.Description.Or(current?.Description),
            HigherLevels = text.HigherLevels.Or(current?.HigherLevels),
        };
        return Merge(spell, current, next, (a, b) => JsonNode.DeepEquals(ContentJson.SpellText(a), ContentJson.SpellText(b)));
    }

    // The entry's facts are replaced as a whole when their JSON differs; its texts are merged one by one.
    private Change Apply<TEntry, TText, TPatch>(TEntry? existing, TEntry incoming, IReadOnlyList<TPatch> texts,
        Func<TEntry, JsonObject> facts, Func<TEntry, TPatch, Change> applyText)
        where TEntry : class, IContentEntry<TEntry, TText>
        where TText : IContentText<TText>
    {
        var now = time.GetUtcNow();
        if (existing is null)
        {
            incoming.CreatedAt = now;
            incoming.UpdatedAt = now;
            db.Add(incoming);
            foreach (var text in texts)
            {
                applyText(incoming, text);
            }
            return Change.Created;
        }

        var changed = false;
        if (!JsonNode.DeepEquals(facts(existing), facts(incoming)))
        {
            db.ReplaceEntry<TEntry, TText>(existing, incoming, now);
            changed = true;
        }
        foreach (var text in texts)
        {
            changed |= applyText(existing, text) != Change.Unchanged;
        }
        return changed ? Change.Updated : Change.Unchanged;
    }

    // Puts the merged translation in place of the current one, or adds it when the language is new.
    private Change Merge<TEntry, TText>(TEntry entry, TText? current, TText next, Func<TText, TText, bool> same)
        where TEntry : IContentEntry<TEntry, TText>
        where TText : class, IContentText<TText>
    {
        next.EntryId = current?.EntryId ?? entry.Id;
        next.UpdatedAt = time.GetUtcNow();
        if (current is null)
        {
            entry.Translations.Add(next);
            return Change.Created;
        }
        if (same(current, next))
        {
            return Change.Unchanged;
        }
        db.ReplaceText(current, next);
        return Change.Updated;
    }

    private static InvalidOperationException Nameless(string lang, string slug) => new($"a new {lang} translation of {slug} needs a name");

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
