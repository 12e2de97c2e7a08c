using DndHelper.Bot.Rendering;
using DndHelper.Bot.Texts;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Routing;

// The update being handled, scoped to it: who wrote, in which chat and language, and the ways to
// answer (send, edit the pressed message in place, answer the callback exactly once).
public sealed class UpdateContext(ITelegramBotClient telegram, BotTexts texts)
{
    public ITelegramBotClient Telegram => telegram;

    public long ChatId { get; private set; }

    public long UserId { get; private set; }

    public string FirstName { get; private set; } = "";

    public string Lang { get; set; } = BotTexts.English;

    public string? TelegramLanguageCode { get; private set; }

    public string? CallbackQueryId { get; private set; }

    // The bot's message whose button was pressed; menus edit it in place.
    public int? PressedMessageId { get; private set; }

    public bool CallbackAnswered { get; private set; }

    // Inline queries are answered with results, never with chat messages.
    public bool IsInline { get; set; }

    public int RepliesSent { get; private set; }

    public void Bind(User? from, long chatId, CallbackQuery? query = null)
    {
        UserId = from?.Id ?? chatId;
        FirstName = from?.FirstName ?? "";
        TelegramLanguageCode = from?.LanguageCode;
        ChatId = chatId;
        CallbackQueryId = query?.Id;
        PressedMessageId = query?.Message?.MessageId;
    }

    public string T(string key) => texts.Get(Lang, key);

    public string F(string key, params object?[] args) => texts.Format(Lang, key, args);

    public string Label(string family, string code) => texts.Label(Lang, family, code);

    public BotTexts Texts => texts;

    // Sends a new message; long texts go out as several, the keyboard under the last one.
    public async Task SendAsync(string html, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        var parts = MessageSplitter.Split(html);
        for (var i = 0; i < parts.Count; i++)
        {
            await telegram.SendMessage(ChatId, parts[i], ParseMode.Html,
                replyMarkup: i == parts.Count - 1 ? keyboard : null,
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: ct);
            RepliesSent++;
        }
    }

    // A menu screen: replaces the pressed message when there is one, else sends a new message.
    public async Task ShowAsync(string html, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        if (PressedMessageId is { } messageId && html.Length <= MessageSplitter.TelegramLimit)
        {
            try
            {
                await telegram.EditMessageText(ChatId, messageId, html, ParseMode.Html, replyMarkup: keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
                RepliesSent++;
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                // "message is not modified" or the message is gone: a fresh message is the right answer either way.
                if (e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        await SendAsync(html, keyboard, ct);
    }

    public async Task EditKeyboardAsync(InlineKeyboardMarkup keyboard, CancellationToken ct)
    {
        if (PressedMessageId is not { } messageId)
        {
            return;
        }
        try
        {
            await telegram.EditMessageReplyMarkup(ChatId, messageId, keyboard, cancellationToken: ct);
            RepliesSent++;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
        }
    }

    public async Task AnswerCallbackAsync(string? text, CancellationToken ct)
    {
        if (CallbackQueryId is null || CallbackAnswered)
        {
            return;
        }
        CallbackAnswered = true;
        await telegram.AnswerCallbackQuery(CallbackQueryId, text, cancellationToken: ct);
    }
}
