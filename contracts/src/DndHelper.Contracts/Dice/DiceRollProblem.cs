namespace DndHelper.Contracts.Dice;

// The 400 body of POST /dice/roll: an RFC 9457 problem with the dice error in extensions.
// Kind is one of DiceErrorKinds; Position is 0-based in the expression; Field is "expression".
public sealed record DiceRollProblem(
    string? Title,
    string? Detail,
    int? Status,
    string? Kind,
    int? Position,
    string? Field);

public static class DiceErrorKinds
{
    public const string Syntax = "Syntax";
    public const string TooManyRolls = "TooManyRolls";
    public const string DivideByZero = "DivideByZero";
    public const string InvalidDie = "InvalidDie";
    public const string Ambiguous = "Ambiguous";
}
