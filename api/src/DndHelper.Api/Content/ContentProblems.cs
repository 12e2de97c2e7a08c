using Microsoft.AspNetCore.Http.HttpResults;

namespace DndHelper.Api.Content;

public static class ContentProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    // "123" is an id, anything else a slug; a slug that cannot exist is simply not found.
    public static bool TryParseIdOrSlug(string idOrSlug, out int? id, out string? slug)
    {
        id = null;
        slug = null;
        if (int.TryParse(idOrSlug, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            id = number;
            return true;
        }
        var lower = idOrSlug.ToLowerInvariant();
        if (lower.Length is > 0 and <= 100 && lower.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            slug = lower;
            return true;
        }
        return false;
    }
}
