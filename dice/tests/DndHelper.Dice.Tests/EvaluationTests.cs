namespace DndHelper.Dice.Tests;

public sealed class EvaluationTests
{
    [Theory]
    [InlineData("4d6kh3", new[] { 4, 2, 6, 3 }, 13)]
    [InlineData("4d6k3", new[] { 4, 2, 6, 3 }, 13)]
    [InlineData("4d6kl1", new[] { 4, 2, 6, 3 }, 2)]
    [InlineData("4d6k>3", new[] { 4, 2, 6, 3 }, 10)]
    [InlineData("4d6k<3", new[] { 4, 2, 6, 3 }, 2)]
    [InlineData("4d6k>=3", new[] { 4, 2, 6, 3 }, 13)]
    [InlineData("4d6k<=3", new[] { 4, 2, 6, 3 }, 5)]
    [InlineData("4d6k=6", new[] { 4, 2, 6, 3 }, 6)]
    [InlineData("4d6d1", new[] { 4, 2, 6, 3 }, 13)]
    [InlineData("4d6p1", new[] { 4, 2, 6, 3 }, 13)]
    [InlineData("4d6ph1", new[] { 4, 2, 6, 3 }, 9)]
    [InlineData("4d6d>3", new[] { 4, 2, 6, 3 }, 5)]
    [InlineData("4d6kh5", new[] { 4, 2, 6, 3 }, 15)]
    [InlineData("4d6kh0", new[] { 4, 2, 6, 3 }, 0)]
    public void KeepAndDropAcceptBothSpellingsAndEverySelector(string expression, int[] faces, long total) =>
        Assert.Equal(total, Rolls.Roll(expression, faces).Total);

    [Fact]
    public void KeepingOnTiesKeepsTheLeftmostDieAndDroppingDropsTheRightmost()
    {
        Assert.Equal([true, true, true, false], Rolls.Kept(Rolls.Roll("4d6kh3", 3, 3, 3, 3).Terms[0]));
        Assert.Equal([true, true, true, false], Rolls.Kept(Rolls.Roll("4d6dl1", 3, 3, 3, 3).Terms[0]));
    }

    [Fact]
    public void RepeatingAKeepOperatorAddsToItSoKh1Kl1KeepsBothDice()
    {
        var roll = Rolls.Roll("2d20kh1kl1", 8, 17);
        Assert.Equal(25, roll.Total);
        Assert.All(roll.Terms[0].Dice, d => Assert.True(d.Kept));
    }

    [Fact]
    public void RepeatingARerollOperatorRerollsEitherFace() =>
        Assert.Equal(5, Rolls.Roll("1d20rr1rr2", 1, 2, 1, 5).Total);

    [Fact]
    public void RerollsRecordTheFacesTheyReplaced()
    {
        var die = Rolls.Roll("1d6rr1", 1, 1, 1, 5).Terms[0].Dice.Single();
        Assert.Equal(5, die.Face);
        Assert.Equal([1, 1, 1], die.RerolledFrom);
        Assert.True(die.Rerolled);
    }

    [Fact]
    public void RerollingRedrawsEveryMatchingDieBeforeCheckingAgain()
    {
        // Breadth-first: both 1s are redrawn (1, 5), then the new 1 is redrawn (4).
        var roll = Rolls.Roll("2d6rr1", 1, 1, 1, 5, 4);
        Assert.Equal([4, 5], Rolls.Faces(roll.Terms[0]));
    }

    [Fact]
    public void RerollOnceKeepsTheNewFaceEvenWhenItMatchesAgain() =>
        Assert.Equal(1, Rolls.Roll("1d20ro1", 1, 1, 20).Total);

    [Theory]
    [InlineData("1d20r", 6)]
    [InlineData("1d20ro", 6)]
    [InlineData("1d20r1", 6)]
    public void BareRAndRoRerollTheLowestFace(string expression, long total) =>
        Assert.Equal(total, Rolls.Roll(expression, 1, 6).Total);

