using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DndHelper.Bot.Sandbox;

// The HTTP side of the fake server: the Bot API methods the bot uses, and the sandbox endpoints.
public sealed partial class FakeTelegramServer
{
    private void Map(WebApplication web)
    {
        web.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        web.MapMethods("/bot{token}/{method}", ["GET", "POST"], BotApiAsync);

        var sandbox = web.MapGroup("/sandbox");
        sandbox.MapPost("/messages", (SandboxMessage m) =>
            Results.Ok(new { update_id = SendText(m.UserId, m.Text, m.ChatId, m.FirstName ?? "Player", m.LanguageCode) }));
        sandbox.MapPost("/callbacks", (SandboxCallback c) =>
            Results.Ok(new { update_id = Press(c.UserId, c.MessageId, c.Data, c.ChatId, c.FirstName ?? "Player", c.LanguageCode) }));
        sandbox.MapPost("/inline", (SandboxInline q) =>
        {
            var (updateId, queryId) = Inline(q.UserId, q.Query, q.Offset ?? "", q.LanguageCode);
            return Results.Ok(new { update_id = updateId, inline_query_id = queryId });
        });
        sandbox.MapGet("/inline/{queryId}", (string queryId) =>
            InlineAnswerFor(queryId) is { } answer
                ? Results.Text(new JsonObject { ["results"] = answer.Results.DeepClone(), ["next_offset"] = answer.NextOffset }.ToJsonString(), "application/json")
                : Results.NotFound());
        sandbox.MapGet("/messages", (long? since) =>
        {
            var list = MessagesSince(since ?? 0);
            var array = new JsonArray([.. list.Select(m => (JsonNode)new JsonObject
            {
                ["chat_id"] = m.ChatId,
                ["message_id"] = m.MessageId,
                ["text"] = m.Text,
                ["parse_mode"] = m.ParseMode,
                ["version"] = m.Version,
                ["edits"] = m.Edits,
                ["buttons"] = new JsonArray([.. (m.Keyboard?.InlineKeyboard ?? []).Select(row => (JsonNode)new JsonArray([.. row.Select(b => (JsonNode)new JsonObject
                {
                    ["text"] = b.Text,
                    ["callback_data"] = b.CallbackData,
                })]))]),
            })]);
            return Results.Text(array.ToJsonString(), "application/json");
        });
        sandbox.MapPost("/redeliver/{updateId:int}", (int updateId) =>
        {
            Redeliver(updateId);
            return Results.Ok();
        });
        sandbox.MapPost("/faults", (SandboxFault f) =>
        {
            Fail(f.Method, f.ErrorCode, f.Count ?? 1, f.RetryAfter);
            return Results.Ok();
        });
    }

