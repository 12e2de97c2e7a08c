using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DndHelper.Bot.Rendering;

namespace DndHelper.Bot.Sandbox;

// ./dnd chat: talk to the sandbox bot from a terminal. A line is a message; a number presses that
// button of the last message shown; "@text" is an inline query; "/quit" leaves.
public sealed class TerminalChat(Uri fakeTelegram, long userId, string firstName, string language, TextReader input, TextWriter output)
{
    private readonly Dictionary<int, (int MessageId, string Data)> buttons = [];
    private long seen;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = fakeTelegram, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await http.GetStringAsync(new Uri("health", UriKind.Relative), ct);
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"The sandbox Telegram server at {fakeTelegram} is not answering ({e.Message}). Start it with ./dnd up.");
            return 1;
        }
        seen = await LatestVersionAsync(http, ct);
        await output.WriteLineAsync("DnD Helper sandbox chat. Type a message (try /start); a number presses a button; @text is an inline query; /quit leaves.");
        while (!ct.IsCancellationRequested)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(ct);
            if (line is null || line.Trim() == "/quit")
            {
                return 0;
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                await ShowNewAsync(http, TimeSpan.FromMilliseconds(300), ct);
                continue;
            }
            if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && buttons.TryGetValue(number, out var button))
            {
                await PostAsync(http, "sandbox/callbacks", new JsonObject
                {
                    ["user_id"] = userId, ["message_id"] = button.MessageId, ["data"] = button.Data, ["first_name"] = firstName, ["language_code"] = language,
                }, ct);
            }
            else if (line.StartsWith('@'))
            {
                var response = await PostAsync(http, "sandbox/inline", new JsonObject { ["user_id"] = userId, ["query"] = line[1..], ["language_code"] = language }, ct);
                await ShowInlineAsync(http, response?["inline_query_id"]?.GetValue<string>(), ct);
                continue;
            }
            else
            {
                await PostAsync(http, "sandbox/messages", new JsonObject
                {
                    ["user_id"] = userId, ["text"] = line, ["first_name"] = firstName, ["language_code"] = language,
                }, ct);
            }
            // The first reply after a start can take a few seconds while the bot and the API warm up.
            await ShowNewAsync(http, TimeSpan.FromSeconds(10), ct);
        }
        return 0;
    }

    private static async Task<JsonNode?> PostAsync(HttpClient http, string path, JsonObject body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
    }

    private static async Task<long> LatestVersionAsync(HttpClient http, CancellationToken ct)
    {
        var all = JsonNode.Parse(await http.GetStringAsync(new Uri("sandbox/messages", UriKind.Relative), ct))!.AsArray();
        return all.Select(m => m!["version"]!.GetValue<long>()).DefaultIfEmpty(0).Max();
    }

    // Prints what the bot sent or edited since last time; waits up to `wait` for the first of it.
    private async Task ShowNewAsync(HttpClient http, TimeSpan wait, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + wait;
        var printed = false;
        while (!ct.IsCancellationRequested)
        {
            var fresh = JsonNode.Parse(await http.GetStringAsync(new Uri($"sandbox/messages?since={seen}", UriKind.Relative), ct))!.AsArray()
                .Where(m => m!["chat_id"]!.GetValue<long>() == userId)
                .OrderBy(m => m!["version"]!.GetValue<long>())
                .ToList();
            foreach (var message in fresh)
            {
                await PrintAsync(message!);
                seen = Math.Max(seen, message!["version"]!.GetValue<long>());
                printed = true;
            }
            if (printed)
            {
                // More parts of a long card may follow right behind.
                await Task.Delay(250, ct);
                var more = JsonNode.Parse(await http.GetStringAsync(new Uri($"sandbox/messages?since={seen}", UriKind.Relative), ct))!.AsArray()
                    .Any(m => m!["chat_id"]!.GetValue<long>() == userId);
                if (!more)
                {
                    return;
                }
                continue;
            }
            if (DateTime.UtcNow > deadline)
            {
                return;
            }
            await Task.Delay(100, ct);
        }
    }

    private async Task PrintAsync(JsonNode message)
    {
        var edited = message["edits"]!.GetValue<int>() > 0;
        var text = message["parse_mode"]?.GetValue<string>() == "HTML" ? Html.ToPlain(message["text"]!.GetValue<string>()) : message["text"]!.GetValue<string>();
        await output.WriteLineAsync();
        await output.WriteLineAsync(edited ? "bot (edited):" : "bot:");
        foreach (var line in text.Split('\n'))
        {
            await output.WriteLineAsync("  " + line);
        }
        var rows = message["buttons"]!.AsArray();
        if (rows.Count == 0)
        {
            return;
        }
        buttons.Clear();
        var number = 1;
        foreach (var row in rows)
        {
            var cells = new List<string>();
            foreach (var button in row!.AsArray())
            {
                buttons[number] = (message["message_id"]!.GetValue<int>(), button!["callback_data"]?.GetValue<string>() ?? "");
                cells.Add($"[{number++}] {button["text"]!.GetValue<string>()}");
            }
            await output.WriteLineAsync("  " + string.Join("   ", cells));
        }
    }

    private async Task ShowInlineAsync(HttpClient http, string? queryId, CancellationToken ct)
    {
        for (var i = 0; i < 30 && queryId is not null; i++)
        {
            using var response = await http.GetAsync(new Uri("sandbox/inline/" + queryId, UriKind.Relative), ct);
            if (response.IsSuccessStatusCode)
            {
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
                await output.WriteLineAsync("inline results:");
                foreach (var result in answer["results"]!.AsArray())
                {
                    await output.WriteLineAsync($"  • {result!["title"]} — {result["description"]}");
                }
                return;
            }
            await Task.Delay(100, ct);
        }
        await output.WriteLineAsync("(no inline answer)");
    }
}
