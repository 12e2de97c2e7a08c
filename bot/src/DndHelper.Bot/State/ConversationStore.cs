using System.Globalization;
using System.Text.Json;
using DndHelper.Bot.Hosting;
using DndHelper.Contracts.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DndHelper.Bot.State;

public sealed class ConversationStore(BotRedis redis, IOptions<BotOptions> options)
{
    private TimeSpan Ttl => TimeSpan.FromSeconds(options.Value.StateTtlSeconds);

    // Null when the user has no state (never started, or it expired).
    public async Task<Conversation?> FindAsync(long chatId, long userId)
    {
        var value = await redis.Database.StringGetAsync(ConversationKey(chatId, userId));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Conversation>((string)value!, ContractJson.Options);
    }

    public async Task<Conversation> GetAsync(long chatId, long userId) => await FindAsync(chatId, userId) ?? new Conversation();

    public Task SaveAsync(long chatId, long userId, Conversation conversation) =>
        redis.Database.StringSetAsync(ConversationKey(chatId, userId), JsonSerializer.Serialize(conversation, ContractJson.Options), Ttl);

    public async Task<string?> GetLanguageAsync(long userId)
    {
        var value = await redis.Database.StringGetAsync(LanguageKey(userId));
        return value.IsNullOrEmpty ? null : (string?)value;
    }

    public Task SetLanguageAsync(long userId, string language) =>
        redis.Database.StringSetAsync(LanguageKey(userId), language, Ttl);

    // True the first time an update id is seen; a redelivery (or a second replica) gets false.
    public async Task<bool> TryClaimUpdateAsync(int updateId) =>
        await redis.Database.StringSetAsync(UpdateKey(updateId), 1, TimeSpan.FromSeconds(options.Value.DedupSeconds), When.NotExists);

    // The update failed before anything reached the user: let a redelivery try again.
    public Task ReleaseUpdateAsync(int updateId) => redis.Database.KeyDeleteAsync(UpdateKey(updateId));

    private RedisKey ConversationKey(long chatId, long userId) =>
        redis.Key(string.Create(CultureInfo.InvariantCulture, $"state:{chatId}:{userId}"));

    private RedisKey LanguageKey(long userId) => redis.Key(string.Create(CultureInfo.InvariantCulture, $"lang:{userId}"));

    private RedisKey UpdateKey(int updateId) => redis.Key(string.Create(CultureInfo.InvariantCulture, $"update:{updateId}"));
}
