using System.Runtime.CompilerServices;

namespace DndHelper.Dice;

// Two passes over the tree. Roll draws every die left to right and runs the dice operators (the
// only steps that draw); Value then computes the exact result from the dice as they ended up.
// Group and set operators sit in between: a group's keep/drop flips flags on dice already
// rolled, and a set's keep/drop needs its elements' values, computed right after they roll.
// Both passes meet dice terms and sets in the same order, so results are found by cursor.
internal sealed class DiceEvaluator
{
    private readonly IDiceRandom _random;
    private readonly List<DiceTermResult> _terms = [];
    private List<bool[]>? _sets;
    private List<string>? _labels;
    private int _draws;

    private DiceEvaluator(IDiceRandom random)
    {
        _random = random;
    }

    public static DiceRoll Evaluate(RollExpression expression, IDiceRandom random)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(random);
        var rolled = ApplyAdvantage(expression.Root, expression.Advantage);
        var evaluator = new DiceEvaluator(random);
        evaluator.Roll(rolled);
        int termCursor = 0, setCursor = 0;
        var total = evaluator.Value(rolled, ref termCursor, ref setCursor).Floor();
        foreach (var term in evaluator._terms)
        {
            term.Complete();
        }

        return new DiceRoll(
            expression,
            rolled,
            total,
            evaluator.Critical(),
            evaluator._terms,
            (IReadOnlyList<string>?)evaluator._labels ?? [],
            expression.Comment)
        {
            SetKept = (IReadOnlyList<bool[]>?)evaluator._sets ?? [],
        };
    }

    // adv/dis/eadv rewrite the leftmost term when it is exactly 1d20; its own operators stay
    // after the inserted keep.
    internal static ExpressionNode ApplyAdvantage(ExpressionNode node, AdvantageMode mode)
    {
        if (mode == AdvantageMode.None)
        {
            return node;
        }

        return node switch
        {
            DiceTermNode { Count: 1, Sides: 20 } dice => dice with
            {
                Count = mode == AdvantageMode.ElvenAccuracy ? 3 : 2,
                Operations =
                [
                    new DiceOperation(
                        DiceOperatorKind.Keep,
                        new DiceSelector(mode == AdvantageMode.Disadvantage ? SelectorKind.Lowest : SelectorKind.Highest, 1)),
                    .. dice.Operations.AsSpan(),
                ],
            },
            UnaryNode unary => unary with { Operand = ApplyAdvantage(unary.Operand, mode) },
            BinaryNode binary => binary with { Left = ApplyAdvantage(binary.Left, mode) },
            LabelNode label => label with { Inner = ApplyAdvantage(label.Inner, mode) },
            GroupNode group => group with { Inner = ApplyAdvantage(group.Inner, mode) },
            SetNode { Elements.Count: > 0 } set => set with
            {
                Elements = [ApplyAdvantage(set.Elements[0], mode), .. set.Elements.AsSpan()[1..]],
            },
            _ => node,
        };
    }

    // The leftmost dice term decides: a d20 with exactly one kept die showing 20 or 1.
    private CriticalHit Critical()
    {
        if (_terms.Count == 0 || _terms[0].Term.Sides != 20)
        {
            return CriticalHit.None;
        }

        var kept = 0;
        var face = 0;
        foreach (var die in _terms[0].Dice)
        {
            if (die.Kept)
            {
                kept++;
                face = die.Face;
            }
        }

        return kept != 1 ? CriticalHit.None
            : face == 20 ? CriticalHit.Nat20
            : face == 1 ? CriticalHit.Nat1
            : CriticalHit.None;
    }

    private void Roll(ExpressionNode node)
    {
        switch (node)
        {
            case NumberNode:
                return;
            case DiceTermNode dice:
                RollTerm(dice);
                return;
            case UnaryNode unary:
                EnsureStack();
                Roll(unary.Operand);
                return;
            case BinaryNode binary:
                EnsureStack();
                Roll(binary.Left);
                Roll(binary.Right);
                return;
            case LabelNode label:
            {
                EnsureStack();
                var first = _terms.Count;
                Roll(label.Inner);
                for (var i = first; i < _terms.Count; i++)
                {
                    _terms[i].AddLabel(label.Label);
                }

                (_labels ??= []).Add(label.Label);
                return;
            }

            case GroupNode group:
            {
                EnsureStack();
                var first = _terms.Count;
                Roll(group.Inner);
                KeepOrDropInGroup(group.Operations.AsSpan(), first);
                return;
            }

            case SetNode set:
                EnsureStack();
                RollSet(set);
                return;
            default:
                throw new DiceException(DiceErrorKind.Syntax, 0, "The expression contains an unknown node.");
        }
    }

    private Rational Value(ExpressionNode node, ref int termCursor, ref int setCursor)
    {
        switch (node)
        {
            case NumberNode number:
                return Rational.FromInteger(number.Value, 0);
            case DiceTermNode dice:
                return Rational.FromInteger(_terms[termCursor++].Total, dice.Position);
            case UnaryNode unary:
                var operand = Value(unary.Operand, ref termCursor, ref setCursor);
                return unary.Operator == UnaryOperator.Minus ? Rational.Negate(operand) : operand;
            case BinaryNode binary:
                var left = Value(binary.Left, ref termCursor, ref setCursor);
                var right = Value(binary.Right, ref termCursor, ref setCursor);
                return Apply(binary, left, right);
            case LabelNode label:
                return Value(label.Inner, ref termCursor, ref setCursor);
            case GroupNode group:
                return Value(group.Inner, ref termCursor, ref setCursor);
            case SetNode set:
            {
                var elements = set.Elements.AsSpan();
                var values = new Rational[elements.Length];
                for (var i = 0; i < elements.Length; i++)
                {
                    values[i] = Value(elements[i], ref termCursor, ref setCursor);
                }

                var kept = _sets![setCursor++];
                var sum = Rational.Zero;
                for (var i = 0; i < values.Length; i++)
                {
                    if (kept[i])
                    {
                        sum = Rational.Add(sum, values[i], 0);
                    }
                }

                return sum;
            }

            default:
                throw new DiceException(DiceErrorKind.Syntax, 0, "The expression contains an unknown node.");
        }
    }

    private static Rational Apply(BinaryNode binary, Rational left, Rational right)
    {
        var at = binary.Position;
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
                return Rational.Add(left, right, at);
            case BinaryOperator.Subtract:
                return Rational.Subtract(left, right, at);
            case BinaryOperator.Multiply:
                return Rational.Multiply(left, right, at);
            case BinaryOperator.Divide or BinaryOperator.FloorDivide or BinaryOperator.Modulo when right.IsZero:
                throw new DiceException(DiceErrorKind.DivideByZero, at, $"Division by zero at position {at}.");
            case BinaryOperator.Divide:
                return Rational.Divide(left, right, at);
            case BinaryOperator.FloorDivide:
                return Rational.FloorDivide(left, right, at);
            case BinaryOperator.Modulo:
                return Rational.Modulo(left, right, at);
            default:
                var order = left.CompareTo(right);
                var holds = binary.Operator switch
                {
                    BinaryOperator.Equal => order == 0,
                    BinaryOperator.NotEqual => order != 0,
                    BinaryOperator.Less => order < 0,
                    BinaryOperator.Greater => order > 0,
                    BinaryOperator.LessOrEqual => order <= 0,
                    _ => order >= 0,
                };
                return Rational.FromInteger(holds ? 1 : 0, at);
        }
    }

    private void RollTerm(DiceTermNode node)
    {
        if (node.Count < 1 || node.Count > DiceLimits.MaxDiceCount)
        {
            throw new DiceException(DiceErrorKind.InvalidDie, node.Position, $"A roll takes 1 to {DiceLimits.MaxDiceCount} dice, not {node.Count}.");
        }

        if (node.Sides < 1 || node.Sides > DiceLimits.MaxSides)
        {
            throw new DiceException(DiceErrorKind.InvalidDie, node.Position, $"A die has 1 to {DiceLimits.MaxSides} sides, not {node.Sides}.");
        }

        if (_draws + node.Count > DiceLimits.MaxRolls)
        {
            throw TooManyRolls(node);
        }

        var term = new DiceTermResult(node);
        _terms.Add(term);
        for (var i = 0; i < node.Count; i++)
        {
            term.Add(new Die(node.Sides, Draw(node)));
        }

        // Adjacent repeats of one operator act as one with several selectors (2d20kh1kl1 keeps
        // both dice); mi/ma simply run in turn.
        var operations = node.Operations.AsSpan();
        var start = 0;
        while (start < operations.Length)
        {
            var kind = operations[start].Kind;
            var end = start + 1;
            if (kind is not (DiceOperatorKind.Minimum or DiceOperatorKind.Maximum))
            {
                while (end < operations.Length && operations[end].Kind == kind)
                {
                    end++;
                }
            }

            var run = operations[start..end];
            switch (kind)
            {
                case DiceOperatorKind.Keep or DiceOperatorKind.Drop:
                    KeepOrDrop(term, run);
                    break;
                case DiceOperatorKind.Reroll:
                    Reroll(term, run, once: false);
                    break;
                case DiceOperatorKind.RerollOnce:
                    Reroll(term, run, once: true);
                    break;
                case DiceOperatorKind.RerollAdd:
                    RerollAndAdd(term, run);
                    break;
                case DiceOperatorKind.Explode:
                    Explode(term, run);
                    break;
                case DiceOperatorKind.Minimum:
                    Clamp(term, run[0].Selector.Value, minimum: true);
                    break;
                case DiceOperatorKind.Maximum:
                    Clamp(term, run[0].Selector.Value, minimum: false);
                    break;
            }

            start = end;
        }
    }

    private int Draw(DiceTermNode node)
    {
        if (_draws >= DiceLimits.MaxRolls)
        {
            throw TooManyRolls(node);
        }

        _draws++;
        return _random.Roll(node.Sides);
    }

    private static DiceException TooManyRolls(DiceTermNode node) =>
        new(
            DiceErrorKind.TooManyRolls,
            node.Position,
            $"Too many dice at position {node.Position}: one roll may draw at most {DiceLimits.MaxRolls} dice, rerolls and explosions included.");

    private static bool MatchesAny(ReadOnlySpan<DiceOperation> run, int face)
    {
        foreach (var operation in run)
        {
            if (operation.Selector.Matches(face))
            {
                return true;
            }
        }

        return false;
    }

    // Breadth-first: every kept matching die is redrawn, then the new faces are checked again.
    private void Reroll(DiceTermResult term, ReadOnlySpan<DiceOperation> run, bool once)
    {
        bool any;
        do
        {
            any = false;
            for (var i = 0; i < term.Count; i++)
            {
                var die = term.Span[i];
                if (!die.Kept || !MatchesAny(run, die.Face))
                {
                    continue;
                }

                var history = die.RerolledFrom as List<int> ?? [];
                history.Add(die.Face);
                term.Span[i] = die with { Face = Draw(term.Term), RerolledFrom = history, ClampedFrom = null };
                any = true;
            }
        }
        while (any && !once);
    }

    // One extra die, the first time a kept die matches.
    private void RerollAndAdd(DiceTermResult term, ReadOnlySpan<DiceOperation> run)
    {
        for (var i = 0; i < term.Count; i++)
        {
            var die = term.Span[i];
            if (die.Kept && MatchesAny(run, die.Face))
            {
                term.Add(new Die(term.Term.Sides, Draw(term.Term)) { Added = true });
                return;
            }
        }
    }

    // Breadth-first: all kept dice that match now explode in order, then the new dice are checked.
    private void Explode(DiceTermResult term, ReadOnlySpan<DiceOperation> run)
    {
        var from = 0;
        while (from < term.Count)
        {
            var to = term.Count;
            for (var i = from; i < to; i++)
            {
                var die = term.Span[i];
                if (die.Kept && !die.Exploded && MatchesAny(run, die.Face))
                {
                    term.Span[i] = die with { Exploded = true };
                    term.Add(new Die(term.Term.Sides, Draw(term.Term)) { Added = true });
                }
            }

            from = to;
        }
    }

    private static void Clamp(DiceTermResult term, int bound, bool minimum)
    {
        var dice = term.Span;
        for (var i = 0; i < dice.Length; i++)
        {
            var die = dice[i];
            if (die.Kept && (minimum ? die.Face < bound : die.Face > bound))
            {
                dice[i] = die with { Face = bound, ClampedFrom = die.ClampedFrom ?? die.Face };
            }
        }
    }

    private static void KeepOrDrop(DiceTermResult term, ReadOnlySpan<DiceOperation> run)
    {
        var dice = term.Span;
        Span<int> faces = dice.Length <= 1024 ? stackalloc int[dice.Length] : new int[dice.Length];
        Span<bool> kept = dice.Length <= 1024 ? stackalloc bool[dice.Length] : new bool[dice.Length];
        for (var i = 0; i < dice.Length; i++)
        {
            faces[i] = dice[i].Face;
            kept[i] = dice[i].Kept;
        }

        Selection.KeepOrDrop(run, faces, kept);
        for (var i = 0; i < dice.Length; i++)
        {
            if (dice[i].Kept != kept[i])
            {
                dice[i] = dice[i] with { Kept = kept[i] };
            }
        }
    }

    // (2d6+1d8)kh1: the operators see every die rolled inside the parentheses as one pool.
    private void KeepOrDropInGroup(ReadOnlySpan<DiceOperation> operations, int firstTerm)
    {
        var count = 0;
        for (var t = firstTerm; t < _terms.Count; t++)
        {
            count += _terms[t].Count;
        }

        Span<int> faces = count <= 1024 ? stackalloc int[count] : new int[count];
        Span<bool> kept = count <= 1024 ? stackalloc bool[count] : new bool[count];
        var n = 0;
        for (var t = firstTerm; t < _terms.Count; t++)
        {
            foreach (var die in _terms[t].Span)
            {
                faces[n] = die.Face;
                kept[n++] = die.Kept;
            }
        }

        foreach (var run in Runs(operations))
        {
            Selection.KeepOrDrop(operations[run], faces, kept);
        }

        n = 0;
        for (var t = firstTerm; t < _terms.Count; t++)
        {
            var dice = _terms[t].Span;
            for (var i = 0; i < dice.Length; i++, n++)
            {
                if (dice[i].Kept != kept[n])
                {
                    dice[i] = dice[i] with { Kept = kept[n] };
                }
            }
        }
    }

    private void RollSet(SetNode set)
    {
        var elements = set.Elements.AsSpan();
        var values = new Rational[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            var termCursor = _terms.Count;
            var setCursor = _sets?.Count ?? 0;
            Roll(elements[i]);
            values[i] = Value(elements[i], ref termCursor, ref setCursor);
        }

        var kept = new bool[elements.Length];
        kept.AsSpan().Fill(true);
        var operations = set.Operations.AsSpan();
        foreach (var run in Runs(operations))
        {
            Selection.KeepOrDrop(operations[run], values, kept);
        }

        (_sets ??= []).Add(kept);
    }

    private static List<Range> Runs(ReadOnlySpan<DiceOperation> operations)
    {
        var runs = new List<Range>();
        var start = 0;
        while (start < operations.Length)
        {
            var end = start + 1;
            while (end < operations.Length && operations[end].Kind == operations[start].Kind)
            {
                end++;
            }

            runs.Add(start..end);
            start = end;
        }

        return runs;
    }

    private static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new DiceException(DiceErrorKind.Syntax, 0, "The expression is nested too deeply.");
        }
    }
}
