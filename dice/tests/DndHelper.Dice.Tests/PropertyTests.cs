using CsCheck;

namespace DndHelper.Dice.Tests;

public sealed class PropertyTests
{
    private static readonly string[] DiceOperators =
    [
        "kh1", "kl2", "k3", "k>3", "k<=2", "k=4", "dl1", "dh1", "d<2", "p1", "ph2",
        "rr1", "r1", "r<2", "ro1", "ro<3", "ra6", "e6", "e>5", "!", "mi2", "ma3", "min4", "max5",
    ];

    // Bare r and ro take an optional selector, so another operator right after them reads
    // differently ("rro" is rr then o): the generator puts them last.
    private static readonly string[] LastDiceOperators = ["", "", "", "r", "ro"];

    private static readonly string[] BinaryOperators = ["+", "-", "*", "/", "//", "%", " + ", " - ", " * "];

    private static readonly string[] Comparisons = ["==", "!=", "<", ">", "<=", ">="];

    // Dice and grammar characters dominate, with enough letters, spaces and odd characters to
    // reach comments, labels and the error paths.
    private static readonly Gen<char> DiceHeavyChar =
        Gen.Frequency(
            (30, Gen.Char["0123456789"]),
            (15, Gen.Char["dD%"]),
            (20, Gen.Char["+-*/()<>=!,[]#"]),
            (15, Gen.Char["khlpdreoa!mix"]),
            (8, Gen.Char[" \t"]),
            (3, Gen.Char["advisADVS.&\"'"]),
            (2, Gen.Char['\0', '\uffff']));

    // Short strings reach valid rolls far more often; long ones reach the length limit.
    private static readonly Gen<string> DiceHeavyText =
        Gen.Frequency(
            (3, DiceHeavyChar.Array[0, 12]),
            (1, DiceHeavyChar.Array[0, DiceLimits.MaxInputLength + 8]))
        .Select(chars => new string(chars));

    private static readonly Gen<string> ValidExpressions = Expression(3);

    [Fact]
    public void NdSAlwaysLiesBetweenNAndNTimesS() =>
        Gen.Select(Gen.Int[1, DiceLimits.MaxDiceCount], Gen.Int[1, DiceLimits.MaxSides])
            .Sample((count, sides) =>
            {
                var total = DiceRoller.Roll($"{count}d{sides}").Total;
                return total >= count && total <= (long)count * sides;
            }, iter: 500);

    [Fact]
    public void KeepingTheHighestNeverBeatsKeepingTheLowestOnTheSameFaces() =>
        Gen.Int[1, 20].Array[2, 8]
            .Sample(faces =>
            {
                var count = faces.Length;
                return Rolls.Roll($"{count}d20kh1", faces).Total >= Rolls.Roll($"{count}d20kl1", faces).Total
                    && Rolls.Roll("2d20kh1", faces).Total >= Rolls.Roll("2d20kl1", faces).Total;
            }, iter: 2000);

    [Fact]
    public void NoRollEverDrawsMoreThanAThousandDice() =>
        Gen.Select(ValidExpressions, Gen.Int[1, 6])
            .Sample((expression, repeat) =>
            {
                // A face that repeats forever drives rerolls and explosions into the limit.
                var random = new CountingRandom(repeat);
                if (DiceRoller.TryRoll(expression, random, out var roll, out _))
                {
                    Assert.True(roll.Terms.Sum(t => t.Dice.Count) <= DiceLimits.MaxRolls);
                }

                Assert.True(random.Draws <= DiceLimits.MaxRolls, $"{random.Draws} dice drawn for {expression}");
            }, iter: 3000);

    [Fact]
    public void ParsingTheCanonicalNotationGivesBackTheSameTree() =>
        ValidExpressions.Sample(expression =>
        {
            if (!DiceRoller.TryParse(expression, out var parsed, out var error))
            {
                // Only the limits reject a generated expression.
                Assert.True(error.Kind is DiceErrorKind.TooManyRolls or DiceErrorKind.InvalidDie || expression.Length > DiceLimits.MaxInputLength, $"{expression}: {error}");
                return;
            }

            var canonical = DiceNotation.Format(parsed);
            if (canonical.Length > DiceLimits.MaxInputLength)
            {
                return;
            }

            Assert.Equal(parsed, DiceRoller.Parse(canonical));
            Assert.Equal(canonical, DiceNotation.Format(DiceRoller.Parse(canonical)));
        }, iter: 5000);

