using DndHelper.Bot.Library;
using DndHelper.Contracts.Content;
using DndHelper.Bot.Monsters;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.Spells;
using DndHelper.Bot.State;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Search;

// Free text: searches monsters and spells in both languages at once. One confident hit opens its
// card; otherwise the ranked hits (exact, prefix, fuzzy, as the API ranks them) become a pick list.
public sealed class SearchCommands(UpdateContext ctx, LibraryClient library, ConversationStore store, MonsterCommands monsters, SpellCommands spells)
{
    public const int PickListSize = 10;
    public const int MaxQueryLength = 100;

    public Task PromptAsync(CancellationToken ct) =>
        ctx.ShowAsync(ctx.T("search.prompt"), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);

    public async Task SearchAsync(string text, CancellationToken ct)
    {
        var query = text.Trim();
        if (query.Length > MaxQueryLength)
        {
            query = query[..MaxQueryLength];
        }
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SearchQuery = query });

        var hits = await library.SearchAsync(query, null, PickListSize, ctx.Lang, ct);
        if (hits.Count == 0)
        {
            await ctx.SendAsync(ctx.F("search.none", Html.Escape(query)), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
            return;
        }
        if (IsConfident(hits))
        {
            await OpenAsync(hits[0], ct);
            return;
        }
        var rows = hits
            .Select(h => (IEnumerable<InlineKeyboardButton>)[Keyboards.Button(
                ctx.T(IsSpell(h.Kind) ? "search.spell" : "search.monster") + " " + h.Name, CallbackData.CardOf(KindCode(h.Kind), h.Slug, h.Id))])
            .Append([Keyboards.MenuButton(ctx)]);
        await ctx.SendAsync(ctx.F("search.results", Html.Escape(query)), Keyboards.Of(rows), ct);
    }

    // One hit, or an exact name match that nothing else shares.
    public static bool IsConfident(IReadOnlyList<SearchHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 1)
        {
            return true;
        }
        return hits.Count > 0 && IsExact(hits[0]) && !IsExact(hits[1]);
    }

    private static bool IsExact(SearchHit hit) => string.Equals(hit.Match, "exact", StringComparison.OrdinalIgnoreCase);

    public static bool IsSpell(string kind) => kind.StartsWith('s');

    public static string KindCode(string kind) => IsSpell(kind) ? CallbackData.Spells : CallbackData.Monsters;

    private Task OpenAsync(SearchHit hit, CancellationToken ct) =>
        IsSpell(hit.Kind) ? spells.Browser.CardAsync(hit.Slug, ct) : monsters.Browser.CardAsync(hit.Slug, ct);
}