    private async Task<IResult> BotApiAsync(HttpContext http, string token, string method)
    {
        var payload = await ReadPayloadAsync(http.Request);
        lock (gate)
        {
            if (faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var fault))
            {
                calls.Add(new ApiCall(method, payload, DateTime.UtcNow, fault.ErrorCode));
                Signal();
                return fault.ErrorCode == 429
                    ? Error(429, $"Too Many Requests: retry after {fault.RetryAfter ?? 1}", fault.RetryAfter ?? 1)
                    : Error(fault.ErrorCode, fault.ErrorCode >= 500 ? "Internal Server Error" : "Bad Request: injected fault");
            }
        }
        if (!token.Contains(':', StringComparison.Ordinal))
        {
            return Error(401, "Unauthorized");
        }
        if (method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase))
        {
            return await GetUpdatesAsync(payload, http.RequestAborted);
        }
        lock (gate)
        {
            var result = Handle(method, payload, out var status);
            calls.Add(new ApiCall(method, payload, DateTime.UtcNow, status));
            Signal();
            return result;
        }
    }

    // Called under the lock.
    private IResult Handle(string method, JsonObject p, out int status)
    {
        status = 200;
        switch (method)
        {
            case "getMe":
                return Ok(BotUser);
            case "setMyCommands":
                commands[Str(p, "language_code") ?? ""] = JsonSerializer.Deserialize<List<BotCommand>>(p["commands"]?.ToJsonString() ?? "[]", JsonBotAPI.Options) ?? [];
                return Ok(true);
            case "getMyCommands":
                return Ok(commands.GetValueOrDefault(Str(p, "language_code") ?? "") ?? []);
            case "setWebhook":
                WebhookUrl = Str(p, "url") is { Length: > 0 } url ? url : null;
                WebhookSecret = Str(p, "secret_token");
                foreach (var update in pending.ToList())
                {
                    _ = Task.Run(() => DeliverToWebhook(update));
                }
                return Ok(true);
            case "deleteWebhook":
                WebhookUrl = null;
                WebhookSecret = null;
                return Ok(true);
            case "getWebhookInfo":
                return Ok(new WebhookInfo { Url = WebhookUrl ?? "", PendingUpdateCount = pending.Count });
            case "sendMessage":
                return SendMessage(p, out status);
            case "editMessageText":
            case "editMessageReplyMarkup":
                return EditMessage(method, p, out status);
            case "answerCallbackQuery":
                var queryId = Str(p, "callback_query_id") ?? "";
                if (callbackAnswers.ContainsKey(queryId))
                {
                    status = 400;
                    return Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
                }
                callbackAnswers[queryId] = Str(p, "text");
                var pressed = allUpdates.Values.FirstOrDefault(u => u.CallbackQuery?.Id == queryId);
                if (pressed?.CallbackQuery?.Message?.Chat.Id is { } callbackChat)
                {
                    MarkReplied(callbackChat);
                }
                return Ok(true);
            case "answerInlineQuery":
                var inlineId = Str(p, "inline_query_id") ?? "";
                var results = p["results"] as JsonArray ?? [];
                if (results.Count > 50)
                {
                    status = 400;
                    return Error(400, "Bad Request: RESULTS_TOO_MUCH");
                }
                inlineAnswers[inlineId] = new InlineAnswer(inlineId, (JsonArray)results.DeepClone(), Str(p, "next_offset"));
                var asked = allUpdates.Values.FirstOrDefault(u => u.InlineQuery?.Id == inlineId);
                if (asked?.InlineQuery?.From.Id is { } inlineUser)
                {
                    MarkReplied(inlineUser);
                }
                return Ok(true);
            default:
                status = 404;
                return Error(404, "Not Found: method not found");
        }
    }

    private IResult SendMessage(JsonObject p, out int status)
    {
        status = 400;
        if (!TryChat(p, out var chatId))
        {
            return Error(400, "Bad Request: chat not found");
        }
        var text = Str(p, "text") ?? "";
        var parseMode = Str(p, "parse_mode");
        if (TelegramHtml.Validate(text, string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase), out _) is { } error)
        {
            return Error(400, error);
        }
        if (!TryKeyboard(p, out var keyboard, out var keyboardError))
        {
            return Error(400, keyboardError!);
        }
        status = 200;
        var sent = new SentMessage(chatId, nextMessageId++, text, parseMode?.ToUpperInvariant(), keyboard, version + 1, 0);
        messages.Add(sent);
        MarkReplied(chatId);
        return Ok(ToMessage(sent));
    }

    private IResult EditMessage(string method, JsonObject p, out int status)
    {
        status = 400;
        if (!TryChat(p, out var chatId))
        {
            return Error(400, "Bad Request: chat not found");
        }
        var messageId = (int?)p["message_id"]?.GetValue<long>() ?? (int.TryParse(Str(p, "message_id"), CultureInfo.InvariantCulture, out var id) ? id : 0);
        var index = messages.FindLastIndex(m => m.ChatId == chatId && m.MessageId == messageId);
        if (index < 0)
        {
            return Error(400, "Bad Request: message to edit not found");
        }
        var old = messages[index];
        if (!TryKeyboard(p, out var keyboard, out var keyboardError))
        {
            return Error(400, keyboardError!);
        }
        var text = old.Text;
        var parseMode = old.ParseMode;
        if (method == "editMessageText")
        {
            text = Str(p, "text") ?? "";
            parseMode = Str(p, "parse_mode")?.ToUpperInvariant();
            if (TelegramHtml.Validate(text, parseMode == "HTML", out _) is { } error)
            {
                return Error(400, error);
            }
        }
        if (text == old.Text && KeyboardJson(keyboard) == KeyboardJson(old.Keyboard))
        {
            return Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
        }
        status = 200;
        var edited = old with { Text = text, ParseMode = parseMode, Keyboard = keyboard, Version = version + 1, Edits = old.Edits + 1 };
        messages[index] = edited;
        MarkReplied(chatId);
        return Ok(ToMessage(edited));
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject p, CancellationToken ct)
    {
        var offset = (long?)Num(p, "offset") ?? 0;
        var limit = (int)(Num(p, "limit") ?? 100);
        var timeout = Math.Min(Num(p, "timeout") ?? 0, 50);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (WebhookUrl is not null)
                {
                    calls.Add(new ApiCall("getUpdates", p, DateTime.UtcNow, 409));
                    return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
                }
                if (offset > 0)
                {
                    // An offset confirms every update before it.
                    pending.RemoveAll(u => u.Id < offset);
                }
                var batch = redelivered.Concat(pending).Take(limit).ToList();
                redelivered.Clear();
                if (batch.Count > 0 || DateTime.UtcNow >= deadline || ct.IsCancellationRequested)
                {
                    foreach (var update in batch)
                    {
                        MarkDelivered(update);
                    }
                    calls.Add(new ApiCall("getUpdates", p, DateTime.UtcNow, 200));
                    return Ok(batch);
                }
                signal = changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            try
            {
                await Task.WhenAny(signal, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, ct));
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task<JsonObject> ReadPayloadAsync(HttpRequest request)
    {
        var payload = new JsonObject();
        foreach (var (key, value) in request.Query)
        {
            payload[key] = value.ToString();
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                payload[key] = Parse(value.ToString());
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (body.Length > 0 && JsonNode.Parse(body) is JsonObject json)
            {
                foreach (var (key, value) in json.ToList())
                {
                    json.Remove(key);
                    payload[key] = value;
                }
            }
        }
        return payload;
    }

    // Form fields carry JSON for objects (reply_markup, results, commands).
    private static JsonNode? Parse(string value)
    {
        if (value.StartsWith('{') || value.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (JsonException)
            {
            }
        }
        return value;
    }

    private static string? Str(JsonObject p, string name) => p[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonNode n => n.ToJsonString(),
    };

    private static double? Num(JsonObject p, string name) => p[name] switch
    {
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static bool TryChat(JsonObject p, out long chatId)
    {
        chatId = 0;
        return p["chat_id"] is JsonValue v
            && (v.TryGetValue(out chatId) || (v.TryGetValue<string>(out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out chatId)));
    }

    private static bool TryKeyboard(JsonObject p, out InlineKeyboardMarkup? keyboard, out string? error)
    {
        keyboard = null;
        error = null;
        var node = p["reply_markup"];
        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            node = JsonNode.Parse(s);
        }
        if (node is null)
        {
            return true;
        }
        keyboard = JsonSerializer.Deserialize<InlineKeyboardMarkup>(node.ToJsonString(), JsonBotAPI.Options);
        foreach (var button in keyboard?.InlineKeyboard.SelectMany(r => r) ?? [])
        {
            if (button.CallbackData is { } data && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > 64))
            {
                error = "Bad Request: BUTTON_DATA_INVALID";
                return false;
            }
            if (string.IsNullOrEmpty(button.Text))
            {
                error = "Bad Request: text buttons are unallowed in the inline keyboard";
                return false;
            }
        }
        return true;
    }

    private static string KeyboardJson(InlineKeyboardMarkup? keyboard) =>
        keyboard is null ? "" : JsonSerializer.Serialize(keyboard, JsonBotAPI.Options);

    private static Message ToMessage(SentMessage sent) => new()
    {
        Id = sent.MessageId,
        Date = DateTime.UtcNow,
        Chat = new Chat { Id = sent.ChatId, Type = sent.ChatId > 0 ? ChatType.Private : ChatType.Group },
        From = BotUser,
        Text = sent.ParseMode == "HTML" ? Rendering.Html.ToPlain(sent.Text) : sent.Text,
        ReplyMarkup = sent.Keyboard,
        EditDate = sent.Edits > 0 ? DateTime.UtcNow : null,
    };

    private static IResult Ok<T>(T result) =>
        Results.Text(JsonSerializer.Serialize(new ApiResponse<T>(true, result), JsonBotAPI.Options), "application/json");

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, code);
    }

    private sealed record ApiResponse<T>(bool Ok, T Result);

    private sealed record SandboxMessage(long UserId, string Text, long? ChatId, string? FirstName, string? LanguageCode);

    private sealed record SandboxCallback(long UserId, int MessageId, string Data, long? ChatId, string? FirstName, string? LanguageCode);

    private sealed record SandboxInline(long UserId, string Query, string? Offset, string? LanguageCode);

    private sealed record SandboxFault(string Method, int ErrorCode, int? Count, int? RetryAfter);
}
