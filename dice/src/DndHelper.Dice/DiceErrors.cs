namespace DndHelper.Dice;

public enum DiceErrorKind
{
    Syntax,
    TooManyRolls,
    DivideByZero,
    InvalidDie,
    Ambiguous,
}

/// <summary>What went wrong with an expression: the kind, the 0-based position in the input, and an English message.</summary>
public sealed record DiceError(DiceErrorKind Kind, int Position, string Message);

// The only exception the engine lets out, whatever the input.
public sealed class DiceException : Exception
{
    public DiceException()
        : this(DiceErrorKind.Syntax, 0, "The dice expression is not valid.")
    {
    }

    public DiceException(string message)
        : this(DiceErrorKind.Syntax, 0, message)
    {
    }

    public DiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = DiceErrorKind.Syntax;
    }

    public DiceException(DiceErrorKind kind, int position, string message)
        : base(message)
    {
        Kind = kind;
        Position = position;
    }

    public DiceErrorKind Kind { get; }

    public int Position { get; }

    public DiceError Error => new(Kind, Position, Message);
}
