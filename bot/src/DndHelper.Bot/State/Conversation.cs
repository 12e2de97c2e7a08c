using DndHelper.Bot.Monsters;
using DndHelper.Bot.Spells;

namespace DndHelper.Bot.State;

// Where a user is: the lists they browse (page and filters), the filter drafts they are editing
// and their last search. One per user and chat, in Redis, so restarts and replicas keep it.
public sealed record Conversation
{
    public MonsterFilter MonsterFilter { get; init; } = new();
    public MonsterFilter? MonsterDraft { get; init; }
    public int MonsterPage { get; init; }
    public SpellFilter SpellFilter { get; init; } = new();
    public SpellFilter? SpellDraft { get; init; }
    public int SpellPage { get; init; }
    public string? SearchQuery { get; init; }
}
