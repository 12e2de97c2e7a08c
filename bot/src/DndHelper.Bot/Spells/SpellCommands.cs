using System.Globalization;
using System.Text;
using DndHelper.Bot.Hosting;
using DndHelper.Bot.Library;
using DndHelper.Contracts.Content;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.State;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Spells;

// The spells: their screen, the paged and filtered list, random spells, filters and cards.
public sealed class SpellCommands(UpdateContext ctx, LibraryClient library, ConversationStore store, IOptions<BotOptions> options)
{
    private const string Kind = CallbackData.Spells;

    public static readonly string[] CastingTimes = ["action", "bonus_action", "reaction", "longer"];

    public static readonly FilterField<SpellFilter>[] Fields =
    [
        new("level", false, c => Choices(c, "spell_level"), f => f.Level?.ToString(CultureInfo.InvariantCulture), (f, v) => f with { Level = v is null ? null : int.Parse(v, CultureInfo.InvariantCulture) }),
        new("school", false, c => Choices(c, "school"), f => f.School, (f, v) => f with { School = v }),
        new("class", false, c => Choices(c, "class"), f => f.Class, (f, v) => f with { Class = v }),
        new("ritual", true, _ => [], f => Bool(f.Ritual), (f, v) => f with { Ritual = ParseBool(v) }),
        new("concentration", true, _ => [], f => Bool(f.Concentration), (f, v) => f with { Concentration = ParseBool(v) }),
        new("casting_time", false, c => [.. CastingTimes.Select(t => (t, c.Label("casting_time", t)))], f => f.CastingTime, (f, v) => f with { CastingTime = v }),
    ];

    private int PageSize => options.Value.PageSize;

    public async Task SectionAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var page = await library.ListSpellsAsync(conversation.SpellFilter, 0, 1, ctx.Lang, ct);
        var keyboard = Keyboards.Of(
            [Keyboards.Button(ctx.T("section.list"), CallbackData.Encode(CallbackData.ListPage, Kind, "0")),
             Keyboards.Button(ctx.T("section.random"), CallbackData.Encode(CallbackData.Random, Kind))],
            [Keyboards.Button(ctx.T("section.search"), CallbackData.Encode(CallbackData.SearchPrompt)),
             Keyboards.Button(ctx.T("section.filters"), CallbackData.Encode(CallbackData.Filters, Kind))],
            [Keyboards.MenuButton(ctx)]);
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation);
        await ctx.ShowAsync(ctx.F("spells.title", page.Total, FilterScreen.Summary(ctx, Fields, conversation.SpellFilter)), keyboard, ct);
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
        page = Math.Max(page, 0);
        var result = await library.ListSpellsAsync(conversation.SpellFilter, page * PageSize, PageSize, ctx.Lang, ct);
        var pages = (result.Total + PageSize - 1) / PageSize;
        if (page > 0 && page >= pages)
        {
            page = Math.Max(pages - 1, 0);
            result = await library.ListSpellsAsync(conversation.SpellFilter, page * PageSize, PageSize, ctx.Lang, ct);
        }
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SpellPage = page });

        var text = new StringBuilder(ctx.F("list.spells", page + 1, Math.Max(pages, 1), result.Total, FilterScreen.Summary(ctx, Fields, conversation.SpellFilter)));
        if (result.Items.Count == 0)
        {
            text.Append("\n\n").Append(ctx.T("list.empty"));
        }
        var rows = result.Items
            .Select(s => (IEnumerable<InlineKeyboardButton>)[Keyboards.Button($"{s.Name} · {s.LevelLabel}", CallbackData.CardOf(Kind, s.Slug, s.Id))])
            .ToList();
        rows.Add(FilterScreen.PageRow(ctx, Kind, page, pages));
        rows.Add([Keyboards.Button(ctx.T("section.filters"), CallbackData.Encode(CallbackData.Filters, Kind)), Keyboards.Button(ctx.T("section.back"), CallbackData.Encode(CallbackData.Section, Kind))]);
        await ctx.ShowAsync(text.ToString(), Keyboards.Of(rows), ct);
        return true;
    }

    public async Task RandomAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var spell = await library.RandomSpellAsync(conversation.SpellFilter, ctx.Lang, ct);
        if (spell is null)
        {
            await ctx.SendAsync(ctx.T("list.empty"), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
            return;
        }
        await SendCardAsync(spell, ct);
    }

    public async Task CardAsync(string slug, CancellationToken ct)
    {
        var spell = await library.GetSpellAsync(slug, ctx.Lang, ct);
        if (spell is null)
        {
            await ctx.SendAsync(ctx.T("card.not_found"), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
            return;
        }
        await SendCardAsync(spell, ct);
    }

    public Task SendCardAsync(SpellDetail spell, CancellationToken ct)
    {
        var (html, rolls) = SpellCard.Render(spell, ctx.Texts, ctx.Lang);
        return ctx.SendAsync(html, FilterScreen.CardKeyboard(ctx, rolls), ct);
    }

    public async Task FiltersAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var draft = conversation.SpellFilter;
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SpellDraft = draft });
        await ctx.ShowAsync(ctx.T("filters.spells_title"), FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
    }

    // Returns false when there is no draft to work on (the menu expired).
    public async Task<bool> FilterAsync(CallbackData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var conversation = await store.FindAsync(ctx.ChatId, ctx.UserId);
        if (conversation?.SpellDraft is not { } draft)
        {
            return false;
        }
        var field = Fields.FirstOrDefault(f => f.Name == data.Arg(1));
        switch (data.Action)
        {
            case CallbackData.FilterOpen when field is not null:
                await ctx.ShowAsync(ctx.F("filters.choose", Html.Escape(ctx.T("filters." + field.Name))),
                    FilterScreen.Chooser(ctx, Kind, field, field.Name == "level" ? 3 : 2), ct);
                return true;
            case CallbackData.FilterSet when field is not null:
                var value = data.Arg(2) == "*" ? null : data.Arg(2);
                if (value is not null && field.Choices(ctx).All(c => c.Code != value))
                {
                    return false;
                }
                draft = field.Set(draft, value);
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SpellDraft = draft });
                await ctx.ShowAsync(ctx.T("filters.spells_title"), FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
                return true;
            case CallbackData.FilterToggle when field is { IsToggle: true }:
                draft = field.Set(draft, FilterScreen.Toggle(field.Get(draft)));
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SpellDraft = draft });
                await ctx.EditKeyboardAsync(FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
                return true;
            case CallbackData.FilterReset:
                draft = new SpellFilter();
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SpellDraft = draft });
                await ctx.EditKeyboardAsync(FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
                return true;
            case CallbackData.FilterApply:
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { SpellFilter = draft, SpellDraft = null, SpellPage = 0 });
                return await ListAsync(0, fromButton: false, ct);
            default:
                return false;
        }
    }

    private static IReadOnlyList<(string Code, string Label)> Choices(UpdateContext ctx, string family) =>
        [.. ctx.Texts.Codes(family).Select(code => (code, ctx.Label(family, code)))];

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static bool? ParseBool(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