    [Fact]
    public void RerollAndAddRollsOneExtraDieTheFirstTimeTheFaceShows()
    {
        var roll = Rolls.Roll("3d6ra6", 6, 6, 2, 4, 6);
        Assert.Equal(18, roll.Total);
        Assert.Equal(4, roll.Terms[0].Dice.Count);
        Assert.True(roll.Terms[0].Dice[3].Added);
    }

    [Fact]
    public void RerollAndAddDoesNothingWhenNoDieMatches() =>
        Assert.Equal(5, Rolls.Roll("2d6ra6", 2, 3, 6).Total);

    [Fact]
    public void ExplodingAddsADieForEverySixAndChains()
    {
        var roll = Rolls.Roll("4d6e6", 6, 2, 6, 3, 6, 1, 2);
        Assert.Equal(26, roll.Total);
        Assert.Equal([6, 2, 6, 3, 6, 1, 2], Rolls.Faces(roll.Terms[0]));
        Assert.Equal([true, false, true, false, true, false, false], roll.Terms[0].Dice.Select(d => d.Exploded));
    }

    [Fact]
    public void BangExplodesOnTheHighestFace() =>
        Assert.Equal(8 + 8 + 3, Rolls.Roll("1d8!", 8, 8, 3).Total);

    [Fact]
    public void OperatorsRunLeftToRightAsWritten()
    {
        // Keep three, then explode the kept sixes: the dropped 1 stays dropped, one 6 explodes into a 2.
        Assert.Equal(6 + 5 + 4 + 2, Rolls.Roll("4d6kh3e6", 6, 1, 5, 4, 2).Total);

        // Explode first (6 -> 2), then keep the best three of all five dice: 6, 5, 4.
        Assert.Equal(6 + 5 + 4, Rolls.Roll("4d6e6kh3", 6, 1, 5, 4, 2).Total);
    }

    [Fact]
    public void MinimumRaisesLowFacesAndRemembersTheOriginal()
    {
        var roll = Rolls.Roll("2d6mi3", 1, 5);
        Assert.Equal(8, roll.Total);
        Assert.Equal(1, roll.Terms[0].Dice[0].ClampedFrom);
        Assert.Null(roll.Terms[0].Dice[1].ClampedFrom);
    }

    [Fact]
    public void MinimumAboveTheNumberOfSidesIsAllowedAndClamps() =>
        Assert.Equal(16, Rolls.Roll("2d6min8", 1, 6).Total);

    [Fact]
    public void MaximumLowersHighFaces() => Assert.Equal(5, Rolls.Roll("2d6max3", 2, 6).Total);

    [Theory]
    [InlineData("15 / 2", 7)]
    [InlineData("-15 / 2", -8)]
    [InlineData("7 / 2 + 7 / 2", 7)]
    [InlineData("1 / 3 * 3", 1)]
    [InlineData("-15 // 2", -8)]
    [InlineData("15 // -2", -8)]
    [InlineData("-7 % 3", 2)]
    [InlineData("7 % -3", -2)]
    [InlineData("7 / 2 % 2", 1)]
    [InlineData("2 * 3 + 4", 10)]
    [InlineData("2 * (3 + 4)", 14)]
    [InlineData("10 - 2 - 3", 5)]
    [InlineData("--5", 5)]
    [InlineData("+-5", -5)]
    [InlineData("1 - -5", 6)]
    [InlineData("9223372036854775807", 9223372036854775807)]
    [InlineData("9223372036854775807 / 2 * 2", 9223372036854775807)]
    [InlineData("1 / 3 + 1 / 6", 0)]
    public void ArithmeticIsExactAndOnlyTheTotalIsRoundedDown(string expression, long total) =>
        Assert.Equal(total, DiceRoller.Roll(expression).Total);

