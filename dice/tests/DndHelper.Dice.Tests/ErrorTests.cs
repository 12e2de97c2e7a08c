namespace DndHelper.Dice.Tests;

public sealed class ErrorTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("4d6 kh3", 4)]
    [InlineData("4 d6", 2)]
    [InlineData("4d 6", 2)]
    [InlineData("1d20 +", 6)]
    [InlineData("1.5", 1)]
    [InlineData("1d20 5", 5)]
    [InlineData("1d20x", 4)]
    [InlineData("1 < 2 < 3", 6)]
    [InlineData("1 = 1", 2)]
    [InlineData("(1 + 2", 6)]
    [InlineData("1 + 2)", 5)]
    [InlineData("1, 2", 1)]
    [InlineData("1d20 [fire", 5)]
    [InlineData("4d6k", 4)]
    [InlineData("4d6kh", 5)]
    [InlineData("1d20rr", 6)]
    [InlineData("1d20e", 5)]
    [InlineData("1d20mi", 6)]
    [InlineData("1d20mix", 6)]
    [InlineData("1d20m3", 4)]
    [InlineData("(2d6)rr1", 5)]
    [InlineData("(2d6)!", 5)]
    [InlineData("d", 1)]
    [InlineData("adv", 0)]
    [InlineData("# just a comment", 0)]
    [InlineData("1d6!3", 4)]
    [InlineData("99999999999999999999", 0)]
    [InlineData("9223372036854775807 + 1", 20)]
    [InlineData("9223372036854775807 * 9223372036854775807", 20)]
    public void SyntaxErrorsPointAtTheOffendingPosition(string expression, int position)
    {
        var error = Rolls.Error(expression);
        Assert.Equal(DiceErrorKind.Syntax, error.Kind);
        Assert.Equal(position, error.Position);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("0d6", 0)]
    [InlineData("1001d6", 0)]
    [InlineData("99999999999999d6", 0)]
    [InlineData("6d0", 2)]
    [InlineData("1 + 1d1001", 6)]
    [InlineData("1d20mi>3", 6)]
    [InlineData("1d20mih3", 6)]
    [InlineData("1d20ma=3", 6)]
    [InlineData("1d20rrh1", 6)]
    [InlineData("1d20el1", 5)]
    [InlineData("1d20kh99999999999", 6)]
    public void OutOfRangeCountsSidesAndSelectorsAreInvalidDice(string expression, int position)
    {
        var error = Rolls.Error(expression);
        Assert.Equal(DiceErrorKind.InvalidDie, error.Kind);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("10 / 0", 3)]
    [InlineData("10 // (1 - 1)", 3)]
    [InlineData("10 % 0", 3)]
    [InlineData("1d6 / (1d6 - 1d6)", 4)]
    public void DividingByZeroIsAnErrorAtTheOperator(string expression, int position)
    {
        var error = Rolls.Error(expression, 3);
        Assert.Equal(DiceErrorKind.DivideByZero, error.Kind);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void BangEqualsRightAfterADiceTermIsAmbiguous()
    {
        var error = Rolls.Error("1d6!=3");
        Assert.Equal(DiceErrorKind.Ambiguous, error.Kind);
        Assert.Equal(3, error.Position);
    }

    [Fact]
    public void TooManyRollsPointsAtTheTermThatPassedTheLimit()
    {
        var error = Rolls.Error("500d6 + 501d6", 2);
        Assert.Equal(DiceErrorKind.TooManyRolls, error.Kind);
        Assert.Equal(8, error.Position);
    }

    [Fact]
    public void InputLongerThan256CharactersIsRejected()
    {
        var input = "1" + string.Concat(Enumerable.Repeat("+1", 128));
        Assert.Equal(257, input.Length);
        var error = Rolls.Error(input);
        Assert.Equal(DiceErrorKind.Syntax, error.Kind);
        Assert.Equal(256, error.Position);
        Assert.Equal(128, DiceRoller.Roll(input[..^2]).Total);
    }

    [Fact]
    public void NullInputIsASyntaxErrorNotACrash() =>
        Assert.Equal(DiceErrorKind.Syntax, Rolls.Error(null!).Kind);

    [Theory]
    [InlineData(256, '(')]
    [InlineData(256, '-')]
    [InlineData(256, '+')]
    [InlineData(255, '[')]
    public void DeepNestingFailsCleanlyInsteadOfOverflowingTheStack(int count, char c)
    {
        var error = Rolls.Error(new string(c, count));
        Assert.Equal(DiceErrorKind.Syntax, error.Kind);
    }

    [Fact]
    public void TheDeepestNestingThatFitsTheLimitStillRolls()
    {
        var input = new string('(', 126) + "1d6" + new string(')', 126);
        Assert.Equal(255, input.Length);
        Assert.Equal(4, Rolls.Roll(input, 4).Total);
        Assert.Equal(-4, Rolls.Roll(new string('-', 251) + "1d6", 4).Total);
    }

    [Fact]
    public void TheExceptionCarriesKindPositionAndMessage()
    {
        var exception = Assert.Throws<DiceException>(() => DiceRoller.Roll("4d6 kh3"));
        Assert.Equal(DiceErrorKind.Syntax, exception.Kind);
        Assert.Equal(4, exception.Position);
        Assert.Contains("4d6kh3", exception.Message, StringComparison.Ordinal);
    }
}