    [Fact]
    public void AnyTextThatParsesRoundTripsThroughTheCanonicalNotation() =>
        DiceHeavyText.Sample(text =>
        {
            if (DiceRoller.TryParse(text, out var parsed, out _))
            {
                // Canonical spacing can push a long input past the input limit; that says nothing about the tree.
                var canonical = DiceNotation.Format(parsed);
                if (canonical.Length > DiceLimits.MaxInputLength)
                {
                    return;
                }

                Assert.True(DiceRoller.TryParse(canonical, out var again, out var error), $"'{canonical}' from '{text}': {error}");
                Assert.Equal(parsed, again);
            }
        }, iter: 20_000);

    [Fact]
    public void PercentileDiceCanShowEveryFaceFromOneToAHundred()
    {
        for (var face = 1; face <= 100; face++)
        {
            Assert.Equal(face, Rolls.Roll("d%", face).Total);
        }

        var seen = new bool[101];
        var missing = 100;
        for (var i = 0; i < 100_000 && missing > 0; i++)
        {
            var total = (int)DiceRoller.Roll("d%").Total;
            Assert.InRange(total, 1, 100);
            if (!seen[total])
            {
                seen[total] = true;
                missing--;
            }
        }

        Assert.Equal(0, missing);
    }

    [Fact]
    public void AnyTextUpTo256CharactersEitherRollsOrGivesOneOfTheFiveErrors() =>
        DiceHeavyText.Sample(text =>
        {
            try
            {
                var roll = DiceRoller.Roll(text);
                Assert.True(text.Length <= DiceLimits.MaxInputLength);
                _ = roll.ToPlainText();
                _ = roll.ToHtml(maxLength: 200);
                _ = DiceNotation.Format(roll.Expression);
            }
            catch (DiceException exception)
            {
                Assert.True(Enum.IsDefined(exception.Kind));
                Assert.InRange(exception.Position, 0, text.Length);
                Assert.False(string.IsNullOrWhiteSpace(exception.Message));
            }
        }, iter: 50_000);

    [Fact]
    public void GeneratedExpressionsRollOrFailOnlyWithADiceError() =>
        ValidExpressions.Sample(expression =>
        {
            try
            {
                var roll = DiceRoller.Roll(expression);
                Assert.False(string.IsNullOrEmpty(roll.ToHtml()));
            }
            catch (DiceException exception)
            {
                Assert.True(Enum.IsDefined(exception.Kind));
            }
        }, iter: 5000);

    private static Gen<string> Expression(int depth)
    {
        var number = Gen.Int[0, 40].Select(n => $"{n}");
        var sides = Gen.OneOf(Gen.OneOf("4", "6", "8", "10", "12", "20", "%"), Gen.Int[1, 30].Select(n => $"{n}"));
        var count = Gen.OneOf(Gen.Const(""), Gen.Int[1, 12].Select(n => $"{n}"));
        var operators = Gen.Select(Gen.OneOf(DiceOperators).Array[0, 3], Gen.OneOf(LastDiceOperators), (ops, last) => string.Concat(ops) + last);
        var dice = Gen.Select(count, Gen.OneOf("d", "D"), sides, operators, (c, d, s, o) => c + d + s + o);
        var atom = Gen.Frequency((2, number), (3, dice));
        if (depth == 0)
        {
            return atom;
        }

        var inner = Expression(depth - 1);
        var label = Gen.OneOf("", " [fire]", "[cold]", " [a b]");
        var binary = Gen.Select(inner, Gen.OneOf(BinaryOperators), inner, (l, o, r) => l + o + r);
        var unary = Gen.Select(Gen.OneOf("-", "+", "- "), inner, (o, e) => o + e);
        var paren = Gen.Select(inner, Gen.OneOf("", "kh1", "dl1", "k>2"), label, (e, o, l) => $"({e}){o}{l}");
        var set = Gen.Select(inner.Array[1, 3], Gen.OneOf("", ",", " "), Gen.OneOf("", "kh1", "kl1", "d1", "k<3"), (es, t, o) => $"({string.Join(", ", es)}{(es.Length == 1 ? "," : t.Trim(' '))}){o}");
        var term = Gen.Frequency((4, atom), (3, binary), (1, unary), (1, paren), (1, set), (1, Gen.Select(atom, label, (a, l) => a + l)));
        if (depth < 3)
        {
            return term;
        }

        var comparison = Gen.Select(term, Gen.OneOf(Comparisons), term, (l, c, r) => $"{l} {c} {r}");
        var roll = Gen.Frequency((5, term), (1, comparison));
        var suffix = Gen.OneOf("", " adv", " dis", " eadv", " # note", " Attack roll", " // why");
        return Gen.Select(roll, suffix, (r, s) => r + s);
    }

    private sealed class CountingRandom(int face) : IDiceRandom
    {
        public int Draws { get; private set; }

        public int Roll(int sides)
        {
            Draws++;
            return Math.Min(face, sides);
        }
    }
}
