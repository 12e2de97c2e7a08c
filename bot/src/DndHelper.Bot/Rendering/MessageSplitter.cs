using System.Text;

namespace DndHelper.Bot.Rendering;

// Splits a Telegram HTML text into messages of at most `limit` characters. It cuts at line
// boundaries (a paragraph, then a word when one line alone is too long), never inside a tag or an
// entity; tags still open at a cut are closed there and opened again in the next message, so every
// part parses on its own.
public static class MessageSplitter
{
    public const int TelegramLimit = 4096;

    public static IReadOnlyList<string> Split(string html, int limit = TelegramLimit)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 64);
        if (html.Length <= limit)
        {
            return [html];
        }

        var parts = new List<string>();
        var open = new List<(string Name, string Tag)>();
        var current = new StringBuilder();
        var pos = 0;
        while (pos < html.Length)
        {
            var prefix = string.Concat(open.Select(t => t.Tag));
            current.Clear().Append(prefix);
            var budget = limit - prefix.Length;
            var end = FindCut(html, pos, budget, open, out var openAtCut);
            current.Append(html, pos, end - pos);
            open = openAtCut;
            var text = current.ToString().TrimEnd('\n');
            var closing = string.Concat(Enumerable.Reverse(open).Select(t => "</" + t.Name + ">"));
            parts.Add(text + closing);
            pos = end;
            while (pos < html.Length && html[pos] == '\n')
            {
                pos++;
            }
        }
        return parts.Where(p => Html.ToPlain(p).Trim().Length > 0).ToList();
    }

    // The end of the next part: the last newline (or else the last space) that fits, with room for
    // closing tags; walks tags and entities so it never cuts inside one.
    private static int FindCut(string html, int start, int budget, List<(string Name, string Tag)> openAtStart, out List<(string Name, string Tag)> openAtCut)
    {
        var open = openAtStart.ToList();
        int lastNewline = -1, lastSpace = -1, lastSafe = -1;
        List<(string, string)>? openAtNewline = null, openAtSpace = null, openAtSafe = null;
        var i = start;
        while (i < html.Length)
        {
            var closeCost = open.Sum(t => t.Name.Length + 3);
            var c = html[i];
            int next;
            if (c == '<')
            {
                var close = html.IndexOf('>', i);
                next = close < 0 ? html.Length : close + 1;
                var tag = html[i..next];
                if (tag.StartsWith("</", StringComparison.Ordinal))
                {
                    if (open.Count > 0)
                    {
                        open.RemoveAt(open.Count - 1);
                    }
                }
                else
                {
                    var name = tag[1..^1].Split(' ', 2)[0];
                    open.Add((name, tag));
                }
            }
            else if (c == '&')
            {
                var semi = html.IndexOf(';', i);
                next = semi < 0 || semi - i > 10 ? i + 1 : semi + 1;
            }
            else
            {
                next = char.IsHighSurrogate(c) && i + 1 < html.Length ? i + 2 : i + 1;
            }

            var closeCostAfter = open.Sum(t => t.Name.Length + 3);
            if (next - start + Math.Max(closeCost, closeCostAfter) > budget)
            {
                break;
            }
            i = next;
            if (c == '\n')
            {
                lastNewline = i;
                openAtNewline = open.ToList();
            }
            else if (c == ' ')
            {
                lastSpace = i;
                openAtSpace = open.ToList();
            }
            lastSafe = i;
            openAtSafe = open.ToList();
        }

        if (i >= html.Length)
        {
            openAtCut = open;
            return html.Length;
        }
        if (lastNewline > start)
        {
            openAtCut = openAtNewline!;
            return lastNewline;
        }
        if (lastSpace > start)
        {
            openAtCut = openAtSpace!;
            return lastSpace;
        }
        if (lastSafe > start)
        {
            openAtCut = openAtSafe!;
            return lastSafe;
        }
        throw new InvalidOperationException("a single tag is longer than the message limit");
    }
}
