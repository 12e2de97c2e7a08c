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

namespace DndHelper.Bot.Monsters;

// The bestiary: its screen, the paged and filtered list, random monsters, filters and cards.
public sealed class MonsterCommands(UpdateContext ctx, LibraryClient library, ConversationStore store, IOptions<BotOptions> options)
{
    private const string Kind = CallbackData.Monsters;

    public static readonly string[] ChallengeRatings =
        ["0", "1/8", "1/4", "1/2", .. Enumerable.Range(1, 30).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    public static readonly string[] DamageTypes =
        ["acid", "bludgeoning", "cold", "fire", "force", "lightning", "necrotic", "piercing", "poison", "psychic", "radiant", "slashing", "thunder"];

    public static readonly FilterField<MonsterFilter>[] Fields =
    [
        new("cr_min", false, _ => [.. ChallengeRatings.Select(c => (c, c))], f => f.CrMin, (f, v) => f with { CrMin = v }),
        new("cr_max", false, _ => [.. ChallengeRatings.Select(c => (c, c))], f => f.CrMax, (f, v) => f with { CrMax = v }),
        new("type", false, c => Choices(c, "monster_type"), f => f.Type, (f, v) => f with { Type = v }),
        new("size", false, c => Choices(c, "size"), f => f.Size, (f, v) => f with { Size = v }),
        new("legendary", true, _ => [], f => Bool(f.Legendary), (f, v) => f with { Legendary = ParseBool(v) }),
        new("flying", true, _ => [], f => Bool(f.Flying), (f, v) => f with { Flying = ParseBool(v) }),
        new("swimming", true, _ => [], f => Bool(f.Swimming), (f, v) => f with { Swimming = ParseBool(v) }),
        new("damage_immunity", false, c => [.. DamageTypes.Select(d => (d, c.Label("damage_type", d)))], f => f.DamageImmunity, (f, v) => f with { DamageImmunity = v }),
    ];

    private int PageSize => options.Value.PageSize;

    public async Task SectionAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var page = await library.ListMonstersAsync(conversation.MonsterFilter, 0, 1, ctx.Lang, ct);
        var keyboard = Keyboards.Of(
            [Keyboards.Button(ctx.T("section.list"), CallbackData.Encode(CallbackData.ListPage, Kind, "0")),
             Keyboards.Button(ctx.T("section.random"), CallbackData.Encode(CallbackData.Random, Kind))],
            [Keyboards.Button(ctx.T("section.search"), CallbackData.Encode(CallbackData.SearchPrompt)),
             Keyboards.Button(ctx.T("section.filters"), CallbackData.Encode(CallbackData.Filters, Kind))],
            [Keyboards.MenuButton(ctx)]);
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation);
        await ctx.ShowAsync(ctx.F("monsters.title", page.Total, FilterScreen.Summary(ctx, Fields, conversation.MonsterFilter)), keyboard, ct);
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
        var result = await library.ListMonstersAsync(conversation.MonsterFilter, page * PageSize, PageSize, ctx.Lang, ct);
        var pages = (result.Total + PageSize - 1) / PageSize;
        if (page > 0 && page >= pages)
        {
            page = Math.Max(pages - 1, 0);
            result = await library.ListMonstersAsync(conversation.MonsterFilter, page * PageSize, PageSize, ctx.Lang, ct);
        }
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { MonsterPage = page });

        var text = new StringBuilder(ctx.F("list.monsters", page + 1, Math.Max(pages, 1), result.Total, FilterScreen.Summary(ctx, Fields, conversation.MonsterFilter)));
        if (result.Items.Count == 0)
        {
            text.Append("\n\n").Append(ctx.T("list.empty"));
        }
        var rows = result.Items
            .Select(m => (IEnumerable<InlineKeyboardButton>)[Keyboards.Button($"{m.Name} · {ctx.Label("challenge_rating", m.CrDisplay)}", CallbackData.CardOf(Kind, m.Slug, m.Id))])
            .ToList();
        rows.Add(FilterScreen.PageRow(ctx, Kind, page, pages));
        rows.Add([Keyboards.Button(ctx.T("section.filters"), CallbackData.Encode(CallbackData.Filters, Kind)), Keyboards.Button(ctx.T("section.back"), CallbackData.Encode(CallbackData.Section, Kind))]);
        await ctx.ShowAsync(text.ToString(), Keyboards.Of(rows), ct);
        return true;
    }

    public async Task RandomAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var monster = await library.RandomMonsterAsync(conversation.MonsterFilter, ctx.Lang, ct);
        if (monster is null)
        {
            await ctx.SendAsync(ctx.T("list.empty"), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
            return;
        }
        await SendCardAsync(monster, ct);
    }

    public async Task CardAsync(string slug, CancellationToken ct)
    {
        var monster = await library.GetMonsterAsync(slug, ctx.Lang, ct);
        if (monster is null)
        {
            await ctx.SendAsync(ctx.T("card.not_found"), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
            return;
        }
        await SendCardAsync(monster, ct);
    }

    public Task SendCardAsync(MonsterDetail monster, CancellationToken ct)
    {
        var (html, rolls) = MonsterCard.Render(monster, ctx.Texts, ctx.Lang);
        return ctx.SendAsync(html, FilterScreen.CardKeyboard(ctx, rolls), ct);
    }

    public async Task FiltersAsync(CancellationToken ct)
    {
        var conversation = await store.GetAsync(ctx.ChatId, ctx.UserId);
        var draft = conversation.MonsterFilter;
        await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { MonsterDraft = draft });
        await ctx.ShowAsync(ctx.T("filters.monsters_title"), FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
    }

    // Returns false when there is no draft to work on (the menu expired).
    public async Task<bool> FilterAsync(CallbackData data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var conversation = await store.FindAsync(ctx.ChatId, ctx.UserId);
        if (conversation?.MonsterDraft is not { } draft)
        {
            return false;
        }
        var field = Fields.FirstOrDefault(f => f.Name == data.Arg(1));
        switch (data.Action)
        {
            case CallbackData.FilterOpen when field is not null:
                await ctx.ShowAsync(ctx.F("filters.choose", Html.Escape(ctx.T("filters." + field.Name))),
                    FilterScreen.Chooser(ctx, Kind, field, field.Name.StartsWith("cr_", StringComparison.Ordinal) ? 6 : 2), ct);
                return true;
            case CallbackData.FilterSet when field is not null:
                var value = data.Arg(2) == "*" ? null : data.Arg(2);
                if (value is not null && field.Choices(ctx).All(c => c.Code != value))
                {
                    return false;
                }
                draft = field.Set(draft, value);
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { MonsterDraft = draft });
                await ctx.ShowAsync(ctx.T("filters.monsters_title"), FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
                return true;
            case CallbackData.FilterToggle when field is { IsToggle: true }:
                draft = field.Set(draft, FilterScreen.Toggle(field.Get(draft)));
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { MonsterDraft = draft });
                await ctx.EditKeyboardAsync(FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
                return true;
            case CallbackData.FilterReset:
                draft = new MonsterFilter();
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { MonsterDraft = draft });
                await ctx.EditKeyboardAsync(FilterScreen.Keyboard(ctx, Kind, Fields, draft), ct);
                return true;
            case CallbackData.FilterApply:
                await store.SaveAsync(ctx.ChatId, ctx.UserId, conversation with { MonsterFilter = draft, MonsterDraft = null, MonsterPage = 0 });
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
