namespace DndHelper.Dice.Tests;

public sealed class RendererTests
{
    [Fact]
    public void PlainTextStrikesDroppedDiceWithTildes() =>
        Assert.Equal("4d6kh3 (6, 4, 3, ~~2~~) = 13", Rolls.Roll("4d6kh3", 6, 4, 3, 2).ToPlainText());

    [Fact]
    public void HtmlStrikesDroppedDiceAndBoldsTheTotal() =>
        Assert.Equal("4d6kh3 (6, 4, 3, <s>2</s>) = <b>13</b>", Rolls.Roll("4d6kh3", 6, 4, 3, 2).ToHtml());

    [Fact]
    public void LabelsFollowTheirTermsDice() =>
        Assert.Equal(
            "3d6 (3, 2, 2) [fire] + 1d4 (3) [piercing] = 10",
            Rolls.Roll("3d6 [fire] + 1d4 [piercing]", 3, 2, 2, 3).ToPlainText());

    [Fact]
    public void TheCommentLeadsTheLine()
    {
        var roll = Rolls.Roll("1d20+5 Attack roll", 11);
        Assert.Equal("Attack roll: 1d20 (11) + 5 = 16", roll.ToPlainText());
        Assert.Equal("<b>Attack roll</b>: 1d20 (11) + 5 = <b>16</b>", roll.ToHtml());
    }

    [Fact]
    public void HtmlEscapesLabelsCommentsAndOperators()
    {
        var roll = Rolls.Roll("1d20k>1 [<i>&\"] >= 10 # <script>alert(1)</script>", 15);
        Assert.Equal(
            "<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>: 1d20k&gt;1 (15) [&lt;i&gt;&amp;&quot;] &gt;= 10 = <b>1</b>",
            roll.ToHtml());
    }

    [Fact]
    public void PlainTextLeavesUserTextAsTyped() =>
        Assert.Equal("<b>: 1d4 (2) [a&b] = 2", Rolls.Roll("1d4 [a&b] # <b>", 2).ToPlainText());

    [Fact]
    public void CriticalRollsSaySo()
    {
        Assert.Equal("1d20 (20) + 2 = 22 (nat20)", Rolls.Roll("1d20+2", 20).ToPlainText());
        Assert.Equal("1d20 (1) = <b>1</b> (nat1)", Rolls.Roll("1d20", 1).ToHtml());
    }

    [Fact]
    public void AdvantageShowsTheDiceActuallyRolled() =>
        Assert.Equal("2d20kh1 (~~4~~, 15) + 5 = 20", Rolls.Roll("1d20+5 adv", 4, 15).ToPlainText());

    [Fact]
    public void RerolledFacesAppearStruckBeforeTheFaceThatCounts() =>
        Assert.Equal("1d6rr1 (~~1~~, ~~1~~, 5) = 5", Rolls.Roll("1d6r", 1, 1, 5).ToPlainText());

    [Fact]
    public void ExplodedDiceAreMarkedWithABang() =>
        Assert.Equal("2d6e6 (6!, 2, 3) = 11", Rolls.Roll("2d6!", 6, 2, 3).ToPlainText());

    [Fact]
    public void DroppedSetElementsAreStruckWhole()
    {
        var roll = Rolls.Roll("(1d20, 10)kh1", 5);
        Assert.Equal("(~~1d20 (5)~~, 10)kh1 = 10", roll.ToPlainText());
        Assert.Equal("(<s>1d20 (5)</s>, 10)kh1 = <b>10</b>", roll.ToHtml());
    }

    [Fact]
    public void GroupsShowWhichDiceTheirOperatorsDropped() =>
        Assert.Equal("(2d6 (~~3~~, 5))kh1 = 5", Rolls.Roll("(2d6)kh1", 3, 5).ToPlainText());

    [Fact]
    public void TooLongABreakdownFallsBackToTheExpressionAndTotal()
    {
        var roll = Rolls.Roll("1000d6", 3);
        Assert.True(roll.ToPlainText().Length > 100);
        Assert.Equal("1000d6 = 3000", roll.ToPlainText(maxLength: 100));
        Assert.Equal("1000d6 = <b>3000</b>", roll.ToHtml(maxLength: 100));
    }

    [Fact]
    public void WhenEvenTheExpressionIsTooLongOnlyTheTotalRemains()
    {
        var roll = Rolls.Roll("1000d6 # a long description of the roll", 3);
        Assert.Equal("3000", roll.ToPlainText(maxLength: 20));
        Assert.Equal("<b>3000</b>", roll.ToHtml(maxLength: 20));
    }

    [Fact]
    public void TheTelegramLimitIsTheDefault()
    {
        var roll = Rolls.Roll("1000d1000", 1000);
        Assert.True(roll.ToPlainText().Length <= DiceRenderer.TelegramMessageLimit);
        Assert.Equal("1000d1000 = 1000000", roll.ToPlainText());
    }

    [Theory]
    [InlineData("d20", "1d20")]
    [InlineData("4D6KH3", "4d6kh3")]
    [InlineData("4d6p1", "4d6dl1")]
    [InlineData("4d6k=3", "4d6k=3")]
    [InlineData("1d20r", "1d20rr1")]
    [InlineData("1d8!", "1d8e8")]
    [InlineData("8d6min2", "8d6mi2")]
    [InlineData("d%", "1d%")]
    [InlineData("(1+2)*3", "(1 + 2) * 3")]
    [InlineData("1-(2-3)", "1 - (2 - 3)")]
    [InlineData("(1-2)-3", "1 - 2 - 3")]
    [InlineData("-(1d6)", "-1d6")]
    [InlineData("-(1+2)", "-(1 + 2)")]
    [InlineData("(-2)[x]", "(-2)[x]")]
    [InlineData("((2d6))kh1", "(2d6)kh1")]
    [InlineData("(2d6,)kh1", "(2d6,)kh1")]
    [InlineData("(1 ,2, 3 ,)", "(1, 2, 3)")]
    [InlineData("1d20 + 5 >= 15", "1d20 + 5 >= 15")]
    [InlineData("(1 < 2) < 3", "(1 < 2) < 3")]
    [InlineData("3d6 [ fire ]", "3d6[fire]")]
    [InlineData("1d20+5 Attack roll adv", "1d20 + 5 # Attack roll adv")]
    [InlineData("1d20 #adv", "1d20 #adv")]
    public void TheCanonicalNotationIsNormalisedAndParsesBack(string input, string canonical)
    {
        var expression = DiceRoller.Parse(input);
        Assert.Equal(canonical, DiceNotation.Format(expression));
        Assert.Equal(expression, DiceRoller.Parse(canonical));
    }
}
