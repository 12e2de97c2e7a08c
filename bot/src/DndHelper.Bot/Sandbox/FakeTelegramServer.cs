using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Sandbox;

// A Telegram Bot API server for one bot, in memory, speaking the real HTTP/JSON protocol
// (/bot{token}/{method}): long-polled getUpdates, webhooks with the secret header, messages,
// edits, callback and inline answers, commands; and 429s on request. Its /sandbox endpoints play
// the users: they inject messages, button presses and inline queries and read what the bot sent.
// The terminal chat (./dnd chat), the bot tests and the benchmark all drive the bot through it.
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public static readonly User BotUser = new() { Id = 777000, IsBot = true, FirstName = "DnD Helper", Username = "DndHelperBot" };

    private readonly object gate = new();
    private readonly List<Update> pending = [];
    // Updates sent again whatever offset the bot has confirmed, as after a lost confirmation.
    private readonly List<Update> redelivered = [];
    private readonly List<SentMessage> messages = [];
    private readonly List<ApiCall> calls = [];
    private readonly Dictionary<string, string?> callbackAnswers = [];
    private readonly Dictionary<string, InlineAnswer> inlineAnswers = [];
    private readonly Dictionary<string, List<BotCommand>> commands = [];
    private readonly Dictionary<int, Update> allUpdates = [];
    private readonly Dictionary<string, Queue<Fault>> faults = [];
    private readonly Dictionary<long, Awaited> awaitingReply = [];
    private readonly List<LatencySample> latencies = [];
    private readonly HttpClient webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly SemaphoreSlim webhookSlots = new(40);
    private TaskCompletionSource changed = NewSignal();
    private WebApplication? app;
    private int nextUpdateId = 1000;
    private int nextMessageId = 1;
    private long version;
    private int nextQueryId = 1;

    public Uri BaseAddress { get; private set; } = null!;

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public static async Task<FakeTelegramServer> StartAsync(int port = 0, string host = "127.0.0.1")
    {
        var server = new FakeTelegramServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => DndHelper.Contracts.Json.ContractJson.Configure(o.SerializerOptions));
        builder.WebHost.UseUrls($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}");
        server.app = builder.Build();
        server.Map(server.app);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    // Until Ctrl+C or SIGTERM (the host's console lifetime handles both).
    public Task WaitForShutdownAsync() => app?.WaitForShutdownAsync() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        webhookClient.Dispose();
        webhookSlots.Dispose();
    }

    // ---- Users' side, in process (tests, benchmark) ----

    public int SendText(long userId, string text, long? chatId = null, string firstName = "Tester", string? languageCode = "en")
    {
        lock (gate)
        {
            var chat = chatId ?? userId;
            var user = new User { Id = userId, FirstName = firstName, LanguageCode = languageCode };
            var message = new Message
            {
                Id = nextMessageId++,
                Date = DateTime.UtcNow,
                Chat = new Chat { Id = chat, Type = chat > 0 ? ChatType.Private : ChatType.Group, FirstName = chat > 0 ? firstName : null, Title = chat > 0 ? null : "Party" },
                From = user,
                Text = text,
            };
            if (text.StartsWith('/'))
            {
                var length = text.IndexOfAny([' ', '\n']) is var space and >= 0 ? space : text.Length;
                message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = length }];
            }
            return Enqueue(new Update { Message = message }, chat);
        }
    }

    public int Press(long userId, int messageId, string data, long? chatId = null, string firstName = "Tester", string? languageCode = "en")
    {
        lock (gate)
        {
            var chat = chatId ?? userId;
            var sent = messages.LastOrDefault(m => m.ChatId == chat && m.MessageId == messageId);
            var query = new CallbackQuery
            {
                Id = "cb" + (nextQueryId++).ToString(CultureInfo.InvariantCulture),
                From = new User { Id = userId, FirstName = firstName, LanguageCode = languageCode },
                ChatInstance = chat.ToString(CultureInfo.InvariantCulture),
                Data = data,
                Message = new Message
                {
                    Id = messageId,
                    Date = DateTime.UtcNow,
                    Chat = new Chat { Id = chat, Type = chat > 0 ? ChatType.Private : ChatType.Group },
                    From = BotUser,
                    Text = sent?.Text ?? "",
                },
            };
            return Enqueue(new Update { CallbackQuery = query }, chat);
        }
    }

    public (int UpdateId, string QueryId) Inline(long userId, string text, string offset = "", string? languageCode = "en")
    {
        lock (gate)
        {
            var id = "iq" + (nextQueryId++).ToString(CultureInfo.InvariantCulture);
            var query = new InlineQuery { Id = id, From = new User { Id = userId, FirstName = "Tester", LanguageCode = languageCode }, Query = text, Offset = offset };
            return (Enqueue(new Update { InlineQuery = query }, userId), id);
        }
    }

    // Sends an update again with the same update_id, as Telegram does when it was not confirmed.
    public void Redeliver(int updateId)
    {
        lock (gate)
        {
            redelivered.Add(allUpdates[updateId]);
            Signal();
        }
        DeliverToWebhook(allUpdates[updateId]);
    }

    // The next `count` calls of `method` fail with this error (429 carries retry_after).
    public void Fail(string method, int errorCode, int count = 1, int? retryAfter = null)
    {
        lock (gate)
        {
            if (!faults.TryGetValue(method, out var queue))
            {
                faults[method] = queue = new Queue<Fault>();
            }
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(new Fault(errorCode, retryAfter));
            }
        }
    }

    public IReadOnlyList<SentMessage> Messages(long chatId)
    {
        lock (gate)
        {
            return [.. messages.Where(m => m.ChatId == chatId)];
        }
    }

    public IReadOnlyList<SentMessage> MessagesSince(long sinceVersion)
    {
        lock (gate)
        {
            return [.. messages.Where(m => m.Version > sinceVersion)];
        }
    }

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public string? CallbackAnswer(string queryId)
    {
        lock (gate)
        {
            return callbackAnswers.TryGetValue(queryId, out var text) ? text : null;
        }
    }

    public string? CallbackQueryIdOf(int updateId)
    {
        lock (gate)
        {
            return allUpdates.TryGetValue(updateId, out var update) ? update.CallbackQuery?.Id : null;
        }
    }

    public bool IsCallbackAnswered(string queryId)
    {
        lock (gate)
        {
            return callbackAnswers.ContainsKey(queryId);
        }
    }

    public InlineAnswer? InlineAnswerFor(string queryId)
    {
        lock (gate)
        {
            return inlineAnswers.GetValueOrDefault(queryId);
        }
    }

    public IReadOnlyDictionary<string, List<BotCommand>> Commands
    {
        get
        {
            lock (gate)
            {
                return commands.ToDictionary(p => p.Key, p => p.Value.ToList());
            }
        }
    }

    public IReadOnlyList<LatencySample> Latencies
    {
        get
        {
            lock (gate)
            {
                return [.. latencies];
            }
        }
    }

    public void ClearLatencies()
    {
        lock (gate)
        {
            latencies.Clear();
        }
    }

    // Waits until the condition over the server's state holds, or fails after the timeout.
    public async Task WaitUntilAsync(Func<FakeTelegramServer, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task signal;
            lock (gate)
            {
                signal = changed.Task;
            }
            if (condition(this))
            {
                return;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("fake Telegram: timed out waiting for " + (what ?? "a condition"));
            }
            await Task.WhenAny(signal, Task.Delay(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200)));
        }
    }

    private int Enqueue(Update update, long chatId)
    {
        update.Id = nextUpdateId++;
        allUpdates[update.Id] = update;
        pending.Add(update);
        awaitingReply[chatId] = new Awaited(update.Id, DateTime.UtcNow, null);
        Signal();
        if (WebhookUrl is not null)
        {
            _ = Task.Run(() => DeliverToWebhook(update));
        }
        return update.Id;
    }

    private void Signal()
    {
        version++;
        var old = changed;
        changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void DeliverToWebhook(Update update)
    {
        string? url;
        string? secret;
        lock (gate)
        {
            url = WebhookUrl;
            secret = WebhookSecret;
        }
        if (url is null)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            await webhookSlots.WaitAsync();
            try
            {
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    lock (gate)
                    {
                        MarkDelivered(update);
                    }
                    using var request = new HttpRequestMessage(HttpMethod.Post, url)
                    {
                        Content = new StringContent(JsonSerializer.Serialize(update, JsonBotAPI.Options), Encoding.UTF8, "application/json"),
                    };
                    if (secret is not null)
                    {
                        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                    }
                    try
                    {
                        using var response = await webhookClient.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            lock (gate)
                            {
                                pending.Remove(update);
                                Signal();
                            }
                            return;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    await Task.Delay(500);
                }
            }
            finally
            {
                webhookSlots.Release();
            }
        });
    }

    private void MarkDelivered(Update update)
    {
        var chat = update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.InlineQuery?.From.Id;
        if (chat is { } id && awaitingReply.TryGetValue(id, out var awaited) && awaited.UpdateId == update.Id && awaited.DeliveredAt is null)
        {
            awaitingReply[id] = awaited with { DeliveredAt = DateTime.UtcNow };
        }
    }

    private void MarkReplied(long chatId)
    {
        if (awaitingReply.Remove(chatId, out var awaited))
        {
            var now = DateTime.UtcNow;
            latencies.Add(new LatencySample(awaited.UpdateId, now - awaited.CreatedAt, now - (awaited.DeliveredAt ?? awaited.CreatedAt)));
        }
    }

    private sealed record Fault(int ErrorCode, int? RetryAfter);

    private sealed record Awaited(int UpdateId, DateTime CreatedAt, DateTime? DeliveredAt);
}

// A message the bot sent, as it stands now (edits replace text and keyboard, and bump Version).
public sealed record SentMessage(long ChatId, int MessageId, string Text, string? ParseMode, InlineKeyboardMarkup? Keyboard, long Version, int Edits)
{
    public string PlainText => ParseMode == "HTML" ? Rendering.Html.ToPlain(Text) : Text;

    public IReadOnlyList<InlineKeyboardButton> Buttons => Keyboard?.InlineKeyboard.SelectMany(r => r).ToList() ?? [];
}

public sealed record ApiCall(string Method, JsonObject Payload, DateTime At, int Status);

public sealed record InlineAnswer(string QueryId, JsonArray Results, string? NextOffset);

// Reply latency of one update: from its creation, and from its delivery to the bot.
public sealed record LatencySample(int UpdateId, TimeSpan SinceCreated, TimeSpan SinceDelivered);
