using System.Globalization;
using System.Text;

namespace DndHelper.Dice;

// Writes a tree back as text, in one of two modes: canonical notation (tree only), or the
// breakdown of a roll (each dice term followed by its dice, struck when dropped). Both put
// parentheses only where precedence needs them, so parse(canonical(tree)) == tree.
internal sealed class ExpressionWriter
{
    private const int ComparisonLevel = 0;
    private const int AdditiveLevel = 1;
    private const int MultiplicativeLevel = 2;
    private const int UnaryLevel = 3;
    private const int AtomLevel = 4;

    private readonly StringBuilder _text;
    private readonly DiceRoll? _roll;
    private readonly bool _html;
    private int _termCursor;
    private int _setCursor;

    private ExpressionWriter(StringBuilder text, DiceRoll? roll, bool html)
    {
        _text = text;
        _roll = roll;
        _html = html;
    }

    public static void WriteNotation(StringBuilder text, ExpressionNode node, bool html = false) =>
        new ExpressionWriter(text, null, html).Write(node, ComparisonLevel);

    public static void WriteBreakdown(StringBuilder text, DiceRoll roll, bool html) =>
        new ExpressionWriter(text, roll, html).Write(roll.Rolled, ComparisonLevel);

    private void Write(ExpressionNode node, int level)
    {
        switch (node)
        {
            case NumberNode number:
                _text.Append(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case DiceTermNode dice:
                WriteDice(dice);
                break;
            case UnaryNode unary:
                Open(level > UnaryLevel);
                _text.Append(unary.Operator == UnaryOperator.Minus ? '-' : '+');
                Write(unary.Operand, UnaryLevel);
                Close(level > UnaryLevel);
                break;
            case BinaryNode binary:
                var own = Level(binary.Operator);
                Open(level > own);

                // Left-associative, and comparisons don't chain: the right side binds tighter.
                Write(binary.Left, own == ComparisonLevel ? AdditiveLevel : own);
                _text.Append(' ');
                Escaped(Symbol(binary.Operator));
                _text.Append(' ');
                Write(binary.Right, own + 1);
                Close(level > own);
                break;
            case LabelNode label:
                Write(label.Inner, AtomLevel);
                if (_roll is not null)
                {
                    _text.Append(' ');
                }

                _text.Append('[');
                Escaped(label.Label);
                _text.Append(']');
                break;
            case GroupNode group:
                _text.Append('(');
                Write(group.Inner, ComparisonLevel);
                _text.Append(')');
                WriteOperations(group.Operations);
                break;
            case SetNode set:
                WriteSet(set);
                break;
        }
    }

    private void Open(bool needed)
    {
        if (needed)
        {
            _text.Append('(');
        }
    }

    private void Close(bool needed)
    {
        if (needed)
        {
            _text.Append(')');
        }
    }

    private void WriteSet(SetNode set)
    {
        _text.Append('(');
        var elements = set.Elements.AsSpan();
        Span<int> starts = elements.Length <= 256 ? stackalloc int[elements.Length] : new int[elements.Length];
        Span<int> ends = elements.Length <= 256 ? stackalloc int[elements.Length] : new int[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            starts[i] = _text.Length;
            Write(elements[i], ComparisonLevel);
            ends[i] = _text.Length;
        }

        if (elements.Length == 1)
        {
            _text.Append(',');
        }

        _text.Append(')');
        WriteOperations(set.Operations);

        // Sets are met in post-order, like the evaluator stored them: after their elements.
        if (_roll is not null && _setCursor < _roll.SetKept.Count)
        {
            var kept = _roll.SetKept[_setCursor++];
            for (var i = elements.Length - 1; i >= 0; i--)
            {
                if (i < kept.Length && !kept[i])
                {
                    _text.Insert(ends[i], StrikeClose);
                    _text.Insert(starts[i], StrikeOpen);
                }
            }
        }
    }

    private string StrikeOpen => _html ? "<s>" : "~~";

    private string StrikeClose => _html ? "</s>" : "~~";

    private void WriteDice(DiceTermNode dice)
    {
        _text.Append(dice.Count.ToString(CultureInfo.InvariantCulture)).Append('d');
        if (dice.Percentile && dice.Sides == 100)
        {
            _text.Append('%');
        }
        else
        {
            _text.Append(dice.Sides.ToString(CultureInfo.InvariantCulture));
        }

        WriteOperations(dice.Operations);
        if (_roll is null || _termCursor >= _roll.Terms.Count)
        {
            return;
        }

        _text.Append(" (");
        var first = true;
        foreach (var die in _roll.Terms[_termCursor++].Dice)
        {
            foreach (var previous in die.RerolledFrom)
            {
                Separator(ref first);
                Struck(previous);
            }

            Separator(ref first);
            if (die.Kept)
            {
                _text.Append(die.Face.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                Struck(die.Face);
            }

            if (die.Exploded)
            {
                _text.Append('!');
            }
        }

        _text.Append(')');
    }

    private void Separator(ref bool first)
    {
        if (!first)
        {
            _text.Append(", ");
        }

        first = false;
    }

    private void Struck(int face) =>
        _text.Append(StrikeOpen).Append(face.ToString(CultureInfo.InvariantCulture)).Append(StrikeClose);

    private void WriteOperations(EquatableArray<DiceOperation> operations)
    {
        foreach (var operation in operations)
        {
            var (name, bare) = operation.Kind switch
            {
                DiceOperatorKind.Keep => ("k", SelectorKind.Highest),
                DiceOperatorKind.Drop => ("d", SelectorKind.Lowest),
                DiceOperatorKind.Reroll => ("rr", SelectorKind.Equal),
                DiceOperatorKind.RerollOnce => ("ro", SelectorKind.Equal),
                DiceOperatorKind.RerollAdd => ("ra", SelectorKind.Equal),
                DiceOperatorKind.Explode => ("e", SelectorKind.Equal),
                DiceOperatorKind.Minimum => ("mi", SelectorKind.Equal),
                _ => ("ma", SelectorKind.Equal),
            };
            _text.Append(name);
            var selector = operation.Selector;

            // Keep and drop spell out h/l so that "k=3" and "kh3" stay distinct; faces write "=" as nothing.
            var prefix = selector.Kind switch
            {
                SelectorKind.Highest => "h",
                SelectorKind.Lowest => "l",
                SelectorKind.Greater => ">",
                SelectorKind.Less => "<",
                SelectorKind.GreaterOrEqual => ">=",
                SelectorKind.LessOrEqual => "<=",
                _ => bare == SelectorKind.Equal ? "" : "=",
            };
            Escaped(prefix);
            _text.Append(selector.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Escaped(string text)
    {
        if (!_html)
        {
            _text.Append(text);
            return;
        }

        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => _text.Append("&lt;"),
                '>' => _text.Append("&gt;"),
                '&' => _text.Append("&amp;"),
                '"' => _text.Append("&quot;"),
                _ => _text.Append(c),
            };
        }
    }

    private static int Level(BinaryOperator op) => op switch
    {
        BinaryOperator.Add or BinaryOperator.Subtract => AdditiveLevel,
        BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.FloorDivide or BinaryOperator.Modulo => MultiplicativeLevel,
        _ => ComparisonLevel,
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.FloorDivide => "//",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.Greater => ">",
        BinaryOperator.LessOrEqual => "<=",
        _ => ">=",
    };
}
