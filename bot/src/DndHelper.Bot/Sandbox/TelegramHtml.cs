using System.Net;
using System.Text;

namespace DndHelper.Bot.Sandbox;

// What Telegram checks in a message with parse_mode HTML: only its tags, properly nested and
// closed, entities it knows, and at most 4096 characters of text once the markup is gone.
public static class TelegramHtml
{
    public const int MaxLength = 4096;

    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    // Null when the text is valid; else Telegram's error description.
    public static string? Validate(string text, bool html, out string plain)
    {
        plain = text;
        if (!html)
        {
            return Check(text);
        }
        var output = new StringBuilder(text.Length);
        var open = new Stack<string>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '<')
            {
                var close = text.IndexOf('>', i);
                if (close < 0)
                {
                    return $"Bad Request: can't parse entities: Unclosed start tag at byte offset {i}";
                }
                var tag = text[(i + 1)..close];
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim();
                    if (open.Count == 0 || open.Peek() != name)
                    {
                        return $"Bad Request: can't parse entities: Unmatched end tag at byte offset {i}, expected \"</{(open.Count == 0 ? "" : open.Peek())}>\", found \"</{name}>\"";
                    }
                    open.Pop();
                }
                else
                {
                    var name = tag.Split(' ', 2)[0];
                    if (!Tags.Contains(name))
                    {
                        return $"Bad Request: can't parse entities: Unsupported start tag \"{name}\" at byte offset {i}";
                    }
                    open.Push(name);
                }
                i = close;
            }
            else if (c == '&')
            {
                var semi = text.IndexOf(';', i);
                var entity = semi < 0 ? "" : text[i..(semi + 1)];
                var decoded = entity.Length > 2 ? WebUtility.HtmlDecode(entity) : entity;
                if (entity.Length == 0 || decoded == entity)
                {
                    return $"Bad Request: can't parse entities: Unsupported entity at byte offset {i}";
                }
                output.Append(decoded);
                i = semi;
            }
            else if (c == '>')
            {
                return $"Bad Request: can't parse entities: Unexpected > at byte offset {i}";
            }
            else
            {
                output.Append(c);
            }
        }
        if (open.Count > 0)
        {
            return $"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{open.Peek()}\"";
        }
        plain = output.ToString();
        return Check(plain);
    }

    private static string? Check(string plain) =>
        plain.Trim().Length == 0 ? "Bad Request: message text is empty"
        : plain.Length > MaxLength ? "Bad Request: message is too long"
        : null;
}
