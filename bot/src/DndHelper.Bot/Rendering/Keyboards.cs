using DndHelper.Bot.Routing;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Rendering;

public static class Keyboards
{
    public static InlineKeyboardButton Button(string text, string data) => InlineKeyboardButton.WithCallbackData(text, data);

    public static InlineKeyboardMarkup Of(params IEnumerable<InlineKeyboardButton>[] rows) => new(rows.Where(r => r.Any()));

    public static InlineKeyboardMarkup Of(IEnumerable<IEnumerable<InlineKeyboardButton>> rows) => new(rows.Where(r => r.Any()));

    // Lays buttons out `perRow` to a row.
    public static IEnumerable<IEnumerable<InlineKeyboardButton>> Grid(IEnumerable<InlineKeyboardButton> buttons, int perRow) =>
        buttons.Chunk(perRow);

    public static InlineKeyboardMarkup MainMenu(UpdateContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Of(
            [Button(ctx.T("menu.bestiary"), CallbackData.Encode(CallbackData.Section, CallbackData.Monsters)),
             Button(ctx.T("menu.spells"), CallbackData.Encode(CallbackData.Section, CallbackData.Spells))],
            [Button(ctx.T("menu.search"), CallbackData.Encode(CallbackData.SearchPrompt)),
             Button(ctx.T("menu.dice"), CallbackData.Encode(CallbackData.DiceMenu))],
            [Button(ctx.T("menu.settings"), CallbackData.Encode(CallbackData.Settings))]);
    }

    public static InlineKeyboardButton MenuButton(UpdateContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return Button(ctx.T("menu.back"), CallbackData.Encode(CallbackData.Menu));
    }
}