    [Theory]
    [InlineData("3 == 3", 1)]
    [InlineData("3 != 3", 0)]
    [InlineData("2 < 3", 1)]
    [InlineData("2 > 3", 0)]
    [InlineData("3 <= 3", 1)]
    [InlineData("3 >= 4", 0)]
    [InlineData("7 / 2 > 3", 1)]
    [InlineData("(1 < 2) + (2 < 1)", 1)]
    public void ComparisonsYieldOneOrZero(string expression, long total) =>
        Assert.Equal(total, DiceRoller.Roll(expression).Total);

    [Fact]
    public void ComparingADicePoolComparesItsTotalRatherThanCountingSuccesses()
    {
        Assert.Equal(0, Rolls.Roll("2d6>3", 1, 1).Total);
        Assert.Equal(1, Rolls.Roll("2d6>3", 1, 3).Total);
    }

    [Fact]
    public void NotEqualWithSpacesAfterDiceIsAComparison() =>
        Assert.Equal(1, Rolls.Roll("1d6 != 3", 4).Total);

    [Fact]
    public void GroupingParenthesesLetOperatorsActOnTheDiceInside()
    {
        var roll = Rolls.Roll("(2d6+1d8)kh1", 2, 3, 8);
        Assert.Equal(8, roll.Total);
        Assert.False(roll.Terms[0].Dice[0].Kept);
        Assert.True(roll.Terms[1].Dice[0].Kept);
    }

    [Fact]
    public void ASetOfOneElementKeepsByElementTotals()
    {
        Assert.Equal(8, Rolls.Roll("(2d6,)kh1", 3, 5).Total);
        Assert.Equal(5, Rolls.Roll("(2d6)kh1", 3, 5).Total);
    }

    [Theory]
    [InlineData("(1d20, 10)kh1", 10)]
    [InlineData("(1d20, 10)kl1", 5)]
    [InlineData("(1, 2, 3)dl1", 5)]
    [InlineData("(1, 2, 3)k>1", 5)]
    [InlineData("(1, 2, 3,)", 6)]
    [InlineData("(7 / 2, 3)kh1", 3)]
    [InlineData("(1, (2, 3)kh1)kh1", 3)]
    public void SetOperatorsActOnElementTotals(string expression, long total) =>
        Assert.Equal(total, Rolls.Roll(expression, 5).Total);

    [Theory]
    [InlineData("1d20+5 adv", "2d20kh1 + 5", 20)]
    [InlineData("1d20+5 dis", "2d20kl1 + 5", 9)]
    [InlineData("d20 eadv", "3d20kh1", 15)]
    [InlineData("1d20ro1 adv", "2d20kh1ro1", 15)]
    [InlineData("(1d20+2)[atk] adv", "(2d20kh1 + 2)[atk]", 17)]
    [InlineData("2d20 adv", "2d20", 19)]
    [InlineData("5 + 1d20 adv", "5 + 1d20", 9)]
    [InlineData("1d12 adv", "1d12", 4)]
    public void AdvantageRewritesTheLeftmostTermOnlyWhenItIsExactly1d20(string expression, string rolled, long total)
    {
        var roll = Rolls.Roll(expression, 4, 15, 1);
        Assert.Equal(rolled, DiceNotation.Format(roll.Rolled));
        Assert.Equal(total, roll.Total);
    }

    [Theory]
    [InlineData("1d20", new[] { 20 }, CriticalHit.Nat20)]
    [InlineData("1d20+5", new[] { 1 }, CriticalHit.Nat1)]
    [InlineData("-1d20", new[] { 20 }, CriticalHit.Nat20)]
    [InlineData("5 + 1d20", new[] { 20 }, CriticalHit.Nat20)]
    [InlineData("1d20 adv", new[] { 1, 20 }, CriticalHit.Nat20)]
    [InlineData("1d20 dis", new[] { 1, 20 }, CriticalHit.Nat1)]
    [InlineData("2d20", new[] { 20, 20 }, CriticalHit.None)]
    [InlineData("1d6 + 1d20", new[] { 6, 20 }, CriticalHit.None)]
    [InlineData("1d20mi20", new[] { 5 }, CriticalHit.Nat20)]
    [InlineData("1d20", new[] { 19 }, CriticalHit.None)]
    [InlineData("1d20e20", new[] { 20, 3 }, CriticalHit.None)]
    public void TheCriticalFlagComesFromTheLeftmostDiceTermWhenItIsOneKeptD20(string expression, int[] faces, CriticalHit critical) =>
        Assert.Equal(critical, Rolls.Roll(expression, faces).Critical);

