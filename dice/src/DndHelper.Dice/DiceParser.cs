using System.Runtime.CompilerServices;

namespace DndHelper.Dice;

// Hand-written recursive descent over the grammar in shared/design/dice-notation.md, one method
// per rule. A ref struct so that parsing allocates nothing but the tree.
internal ref struct DiceParser
{
    private readonly string _text;
    private int _end;
    private int _pos;

    private DiceParser(string text)
    {
        _text = text;
        _end = text.Length;
    }

    public static RollExpression Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            throw new DiceException(DiceErrorKind.Syntax, 0, "The expression is empty: try something like 1d20+5.");
        }

        if (input.Length > DiceLimits.MaxInputLength)
        {
            throw new DiceException(
                DiceErrorKind.Syntax,
                DiceLimits.MaxInputLength,
                $"The expression is {input.Length} characters long; at most {DiceLimits.MaxInputLength} are allowed.");
        }

        var parser = new DiceParser(input);
        return parser.ParseRoll();
    }

    private RollExpression ParseRoll()
    {
        var advantage = StripAdvantage();
        var root = ParseExpression();
        var comment = ParseComment();
        return new RollExpression(root, comment, advantage);
    }

    // roll := expression [comment] [" " ("adv" | "dis" | "eadv")]: the keyword is the last word,
    // after whitespace, with something before it.
    private AdvantageMode StripAdvantage()
    {
        var end = _text.Length;
        while (end > 0 && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }

        _end = end;
        var start = end;
        while (start > 0 && !char.IsWhiteSpace(_text[start - 1]))
        {
            start--;
        }

        var word = _text.AsSpan(start, end - start);
        var mode = word.Equals("adv", StringComparison.OrdinalIgnoreCase) ? AdvantageMode.Advantage
            : word.Equals("dis", StringComparison.OrdinalIgnoreCase) ? AdvantageMode.Disadvantage
            : word.Equals("eadv", StringComparison.OrdinalIgnoreCase) ? AdvantageMode.ElvenAccuracy
            : AdvantageMode.None;
        if (mode == AdvantageMode.None || start == 0)
        {
            return AdvantageMode.None;
        }

        var before = start;
        while (before > 0 && char.IsWhiteSpace(_text[before - 1]))
        {
            before--;
        }

        if (before == 0)
        {
            return AdvantageMode.None;
        }

        _end = before;
        return mode;
    }

    private string? ParseComment()
    {
        SkipWhitespace();
        if (_pos >= _end)
        {
            return null;
        }

        var at = _pos;
        var c = _text[at];
        if (c == '#')
        {
            return CommentText(at + 1);
        }

        if (c == '/' && Peek(1) == '/')
        {
            return CommentText(at + 2);
        }

        var afterSpace = at > 0 && char.IsWhiteSpace(_text[at - 1]);
        if (afterSpace && (StartsLikeDiceOperator(at) || StartsLikeDice(at)) && !IsExpressionChar(c))
        {
            throw new DiceException(
                DiceErrorKind.Syntax,
                at,
                $"Unexpected '{Snippet(at)}' at position {at}: dice operators follow the dice without a space (write 4d6kh3, not 4d6 kh3), and terms are joined with + or -.");
        }

        if (!afterSpace || IsExpressionChar(c))
        {
            throw Unexpected(at);
        }

        return CommentText(at);
    }

    private readonly string? CommentText(int start)
    {
        var text = _text.AsSpan(start, _end - start).Trim();
        return text.IsEmpty ? null : text.ToString();
    }

    // expression := additive [ comparison additive ]
    private ExpressionNode ParseExpression()
    {
        var left = ParseAdditive();
        SkipWhitespace();
        var op = PeekComparison(out var length);
        if (op is null)
        {
            return left;
        }

        var at = _pos;
        _pos += length;
        var right = ParseAdditive();
        return new BinaryNode(op.Value, left, right) { Position = at };
    }

    private readonly BinaryOperator? PeekComparison(out int length)
    {
        length = 2;
        switch (Peek())
        {
            case '=' when Peek(1) == '=':
                return BinaryOperator.Equal;
            case '!' when Peek(1) == '=':
                return BinaryOperator.NotEqual;
            case '<' when Peek(1) == '=':
                return BinaryOperator.LessOrEqual;
            case '>' when Peek(1) == '=':
                return BinaryOperator.GreaterOrEqual;
            case '<':
                length = 1;
                return BinaryOperator.Less;
            case '>':
                length = 1;
                return BinaryOperator.Greater;
            default:
                length = 0;
                return null;
        }
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            SkipWhitespace();
            var c = Peek();
            if (c != '+' && c != '-')
            {
                return left;
            }

            var at = _pos++;
            var right = ParseMultiplicative();
            left = new BinaryNode(c == '+' ? BinaryOperator.Add : BinaryOperator.Subtract, left, right) { Position = at };
        }
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipWhitespace();
            var at = _pos;
            BinaryOperator op;
            switch (Peek())
            {
                case '*':
                    op = BinaryOperator.Multiply;
                    _pos++;
                    break;
                case '%':
                    op = BinaryOperator.Modulo;
                    _pos++;
                    break;
                case '/' when Peek(1) == '/':
                    // "// text" is a comment unless an operand follows.
                    if (!OperandFollows(at + 2))
                    {
                        return left;
                    }

                    op = BinaryOperator.FloorDivide;
                    _pos += 2;
                    break;
                case '/':
                    op = BinaryOperator.Divide;
                    _pos++;
                    break;
                default:
                    return left;
            }

            var right = ParseUnary();
            left = new BinaryNode(op, left, right) { Position = at };
        }
    }

    private readonly bool OperandFollows(int from)
    {
        var i = from;
        while (i < _end && char.IsWhiteSpace(_text[i]))
        {
            i++;
        }

        if (i >= _end)
        {
            // "10 //" reads as a missing divisor, not as an empty comment.
            return true;
        }

        var c = _text[i];
        return char.IsAsciiDigit(c) || c is '(' or '+' or '-' || StartsLikeDice(i);
    }

    // unary := { "+" | "-" } atom
    private ExpressionNode ParseUnary()
    {
        SkipWhitespace();
        var c = Peek();
        if (c != '+' && c != '-')
        {
            return ParseAtom();
        }

        _pos++;
        EnsureStack(_pos - 1);
        var operand = ParseUnary();
        return new UnaryNode(c == '+' ? UnaryOperator.Plus : UnaryOperator.Minus, operand);
    }

    // atom := ( dice | set | "(" expression ")" | integer ) { "[" label "]" }
    private ExpressionNode ParseAtom()
    {
        SkipWhitespace();
        if (_pos >= _end)
        {
            throw new DiceException(
                DiceErrorKind.Syntax,
                _pos,
                _pos == 0 || _text.AsSpan(0, _pos).IsWhiteSpace()
                    ? "The expression is empty: try something like 1d20+5."
                    : $"The expression ends too early at position {_pos}: a number, a die or '(' should follow.");
        }

        var c = _text[_pos];
        ExpressionNode atom;
        if (char.IsAsciiDigit(c))
        {
            atom = ParseNumberOrDice();
        }
        else if (c is 'd' or 'D')
        {
            atom = ParseDice(1, _pos);
        }
        else if (c == '(')
        {
            atom = ParseParenthesized();
        }
        else
        {
            throw new DiceException(
                DiceErrorKind.Syntax,
                _pos,
                $"Unexpected '{Snippet(_pos)}' at position {_pos}: expected a number, a die like 1d20, or '('.");
        }

        return ParseLabels(atom);
    }

    private ExpressionNode ParseNumberOrDice()
    {
        var start = _pos;
        var value = ReadInteger(out var overflow);
        if (Peek() is 'd' or 'D')
        {
            return ParseDice(overflow || value > int.MaxValue ? int.MaxValue : (int)value, start);
        }

        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            throw new DiceException(DiceErrorKind.Syntax, _pos, $"Decimal numbers are not allowed (position {_pos}): use whole numbers only.");
        }

        if (overflow)
        {
            throw new DiceException(DiceErrorKind.Syntax, start, $"The number at position {start} is too large.");
        }

        return new NumberNode(value);
    }

    // dice := [count] ("d" | "D") (sides | "%") { operator }
    private DiceTermNode ParseDice(int count, int start)
    {
        _pos++;
        var sidesAt = _pos;
        int sides;
        var percentile = false;
        if (Peek() == '%')
        {
            _pos++;
            sides = 100;
            percentile = true;
        }
        else if (char.IsAsciiDigit(Peek()))
        {
            var value = ReadInteger(out var overflow);
            sides = overflow || value > int.MaxValue ? int.MaxValue : (int)value;
        }
        else
        {
            throw new DiceException(
                DiceErrorKind.Syntax,
                _pos,
                $"A die needs its number of sides right after 'd' (position {_pos}), like d20 or d%.");
        }

        if (count < 1 || count > DiceLimits.MaxDiceCount)
        {
            throw new DiceException(
                DiceErrorKind.InvalidDie,
                start,
                $"A roll takes 1 to {DiceLimits.MaxDiceCount} dice, not {FormatCount(count)} (position {start}).");
        }

        if (sides < 1 || sides > DiceLimits.MaxSides)
        {
            throw new DiceException(
                DiceErrorKind.InvalidDie,
                sidesAt,
                $"A die has 1 to {DiceLimits.MaxSides} sides, not {FormatCount(sides)} (position {sidesAt}).");
        }

        var operations = ParseDiceOperations(sides);
        return new DiceTermNode(count, sides, operations) { Percentile = percentile, Position = start };
    }

    private static string FormatCount(int value) => value == int.MaxValue ? "that many" : $"{value}";

    private EquatableArray<DiceOperation> ParseDiceOperations(int sides)
    {
        List<DiceOperation>? operations = null;
        while (_pos < _end)
        {
            var at = _pos;
            DiceOperation operation;
            switch (Lower(_text[at]))
            {
                case 'k':
                    _pos++;
                    operation = new(DiceOperatorKind.Keep, ReadSelector(SelectorKind.Highest, at, forFaces: false));
                    break;
                case 'p':
                case 'd':
                    _pos++;
                    operation = new(DiceOperatorKind.Drop, ReadSelector(SelectorKind.Lowest, at, forFaces: false));
                    break;
                case 'r':
                    operation = ReadReroll(at);
                    break;
                case 'e':
                    _pos++;
                    operation = new(DiceOperatorKind.Explode, ReadSelector(SelectorKind.Equal, at, forFaces: true));
                    break;
                case '!':
                    if (Peek(1) == '=')
                    {
                        throw new DiceException(
                            DiceErrorKind.Ambiguous,
                            at,
                            $"'!=' right after a die (position {at}) is ambiguous: write '1d6 != 3' to compare, or '1d6e6' to explode.");
                    }

                    _pos++;
                    operation = new(DiceOperatorKind.Explode, new DiceSelector(SelectorKind.Equal, sides));
                    break;
                case 'm':
                    operation = ReadClamp(at);
                    break;
                default:
                    return Build(operations);
            }

            (operations ??= []).Add(operation);
        }

        return Build(operations);
    }

    private static EquatableArray<DiceOperation> Build(List<DiceOperation>? operations) =>
        operations is null ? default : new([.. operations]);

    // "rr" and "ra" need a selector; "r" (= rr) and "ro" default to the lowest face, 1.
    private DiceOperation ReadReroll(int at)
    {
        var next = Lower(Peek(1));
        if (next is 'r' or 'a')
        {
            _pos += 2;
            var kind = next == 'r' ? DiceOperatorKind.Reroll : DiceOperatorKind.RerollAdd;
            return new(kind, ReadSelector(SelectorKind.Equal, at, forFaces: true));
        }

        var once = next == 'o';
        _pos += once ? 2 : 1;
        var selector = SelectorFollows()
            ? ReadSelector(SelectorKind.Equal, at, forFaces: true)
            : new DiceSelector(SelectorKind.Equal, 1);
        return new(once ? DiceOperatorKind.RerollOnce : DiceOperatorKind.Reroll, selector);
    }

    private readonly bool SelectorFollows()
    {
        var c = Lower(Peek());
        return c switch
        {
            'h' or 'l' => char.IsAsciiDigit(Peek(1)),
            '=' => Peek(1) != '=',
            '<' or '>' => true,
            _ => char.IsAsciiDigit(c),
        };
    }

    private DiceOperation ReadClamp(int at)
    {
        var kind = Lower(Peek(1)) switch
        {
            'i' => DiceOperatorKind.Minimum,
            'a' => DiceOperatorKind.Maximum,
            _ => throw new DiceException(
                DiceErrorKind.Syntax,
                at,
                $"Unknown dice operator '{Snippet(at)}' at position {at}: use mi (minimum) or ma (maximum)."),
        };
        _pos += 2;
        if (Lower(Peek()) == (kind == DiceOperatorKind.Minimum ? 'n' : 'x'))
        {
            _pos++;
        }

        var name = kind == DiceOperatorKind.Minimum ? "mi" : "ma";
        if (Lower(Peek()) is 'h' or 'l' or '<' or '>' or '=')
        {
            throw new DiceException(
                DiceErrorKind.InvalidDie,
                _pos,
                $"'{name}' takes a plain number, not a selector like '{Peek()}' (position {_pos}): write {name}2.");
        }

        if (!char.IsAsciiDigit(Peek()))
        {
            throw new DiceException(DiceErrorKind.Syntax, _pos, $"'{name}' needs a number after it (position {_pos}), like {name}2.");
        }

        return new(kind, new DiceSelector(SelectorKind.Equal, ReadSelectorValue()));
    }

    // sel := ["h" | "l" | ">" | "<" | ">=" | "<=" | "="] int
    private DiceSelector ReadSelector(SelectorKind bare, int operatorAt, bool forFaces)
    {
        var at = _pos;
        SelectorKind kind;
        switch (Lower(Peek()))
        {
            case 'h':
                kind = SelectorKind.Highest;
                _pos++;
                break;
            case 'l':
                kind = SelectorKind.Lowest;
                _pos++;
                break;
            case '>' when Peek(1) == '=':
                kind = SelectorKind.GreaterOrEqual;
                _pos += 2;
                break;
            case '<' when Peek(1) == '=':
                kind = SelectorKind.LessOrEqual;
                _pos += 2;
                break;
            case '>':
                kind = SelectorKind.Greater;
                _pos++;
                break;
            case '<':
                kind = SelectorKind.Less;
                _pos++;
                break;
            case '=':
                kind = SelectorKind.Equal;
                _pos++;
                break;
            default:
                kind = bare;
                break;
        }

        var name = _text[operatorAt..at];
        if (!char.IsAsciiDigit(Peek()))
        {
            throw new DiceException(
                DiceErrorKind.Syntax,
                _pos,
                $"'{_text[operatorAt.._pos]}' needs a number after it (position {_pos}), like {name}{(forFaces ? "1" : "h1")}.");
        }

        if (forFaces && kind is SelectorKind.Highest or SelectorKind.Lowest)
        {
            throw new DiceException(
                DiceErrorKind.InvalidDie,
                at,
                $"'{name}' selects faces, not the highest or lowest dice (position {at}): write {name}1 or {name}<3.");
        }

        return new DiceSelector(kind, ReadSelectorValue());
    }

    private int ReadSelectorValue()
    {
        var at = _pos;
        var value = ReadInteger(out var overflow);
        if (overflow || value > int.MaxValue)
        {
            throw new DiceException(DiceErrorKind.InvalidDie, at, $"The number at position {at} is out of range for a dice operator.");
        }

        return (int)value;
    }

    private ExpressionNode ParseParenthesized()
    {
        var open = _pos++;
        EnsureStack(open);
        var first = ParseExpression();
        SkipWhitespace();
        if (Peek() == ',')
        {
            var elements = new List<ExpressionNode> { first };
            while (Peek() == ',')
            {
                _pos++;
                SkipWhitespace();
                if (Peek() == ')')
                {
                    break;
                }

                elements.Add(ParseExpression());
                SkipWhitespace();
            }

            ExpectClose(open);
            return new SetNode(new([.. elements]), ParseSetOperations());
        }

        ExpectClose(open);
        var operations = ParseSetOperations();
        return operations.Count == 0 ? first : new GroupNode(first, operations);
    }

    private void ExpectClose(int open)
    {
        if (Peek() == ')')
        {
            _pos++;
            return;
        }

        throw new DiceException(
            DiceErrorKind.Syntax,
            _pos,
            _pos >= _end
                ? $"Missing ')' for the '(' at position {open}."
                : $"Unexpected '{Snippet(_pos)}' at position {_pos}: expected ')' for the '(' at position {open}, or ',' to make a set.");
    }

    // set-operator := ("k" | "p" | "d") sel
    private EquatableArray<DiceOperation> ParseSetOperations()
    {
        List<DiceOperation>? operations = null;
        while (_pos < _end)
        {
            var at = _pos;
            var c = Lower(_text[at]);
            if (c == 'k')
            {
                _pos++;
                (operations ??= []).Add(new(DiceOperatorKind.Keep, ReadSelector(SelectorKind.Highest, at, forFaces: false)));
            }
            else if (c is 'p' or 'd')
            {
                _pos++;
                (operations ??= []).Add(new(DiceOperatorKind.Drop, ReadSelector(SelectorKind.Lowest, at, forFaces: false)));
            }
            else if (c is 'r' or 'e' or 'm' || (c == '!' && Peek(1) != '='))
            {
                throw new DiceException(
                    DiceErrorKind.Syntax,
                    at,
                    $"Only k, p and d apply to a group or a set (position {at}); put '{Snippet(at)}' on the dice themselves.");
            }
            else
            {
                break;
            }
        }

        return Build(operations);
    }

    private ExpressionNode ParseLabels(ExpressionNode atom)
    {
        while (true)
        {
            var save = _pos;
            SkipWhitespace();
            if (Peek() != '[')
            {
                _pos = save;
                return atom;
            }

            var open = _pos;
            var close = _text.IndexOf(']', open + 1, _end - open - 1);
            if (close < 0)
            {
                throw new DiceException(DiceErrorKind.Syntax, open, $"Missing ']' for the label opened at position {open}.");
            }

            var label = _text.AsSpan(open + 1, close - open - 1).Trim().ToString();
            _pos = close + 1;
            atom = new LabelNode(atom, label);
        }
    }

    private long ReadInteger(out bool overflow)
    {
        overflow = false;
        long value = 0;
        while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
        {
            var digit = _text[_pos] - '0';
            if (value > (long.MaxValue - digit) / 10)
            {
                overflow = true;
            }
            else
            {
                value = (value * 10) + digit;
            }

            _pos++;
        }

        return value;
    }

    private void SkipWhitespace()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private readonly char Peek(int offset = 0)
    {
        var i = _pos + offset;
        return i < _end ? _text[i] : '\0';
    }

    private readonly char CharAt(int i) => i < _end ? _text[i] : '\0';

    private static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    private static bool IsExpressionChar(char c) =>
        char.IsAsciiDigit(c) || c is '+' or '-' or '*' or '/' or '%' or '=' or '!' or '<' or '>' or '(' or ')' or '[' or ']' or ',' or '.';

    private readonly bool StartsLikeDice(int i) =>
        CharAt(i) is 'd' or 'D' && (char.IsAsciiDigit(CharAt(i + 1)) || CharAt(i + 1) == '%');

    // Text after a space that reads as a dice operator ("4d6 kh3") is a misplaced operator, not a comment.
    private readonly bool StartsLikeDiceOperator(int i)
    {
        switch (Lower(CharAt(i)))
        {
            case 'k':
            case 'p':
            case 'd':
            case 'e':
                return SelectorAt(i + 1);
            case 'r':
                var next = Lower(CharAt(i + 1));
                if (next is 'r' or 'a')
                {
                    return SelectorAt(i + 2);
                }

                var after = next == 'o' ? i + 2 : i + 1;
                return SelectorAt(after) || after >= _end || char.IsWhiteSpace(CharAt(after));
            case 'm':
                var second = Lower(CharAt(i + 1));
                if (second is not ('i' or 'a'))
                {
                    return false;
                }

                var j = i + 2;
                if (Lower(CharAt(j)) == (second == 'i' ? 'n' : 'x'))
                {
                    j++;
                }

                return SelectorAt(j);
            default:
                return false;
        }
    }

    private readonly bool SelectorAt(int i)
    {
        var c = Lower(CharAt(i));
        if (c is 'h' or 'l' or '=')
        {
            i++;
        }
        else if (c is '<' or '>')
        {
            i += CharAt(i + 1) == '=' ? 2 : 1;
        }

        return char.IsAsciiDigit(CharAt(i));
    }

    private readonly DiceException Unexpected(int at)
    {
        var c = _text[at];
        var message = c switch
        {
            '.' => $"Decimal numbers are not allowed (position {at}): use whole numbers only.",
            ',' => $"Unexpected ',' at position {at}: commas only separate the elements of a set, like (1d20, 10)kh1.",
            ')' => $"Unexpected ')' at position {at}: there is no '(' to close.",
            '=' when CharAt(at + 1) != '=' => $"Unexpected '=' at position {at}: write == to compare.",
            '<' or '>' or '=' or '!' when PeekComparisonAt(at) =>
                $"Unexpected '{Snippet(at)}' at position {at}: only one comparison (==, !=, <, >, <=, >=) is allowed without parentheses.",
            _ when at > 0 && char.IsWhiteSpace(_text[at - 1]) =>
                $"Unexpected '{Snippet(at)}' at position {at}: terms are joined with an operator such as + or -.",
            _ => $"Unexpected '{Snippet(at)}' at position {at}.",
        };
        return new DiceException(DiceErrorKind.Syntax, at, message);
    }

    private readonly bool PeekComparisonAt(int at) =>
        CharAt(at) is '<' or '>' || (CharAt(at) is '=' or '!' && CharAt(at + 1) == '=');

    // A few characters of the offending text, enough to find it in a chat message.
    private readonly string Snippet(int at)
    {
        var length = char.IsHighSurrogate(_text[at]) && at + 1 < _end ? 2 : 1;
        if (char.IsAsciiLetterOrDigit(_text[at]))
        {
            while (length < 8 && at + length < _end && char.IsAsciiLetterOrDigit(_text[at + length]))
            {
                length++;
            }
        }

        return _text.Substring(at, length);
    }

    private static void EnsureStack(int position)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new DiceException(DiceErrorKind.Syntax, position, $"The expression is nested too deeply (position {position}).");
        }
    }
}
