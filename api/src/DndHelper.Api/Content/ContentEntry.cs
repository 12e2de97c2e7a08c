using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Content;

// What monsters and spells have in common for an upsert by slug: the row, its translation rows,
// and the owned JSON lists that EF's SetValues does not copy. ContentEndpoints reads them by id or slug.
public interface IContentEntry<TSelf, TText>
    where TSelf : IContentEntry<TSelf, TText>
    where TText : IContentText<TText>
{
    int Id { get; set; }
    string Slug { get; }
    DateTimeOffset CreatedAt { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    List<TText> Translations { get; }
    void CopyOwnedFrom(TSelf other);
}

public interface IContentText<TSelf>
    where TSelf : IContentText<TSelf>
{
    int EntryId { get; set; }
    string Lang { get; }
    string Name { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
    void CopyOwnedFrom(TSelf other);
    static abstract TSelf Create(string lang, string name);
}

public static class ContentEntryUpdates
{
    // Puts an incoming version of an entry over the tracked one, keeping its identity and creation time.
    public static void ReplaceEntry<TEntry, TText>(this DbContext db, TEntry existing, TEntry incoming, DateTimeOffset now)
        where TEntry : class, IContentEntry<TEntry, TText>
        where TText : IContentText<TText>
    {
        incoming.Id = existing.Id;
        incoming.CreatedAt = existing.CreatedAt;
        incoming.UpdatedAt = now;
        db.Entry(existing).CurrentValues.SetValues(incoming);
        existing.CopyOwnedFrom(incoming);
    }

    // SetValues copies the columns but not the owned JSON lists (a monster's traits and actions).
    public static void ReplaceText<TText>(this DbContext db, TText current, TText next)
        where TText : class, IContentText<TText>
    {
        db.Entry(current).CurrentValues.SetValues(next);
        current.CopyOwnedFrom(next);
    }
}
