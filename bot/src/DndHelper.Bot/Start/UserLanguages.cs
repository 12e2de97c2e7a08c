using DndHelper.Bot.Library;
using DndHelper.Contracts.Content;
using DndHelper.Bot.Routing;
using DndHelper.Bot.State;
using DndHelper.Bot.Texts;

namespace DndHelper.Bot.Start;

// The language each user reads. The API's user record is the truth; Redis keeps a copy so that an
// update needs no API call, and Telegram's language code stands in until the user has chosen.
public sealed class UserLanguages(ConversationStore store, LibraryClient library)
{
    public async Task<string> ResolveAsync(UpdateContext ctx, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (await store.GetLanguageAsync(ctx.UserId) is { } cached)
        {
            return cached;
        }
        var language = BotTexts.NormalizeLanguage(ctx.TelegramLanguageCode);
        try
        {
            if (await library.GetUserAsync(ctx.UserId, ct) is { } user)
            {
                language = BotTexts.NormalizeLanguage(user.Language);
            }
            await store.SetLanguageAsync(ctx.UserId, language);
        }
        catch (LibraryUnavailableException)
        {
            // Not cached: the user's own choice is read again once the library is back.
        }
        return language;
    }

    public async Task<bool> IsRegisteredAsync(long userId, CancellationToken ct) =>
        await library.GetUserAsync(userId, ct) is not null;

    // Registers a new user or changes the language of a known one; the choice applies at once.
    public async Task SetAsync(long userId, string language, CancellationToken ct)
    {
        if (await library.GetUserAsync(userId, ct) is null)
        {
            await library.RegisterUserAsync(userId, language, ct);
        }
        else
        {
            await library.SetLanguageAsync(userId, language, ct);
        }
        await store.SetLanguageAsync(userId, language);
    }
}
