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
