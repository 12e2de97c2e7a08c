using System.Net;

namespace DndHelper.Bot.Rendering;

public static class Html
{
    // Telegram HTML needs only these three escaped; quotes matter inside attributes, which we never fill from users.
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Bold(string? text) => "<b>" + Escape(text) + "</b>";

    public static string Italic(string? text) => "<i>" + Escape(text) + "</i>";

    // Plain text of a Telegram HTML message, for logs, inline descriptions and the terminal chat.
    public static string ToPlain(string html)
    {
        var text = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }
        return WebUtility.HtmlDecode(text.ToString());
    }
}