    [Fact]
    public void LabelsStayWithTheirTermAndAreListedInOrder()
    {
        var roll = Rolls.Roll("3d6 [fire] + 1d4 [piercing] + 2[magic]", 3, 2, 2, 3);
        Assert.Equal(12, roll.Total);
        Assert.Equal(["fire"], roll.Terms[0].Labels);
        Assert.Equal(["piercing"], roll.Terms[1].Labels);
        Assert.Equal(["fire", "piercing", "magic"], roll.Labels);
    }

    [Fact]
    public void ALabelOnParenthesesCoversEveryTermInside()
    {
        var roll = Rolls.Roll("(1d6[cold] + 1d4)[fire]", 1, 2);
        Assert.Equal(["cold", "fire"], roll.Terms[0].Labels);
        Assert.Equal(["fire"], roll.Terms[1].Labels);
    }

    [Theory]
    [InlineData("1d20+5 Attack roll", "Attack roll")]
    [InlineData("1d20+5 # to hit", "to hit")]
    [InlineData("1d20+5#to hit", "to hit")]
    [InlineData("1d20+5 // to hit", "to hit")]
    [InlineData("1d20+5 Attack roll adv", "Attack roll")]
    [InlineData("1d20 dagger", "dagger")]
    [InlineData("1d20 Rage damage", "Rage damage")]
    [InlineData("1d20 ", null)]
    [InlineData("1d20 #", null)]
    public void ACommentIsKeptWithTheRoll(string expression, string? comment) =>
        Assert.Equal(comment, Rolls.Roll(expression, 10).Comment);

    [Fact]
    public void DoubleSlashBeforeAnOperandIsFloorDivision()
    {
        var roll = DiceRoller.Roll("10 // 3 # note");
        Assert.Equal(3, roll.Total);
        Assert.Equal("note", roll.Comment);
    }

    [Fact]
    public void PercentileDiceHaveAHundredFaces()
    {
        var roll = Rolls.Roll("d%", 100);
        Assert.Equal(100, roll.Terms[0].Term.Sides);
        Assert.Equal(100, roll.Total);
    }

    [Fact]
    public void OperatorLettersAndDAreCaseInsensitive() =>
        Assert.Equal(13, Rolls.Roll("4D6KH3", 4, 2, 6, 3).Total);

    [Fact]
    public void AThousandDiceIsTheLimitAndRollsFine() =>
        Assert.Equal(3000, Rolls.Roll("1000d6", 3).Total);

    [Fact]
    public void EveryDieCountsTowardTheThousandIncludingRerollsAndExplosions()
    {
        Assert.Equal(DiceErrorKind.TooManyRolls, Rolls.Error("1000d6 + 1d6", 3).Kind);
        Assert.Equal(DiceErrorKind.TooManyRolls, Rolls.Error("1d6e6", 6).Kind);
        Assert.Equal(DiceErrorKind.TooManyRolls, Rolls.Error("1d6rr1", 1).Kind);
        Assert.Equal(DiceErrorKind.TooManyRolls, Rolls.Error("1d1!", 1).Kind);
        Assert.Equal(998 + 6 + 2, Rolls.Roll("998d1 + 1d6e6", [.. Enumerable.Repeat(1, 998), 6, 2]).Total);
    }

    [Fact]
    public void TheDefaultRandomSourceRollsWithinRange()
    {
        for (var i = 0; i < 1000; i++)
        {
            var total = DiceRoller.Roll("3d6").Total;
            Assert.InRange(total, 3, 18);
        }
    }
}
