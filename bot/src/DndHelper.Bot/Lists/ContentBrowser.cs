using System.Text;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.State;
using DndHelper.Bot.Texts;
using DndHelper.Contracts.Content;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Lists;

// One kind's slice of the conversation: the filter in force, the draft on the filter screen, the page.
public sealed record ListState<TFilter>(TFilter Filter, TFilter? Draft, int Page);

// What the bestiary and the spells differ in: their callback kind, texts, filters, where their
// state sits in the conversation, their API calls, list buttons and cards.
public sealed record ContentKind<TFilter, TSummary, TDetail>
{
    public required string Code { get; init; }
    public required string TitleKey { get; init; }
    public required string ListKey { get; init; }
    public required string FiltersTitleKey { get; init; }
    public required IReadOnlyList<FilterField<TFilter>> Fields { get; init; }
    public required Func<Conversation, ListState<TFilter>> Read { get; init; }
    public required Func<Conversation, ListState<TFilter>, Conversation> Write { get; init; }
    public required Func<TFilter, int, int, string, CancellationToken, Task<Page<TSummary>>> List { get; init; }
    public required Func<TFilter, string, CancellationToken, Task<TDetail?>> Random { get; init; }
    public required Func<string, string, CancellationToken, Task<TDetail?>> Get { get; init; }
    public required Func<TSummary, InlineKeyboardButton> ItemButton { get; init; }
    public required Func<TDetail, BotTexts, string, (string Html, IReadOnlyList<CardRoll> Rolls)> Render { get; init; }
}

