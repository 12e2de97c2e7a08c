using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.Updates;
using DndHelper.Bot.Texts;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Start;

// /start, the main menu, language and settings, /help and /about.
public sealed class StartCommands(UpdateContext ctx, UserLanguages languages, BotIdentity identity)
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!await languages.IsRegisteredAsync(ctx.UserId, ct))
        {
            ctx.Lang = BotTexts.NormalizeLanguage(ctx.TelegramLanguageCode);
            await ctx.SendAsync(ctx.T("start.choose_language"), LanguageKeyboard(), ct);
            return;
        }
        await ctx.SendAsync(ctx.F("start.welcome", Html.Escape(ctx.FirstName)), Keyboards.MainMenu(ctx), ct);
    }

    public Task MenuAsync(CancellationToken ct) => ctx.ShowAsync(ctx.T("menu.title"), Keyboards.MainMenu(ctx), ct);

    public async Task ChooseLanguageAsync(string language, CancellationToken ct)
    {
        if (!BotTexts.Languages.Contains(language))
        {
            await MenuAsync(ct);
            return;
        }
        await languages.SetAsync(ctx.UserId, language, ct);
        ctx.Lang = language;
        await ctx.ShowAsync(ctx.F("start.welcome", Html.Escape(ctx.FirstName)), Keyboards.MainMenu(ctx), ct);
        await ctx.AnswerCallbackAsync(ctx.T("lang.changed"), ct);
    }

    public Task SettingsAsync(CancellationToken ct) =>
        ctx.ShowAsync(
            ctx.F("settings.title", ctx.T("lang." + ctx.Lang)),
            Keyboards.Of(
                LanguageKeyboard().InlineKeyboard.First(),
                [Keyboards.MenuButton(ctx)]),
            ct);

    public Task HelpAsync(CancellationToken ct) =>
        ctx.SendAsync(ctx.F("help.text", Html.Escape(identity.Username)), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);

    public Task AboutAsync(CancellationToken ct) =>
        ctx.SendAsync(ctx.F("about.text", Html.Escape(ctx.T("common.srd_attribution"))), Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);

    private InlineKeyboardMarkup LanguageKeyboard() =>
        Keyboards.Of([.. BotTexts.Languages.Select(l => Keyboards.Button(ctx.T("lang." + l), CallbackData.Encode(CallbackData.Language, l)))]);
}
