using DndHelper.Bot.Dice;
using DndHelper.Bot.Inline;
using DndHelper.Bot.Monsters;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Search;
using DndHelper.Bot.Spells;
using DndHelper.Bot.Start;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DndHelper.Bot.Routing;

// The one place that decides who handles an update: first by its kind, then by the command or
// the callback action. Each feature's commands live in their own XxxCommands class.
public sealed class UpdateRouter(
    UpdateContext ctx,
    UserLanguages languages,
    IServiceProvider services)
{
    public async Task RouteAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        switch (update)
        {
            case { Message: { Text: { } text } message }:
                ctx.Bind(message.From, message.Chat.Id);
                ctx.Lang = await languages.ResolveAsync(ctx, ct);
                await OnMessageAsync(message, text, ct);
                break;
            case { CallbackQuery: { } query }:
                ctx.Bind(query.From, query.Message?.Chat.Id ?? query.From.Id, query);
                ctx.Lang = await languages.ResolveAsync(ctx, ct);
                await OnCallbackAsync(query, ct);
                break;
            case { InlineQuery: { } inline }:
                ctx.Bind(inline.From, inline.From.Id);
                ctx.IsInline = true;
                ctx.Lang = await languages.ResolveAsync(ctx, ct);
                await Get<InlineCommands>().AnswerAsync(inline, ct);
                break;
            default:
                break;
        }
    }

    private async Task OnMessageAsync(Message message, string text, CancellationToken ct)
    {
        if (!text.StartsWith('/'))
        {
            if (message.Chat.Type == ChatType.Private || message.ReplyToMessage?.From?.IsBot == true)
            {
                await Get<SearchCommands>().SearchAsync(text, ct);
            }
            return;
        }

        var (command, argument) = ParseCommand(text);
        switch (command)
        {
            case "start":
                await Get<StartCommands>().StartAsync(ct);
                break;
            case "help":
                await Get<StartCommands>().HelpAsync(ct);
                break;
            case "about":
                await Get<StartCommands>().AboutAsync(ct);
                break;
            case "settings":
                await Get<StartCommands>().SettingsAsync(ct);
                break;
            case "menu":
                await Get<StartCommands>().MenuAsync(ct);
                break;
            case "roll" or "r":
                await Get<DiceCommands>().RollAsync(argument, ct);
                break;
            default:
                if (message.Chat.Type == ChatType.Private)
                {
                    await ctx.SendAsync(ctx.T("error.unknown_command"), null, ct);
                }
                break;
        }
    }

    private async Task OnCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        var data = CallbackData.TryDecode(query.Data);
        var handled = data is not null && await DispatchAsync(data, ct);
        if (!handled)
        {
            await ExpiredAsync(ct);
        }
        await ctx.AnswerCallbackAsync(null, ct);
    }

    // False when the data is stale or foreign: the user gets "this menu has expired".
    private async Task<bool> DispatchAsync(CallbackData data, CancellationToken ct)
    {
        var kind = data.Arg(0);
        switch (data.Action)
        {
            case CallbackData.Menu:
                await Get<StartCommands>().MenuAsync(ct);
                return true;
            case CallbackData.Language:
                await Get<StartCommands>().ChooseLanguageAsync(kind, ct);
                return true;
            case CallbackData.Settings:
                await Get<StartCommands>().SettingsAsync(ct);
                return true;
            case CallbackData.SearchPrompt:
                await Get<SearchCommands>().PromptAsync(ct);
                return true;
            case CallbackData.DiceMenu:
                await Get<DiceCommands>().MenuAsync(ct);
                return true;
            case CallbackData.Roll when kind.Length > 0:
                await Get<DiceCommands>().RollAsync(kind, ct);
                return true;
            case CallbackData.Noop:
                return true;
            case CallbackData.Section when kind == CallbackData.Monsters:
                await Get<MonsterCommands>().Browser.SectionAsync(ct);
                return true;
            case CallbackData.Section when kind == CallbackData.Spells:
                await Get<SpellCommands>().Browser.SectionAsync(ct);
                return true;
            case CallbackData.ListPage when data.IntArg(1) >= 0:
                return kind switch
                {
                    CallbackData.Monsters => await Get<MonsterCommands>().Browser.ListAsync(data.IntArg(1), fromButton: true, ct),
                    CallbackData.Spells => await Get<SpellCommands>().Browser.ListAsync(data.IntArg(1), fromButton: true, ct),
                    _ => false,
                };
            case CallbackData.Random when kind == CallbackData.Monsters:
                await Get<MonsterCommands>().Browser.RandomAsync(ct);
                return true;
            case CallbackData.Random when kind == CallbackData.Spells:
                await Get<SpellCommands>().Browser.RandomAsync(ct);
                return true;
            case CallbackData.Card when data.Arg(1).Length > 0 && kind == CallbackData.Monsters:
                await Get<MonsterCommands>().Browser.CardAsync(data.Arg(1), ct);
                return true;
            case CallbackData.Card when data.Arg(1).Length > 0 && kind == CallbackData.Spells:
                await Get<SpellCommands>().Browser.CardAsync(data.Arg(1), ct);
                return true;
            case CallbackData.Filters when kind == CallbackData.Monsters:
                await Get<MonsterCommands>().Browser.FiltersAsync(ct);
                return true;
            case CallbackData.Filters when kind == CallbackData.Spells:
                await Get<SpellCommands>().Browser.FiltersAsync(ct);
                return true;
            case CallbackData.FilterOpen or CallbackData.FilterSet or CallbackData.FilterToggle or CallbackData.FilterApply or CallbackData.FilterReset:
                return kind switch
                {
                    CallbackData.Monsters => await Get<MonsterCommands>().Browser.FilterAsync(data, ct),
                    CallbackData.Spells => await Get<SpellCommands>().Browser.FilterAsync(data, ct),
                    _ => false,
                };
            default:
                return false;
        }
    }

    private async Task ExpiredAsync(CancellationToken ct)
    {
        await ctx.SendAsync(ctx.T("error.expired"), Keyboards.MainMenu(ctx), ct);
        await ctx.AnswerCallbackAsync(ctx.T("error.expired"), ct);
    }

    // "/roll@DndHelperBot 2d6" → ("roll", "2d6").
    public static (string Command, string? Argument) ParseCommand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            head = head[..at];
        }
        var argument = space < 0 ? null : text[(space + 1)..].Trim();
        return (head.ToLowerInvariant(), string.IsNullOrEmpty(argument) ? null : argument);
    }

    private T Get<T>()
        where T : notnull => services.GetRequiredService<T>();
}
