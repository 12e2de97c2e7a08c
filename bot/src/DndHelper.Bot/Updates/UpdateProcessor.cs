using DndHelper.Bot.Library;
using DndHelper.Bot.Rendering;
using DndHelper.Bot.Routing;
using DndHelper.Bot.State;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace DndHelper.Bot.Updates;

// Handles one update from either receiver: at most once (its update_id is claimed in Redis), in a
// DI scope of its own, and never lets an exception out: a user always gets an answer.
public sealed partial class UpdateProcessor(IServiceScopeFactory scopes, ConversationStore store, ILogger<UpdateProcessor> logger)
{
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        bool claimed;
        try
        {
            claimed = await store.TryClaimUpdateAsync(update.Id);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            // Without Redis a duplicate reply is a lesser harm than no reply.
            LogRedisUnavailable(logger, e, update.Id);
            claimed = true;
        }
        if (!claimed)
        {
            LogDuplicate(logger, update.Id);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var ctx = scope.ServiceProvider.GetRequiredService<UpdateContext>();
        try
        {
            await scope.ServiceProvider.GetRequiredService<UpdateRouter>().RouteAsync(update, ct);
        }
        catch (LibraryUnavailableException e)
        {
            LogLibraryUnavailable(logger, e.Message, update.Id);
            await TellAsync(ctx, "error.unavailable", ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            // Telegram refused or could not be reached; a redelivery may do better.
            LogTelegramFailed(logger, e, update.Id);
            if (ctx.RepliesSent == 0)
            {
                await ReleaseAsync(update.Id);
            }
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogFailed(logger, e, update.Id);
            await TellAsync(ctx, "error.generic", ct);
        }
#pragma warning disable CA1031 // The bot must survive any handler bug and still answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(logger, e, update.Id);
            await TellAsync(ctx, "error.generic", ct);
        }
    }

    private async Task TellAsync(UpdateContext ctx, string key, CancellationToken ct)
    {
        try
        {
            if (ctx.ChatId == 0 || ctx.IsInline)
            {
                return;
            }
            await ctx.SendAsync(ctx.T(key), ctx.CallbackQueryId is null ? null : Keyboards.Of([Keyboards.MenuButton(ctx)]), ct);
            await ctx.AnswerCallbackAsync(ctx.T(key), ct);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException)
        {
            LogTelegramFailed(logger, e, 0);
        }
    }

    private async Task ReleaseAsync(int updateId)
    {
        try
        {
            await store.ReleaseUpdateAsync(updateId);
        }
        catch (StackExchange.Redis.RedisException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {UpdateId} was already handled")]
    private static partial void LogDuplicate(ILogger logger, int updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The library is unavailable while handling update {UpdateId}: {Reason}")]
    private static partial void LogLibraryUnavailable(ILogger logger, string reason, int updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused a reply to update {UpdateId}")]
    private static partial void LogTelegramFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable; update {UpdateId} is handled without de-duplication")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int updateId);
}
