using DndHelper.Contracts.Dice;
using DndHelper.Dice;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DndHelper.Api.Dice;

public static class DiceApi
{
    public static IEndpointRouteBuilder MapDiceApi(this IEndpointRouteBuilder app)
    {
        // "public" is ApiServices.PublicRateLimit: rolling is open to anyone, so it is throttled.
        var group = app.MapGroup("/dice").WithTags("Dice").RequireRateLimiting("public");
        group.MapPost("/roll", Roll)
            .WithName("RollDice")
            .WithSummary("Roll a dice expression such as 4d6kh3, 1d20+5 adv or 8d6mi2+1d4[fire].")
            .WithDescription("A bad expression gives 400 with the error kind, its 0-based position and a message.");
        return app;
    }

    // A missing body and a missing expression both end up as the engine's "empty expression" error.
    private static Results<Ok<DiceRollResponse>, ProblemHttpResult> Roll(DiceRollRequest? request) =>
        DiceRoller.TryRoll(request?.Expression, out var roll, out var error)
            ? TypedResults.Ok(ToResponse(roll))
            : Problem(error);

    private static ProblemHttpResult Problem(DiceError error) =>
        TypedResults.Problem(
            detail: error.Message,
            statusCode: StatusCodes.Status400BadRequest,
            title: error.Kind switch
            {
                DiceErrorKind.Syntax => "Dice expression syntax error",
                DiceErrorKind.TooManyRolls => "Too many dice rolled",
                DiceErrorKind.DivideByZero => "Division by zero in dice expression",
                DiceErrorKind.InvalidDie => "Invalid die",
                _ => "Ambiguous dice expression",
            },
            extensions: new Dictionary<string, object?>
            {
                ["kind"] = error.Kind.ToString(),
                ["position"] = error.Position,
                ["field"] = "expression",
            });

    private static DiceRollResponse ToResponse(DiceRoll roll) =>
        new(
            DiceNotation.Format(roll.Rolled),
            roll.Total,
            roll.Critical switch
            {
                CriticalHit.Nat20 => DiceCritical.Nat20,
                CriticalHit.Nat1 => DiceCritical.Nat1,
                _ => null,
            },
            [.. roll.Terms.Select(ToBreakdown)],
            roll.Labels,
            roll.Comment,
            new DiceRenderedText(roll.ToPlainText(), roll.ToHtml()));

    private static DiceTermBreakdown ToBreakdown(DiceTermResult term) =>
        new(
            DiceNotation.Format(term.Term),
            term.Term.Sides,
            term.Total,
            [.. term.Dice.Select(die => new RolledDie(die.Face, die.Kept, die.RerolledFrom, die.Exploded, die.Added, die.Clamped, die.ClampedFrom))],
            term.Labels);
}
