using Microsoft.AspNetCore.Http.HttpResults;

namespace DndHelper.Api.Content;

public static class ContentProblems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);
}