// The screens every kind of content has: its section, the paged and filtered list, random
// entries, cards and the filter screen. The XxxCommands classes hand in their ContentKind.
public sealed class ContentBrowser<TFilter, TSummary, TDetail>(
    UpdateContext ctx,
    ConversationStore store,
    int pageSize,
    ContentKind<TFilter, TSummary, TDetail> kind)
    where TFilter : class, new()
    where TDetail : class
{
    public async Task SectionAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var filter = kind.Read(conversation).Filter;
        var page = await kind.List(filter, 0, 1, ctx.Lang, ct);
        var keyboard = Keyboards.Of(
            [Keyboards.Button(ctx.T("section.list"), CallbackData.Encode(CallbackData.ListPage, kind.Code, "0")),
             Keyboards.Button(ctx.T("section.random"), CallbackData.Encode(CallbackData.Random, kind.Code))],
            [Keyboards.Button(ctx.T("section.search"), CallbackData.Encode(CallbackData.SearchPrompt)),
             Keyboards.Button(ctx.T("section.filters"), CallbackData.Encode(CallbackData.Filters, kind.Code))],
            [Keyboards.MenuButton(ctx)]);
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation);
        await ctx.ShowAsync(ctx.F(kind.TitleKey, page.Total, FilterScreen.Summary(ctx, kind.Fields, filter)), keyboard, ct);
    }

    // Page numbers start at 0. A page button whose conversation has expired cannot know its filters.
    public async Task<bool> ListAsync(int page, bool fromButton, CancellationToken ct)
    {
        var conversation = await store.FindAsync(ctx.ChatId, ctx.UserId);
        if (conversation is null && fromButton && page > 0)
        {
            return false;
        }
        conversation ??= new Conversation();
        var state = kind.Read(conversation);
        page = Math.Max(page, 0);
        var result = await kind.List(state.Filter, page * pageSize, pageSize, ctx.Lang, ct);
        var pages = (result.Total + pageSize - 1) / pageSize;
        if (page > 0 && page >= pages)
        {
            page = Math.Max(pages - 1, 0);
            result = await kind.List(state.Filter, page * pageSize, pageSize, ctx.Lang, ct);
        }
        await store.SaveAsync(ctx.ChatId, ctx.UserId, kind.Write(conversation, state with { Page = page }));

        var text = new StringBuilder(ctx.F(kind.ListKey, page + 1, Math.Max(pages, 1), result.Total, FilterScreen.Summary(ctx, kind.Fields, state.Filter)));
        if (result.Items.Count == 0)
        {
            text.Append("\n\n").Append(ctx.T("list.empty"));
        }
        var rows = result.Items
            .Select(item => (IEnumerable<InlineKeyboardButton>)[kind.ItemButton(item)])
            .ToList();
        rows.Add(FilterScreen.PageRow(ctx, kind.Code, page, pages));
        rows.Add([Keyboards.Button(ctx.T("section.filters"), CallbackData.Encode(CallbackData.Filters, kind.Code)), Keyboards.Button(ctx.T("section.back"), CallbackData.Encode(CallbackData.Section, kind.Code))]);
        await ctx.ShowAsync(text.ToString(), Keyboards.Of(rows), ct);
        return true;
    }

    public async Task RandomAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var entry = await kind.Random(kind.Read(conversation).Filter, ctx.Lang, ct);
        await SendCardAsync(entry, "list.empty", ct);
    }

    public async Task CardAsync(string slug, CancellationToken ct)
    {
        var entry = await kind.Get(slug, ctx.Lang, ct);
        await SendCardAsync(entry, "card.not_found", ct);
    }

    public async Task FiltersAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var state = kind.Read(conversation);
        await store.SaveAsync(ctx.ChatId, ctx.UserId, kind.Write(conversation, state with { Draft = state.Filter }));
        await ShowFiltersAsync(state.Filter, ct);
    }

    // Returns false when there is no draft to work on (the menu expired).
    public async Task<bool> FilterAsync(CallbackData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var conversation = await store.FindAsync(ctx.ChatId, ctx.UserId);
        if (conversation is null || kind.Read(conversation) is not { Draft: { } draft } state)
        {
            return false;
        }
        var field = kind.Fields.FirstOrDefault(f => f.Name == data.Arg(1));
        switch (data.Action)
        {
            case CallbackData.FilterOpen when field is not null:
                await ctx.ShowAsync(ctx.F("filters.choose", Html.Escape(ctx.T("filters." + field.Name))),
                    FilterScreen.Chooser(ctx, kind.Code, field), ct);
                return true;
            case CallbackData.FilterSet when field is not null:
                var value = data.Arg(2) == "*" ? null : data.Arg(2);
                if (value is not null && field.Choices(ctx).All(c => c.Code != value))
                {
                    return false;
                }
                draft = field.Set(draft, value);
                await SaveDraftAsync(conversation, state, draft);
                await ShowFiltersAsync(draft, ct);
                return true;
            case CallbackData.FilterToggle when field is { IsToggle: true }:
                draft = field.Set(draft, FilterScreen.Toggle(field.Get(draft)));
                await SaveDraftAsync(conversation, state, draft);
                await ctx.EditKeyboardAsync(FilterScreen.Keyboard(ctx, kind.Code, kind.Fields, draft), ct);
                return true;
            case CallbackData.FilterReset:
                draft = new TFilter();
                await SaveDraftAsync(conversation, state, draft);
                await ctx.EditKeyboardAsync(FilterScreen.Keyboard(ctx, kind.Code, kind.Fields, draft), ct);
                return true;
            case CallbackData.FilterApply:
                await store.SaveAsync(ctx.ChatId, ctx.UserId, kind.Write(conversation, new ListState<TFilter>(draft, null, 0)));
                return await ListAsync(0, fromButton: false, ct);
            default:
                return false;
        }
    }

    // A random entry and a card both end here; a missing one gets the given text and the menu.
    private Task SendCardAsync(TDetail? entry, string missingKey, CancellationToken ct)
    {
        if (entry is null)
        {
            return ctx.SendAsync(ctx.T(missingKey), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
        }
        var (html, rolls) = kind.Render(entry, ctx.Texts, ctx.Lang);
        return ctx.SendAsync(html, FilterScreen.CardKeyboard(ctx, rolls), ct);
    }

    private Task ShowFiltersAsync(TFilter draft, CancellationToken ct) =>
        ctx.ShowAsync(ctx.T(kind.FiltersTitleKey), FilterScreen.Keyboard(ctx, kind.Code, kind.Fields, draft), ct);

    private Task SaveDraftAsync(Conversation conversation, ListState<TFilter> state, TFilter draft) =>
        store.SaveAsync(ctx.ChatId, ctx.UserId, kind.Write(conversation, state with { Draft = draft }));
}
