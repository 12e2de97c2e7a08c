using DndHelper.Api.Content;
using DndHelper.Api.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DndHelper.Api.Languages;

// ?lang= beats Accept-Language, which beats the configured default. An unknown ?lang= is the
// caller's mistake (400); an Accept-Language we cannot serve is only a preference, so it falls through.
public static class RequestLanguage
{
    public const string Parameter = "lang";

    public static bool TryResolve(HttpContext context, string? lang, out string language)
    {
        if (!string.IsNullOrWhiteSpace(lang))
        {
            var code = Supported(lang);
            language = code ?? "";
            if (code is null)
            {
                return false;
            }
        }
        else
        {
            language = FromAcceptLanguage(context.Request) ?? context.RequestServices.GetRequiredService<IOptions<LanguageOptions>>().Value.Default;
        }
        context.Response.Headers.ContentLanguage = language;
        context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        return true;
    }

    public static string Error(string? lang) =>
        $"'{lang}' is not a supported language; allowed values: {string.Join(", ", Codes.Languages)}.";

    // "ru", "RU" and "ru-RU" all mean Russian.
    public static string? Supported(string value)
    {
        var span = value.AsSpan().Trim();
        var dash = span.IndexOfAny('-', '_');
        if (dash > 0)
        {
            span = span[..dash];
        }
        foreach (var code in Codes.Languages)
        {
            if (span.Equals(code, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }
        return null;
    }

    private static string? FromAcceptLanguage(HttpRequest request)
    {
        if (!request.Headers.ContainsKey(HeaderNames.AcceptLanguage))
        {
            return null;
        }
        string? best = null;
        var bestQuality = 0.0;
        foreach (var entry in request.GetTypedHeaders().AcceptLanguage)
        {
            var quality = entry.Quality ?? 1.0;
            if (quality > bestQuality && entry.Value.Value is { } tag && Supported(tag) is { } code)
            {
                (best, bestQuality) = (code, quality);
            }
        }
        return best;
    }
}
