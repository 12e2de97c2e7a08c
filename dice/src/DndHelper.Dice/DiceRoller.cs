using System.Diagnostics.CodeAnalysis;

namespace DndHelper.Dice;

// The front door: parse, roll, or both. Any input gives either a result or a DiceException
// (a DiceError from the Try methods); no other exception comes out for any string.
public static class DiceRoller
{
    public static RollExpression Parse(string? input) => DiceParser.Parse(input);

    public static bool TryParse(
        string? input,
        [NotNullWhen(true)] out RollExpression? expression,
        [NotNullWhen(false)] out DiceError? error)
    {
        try
        {
            expression = DiceParser.Parse(input);
            error = null;
            return true;
        }
        catch (DiceException exception)
        {
            expression = null;
            error = exception.Error;
            return false;
        }
    }

    // The random source defaults to CryptoDiceRandom.Shared.
    public static DiceRoll Roll(string? input, IDiceRandom? random = null) =>
        DiceEvaluator.Evaluate(DiceParser.Parse(input), random ?? CryptoDiceRandom.Shared);

    public static DiceRoll Roll(RollExpression expression, IDiceRandom? random = null) =>
        DiceEvaluator.Evaluate(expression, random ?? CryptoDiceRandom.Shared);

    public static bool TryRoll(
        string? input,
        [NotNullWhen(true)] out DiceRoll? roll,
        [NotNullWhen(false)] out DiceError? error) =>
        TryRoll(input, null, out roll, out error);

    public static bool TryRoll(
        string? input,
        IDiceRandom? random,
        [NotNullWhen(true)] out DiceRoll? roll,
        [NotNullWhen(false)] out DiceError? error)
    {
        try
        {
            roll = Roll(input, random);
            error = null;
            return true;
        }
        catch (DiceException exception)
        {
            roll = null;
            error = exception.Error;
            return false;
        }
    }
}
