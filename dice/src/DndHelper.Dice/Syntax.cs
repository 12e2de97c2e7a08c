namespace DndHelper.Dice;

// The syntax tree. Parentheses that only group leave no node behind (the canonical renderer puts
// back the ones precedence needs); a group node exists only when operators follow the ')'.
// Source positions are kept for error messages but take no part in equality.
public abstract record ExpressionNode
{
    // Closed hierarchy: the evaluator and renderers handle exactly the node types below.
    private protected ExpressionNode()
    {
    }
}

public sealed record NumberNode(long Value) : ExpressionNode;

public sealed record DiceTermNode(int Count, int Sides, EquatableArray<DiceOperation> Operations) : ExpressionNode
{
    // Written as d% rather than d100; the same die either way.
    public bool Percentile { get; init; }

    public int Position { get; init; }

    public bool Equals(DiceTermNode? other) =>
        other is not null
        && Count == other.Count
        && Sides == other.Sides
        && Percentile == other.Percentile
        && Operations.Equals(other.Operations);

    public override int GetHashCode() => HashCode.Combine(Count, Sides, Percentile, Operations);
}

public sealed record UnaryNode(UnaryOperator Operator, ExpressionNode Operand) : ExpressionNode;

public sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode
{
    public int Position { get; init; }

    public bool Equals(BinaryNode? other) =>
        other is not null
        && Operator == other.Operator
        && Left.Equals(other.Left)
        && Right.Equals(other.Right);

    public override int GetHashCode() => HashCode.Combine(Operator, Left, Right);
}

public sealed record LabelNode(ExpressionNode Inner, string Label) : ExpressionNode;

// (2d6)kh1: the operations act on the dice inside.
public sealed record GroupNode(ExpressionNode Inner, EquatableArray<DiceOperation> Operations) : ExpressionNode;

// (2d6, 1d8)kh1: the operations act on the elements' totals.
public sealed record SetNode(EquatableArray<ExpressionNode> Elements, EquatableArray<DiceOperation> Operations) : ExpressionNode;

public sealed record RollExpression(ExpressionNode Root, string? Comment, AdvantageMode Advantage);

public enum UnaryOperator
{
    Plus,
    Minus,
}

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    FloorDivide,
    Modulo,
    Equal,
    NotEqual,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}

public enum AdvantageMode
{
    None,
    Advantage,
    Disadvantage,

    // "eadv": elven accuracy, three d20s keep the best.
    ElvenAccuracy,
}

public enum DiceOperatorKind
{
    Keep,
    Drop,
    Reroll,
    RerollOnce,
    RerollAdd,
    Explode,
    Minimum,
    Maximum,
}

public enum SelectorKind
{
    Equal,
    Highest,
    Lowest,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
}

public readonly record struct DiceSelector(SelectorKind Kind, int Value)
{
    public bool Matches(long face) => Kind switch
    {
        SelectorKind.Equal => face == Value,
        SelectorKind.Greater => face > Value,
        SelectorKind.Less => face < Value,
        SelectorKind.GreaterOrEqual => face >= Value,
        SelectorKind.LessOrEqual => face <= Value,
        _ => false,
    };
}

// Minimum and Maximum carry their bound as an Equal selector.
public readonly record struct DiceOperation(DiceOperatorKind Kind, DiceSelector Selector);
