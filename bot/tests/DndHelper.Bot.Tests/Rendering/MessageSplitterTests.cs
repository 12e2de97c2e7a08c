using DndHelper.Bot.Rendering;
using DndHelper.Bot.Sandbox;

namespace DndHelper.Bot.Tests.Rendering;

public sealed class MessageSplitterTests
{
    [Fact]
    public void AShortTextStaysOneMessage()
    {
        Assert.Equal(["<b>Goblin</b>\nSmall"], MessageSplitter.Split("<b>Goblin</b>\nSmall"));
    }

    [Theory]
    [InlineData(100, 40)]
    [InlineData(200, 30)]
    [InlineData(4096, 400)]
    public void LongTextsAreCutAtLineBoundariesIntoValidParts(int limit, int lines)
    {
        var text = string.Join("\n", Enumerable.Range(1, lines).Select(i => $"<b>Line {i}.</b> some &amp; <i>text</i> here"));

        var parts = MessageSplitter.Split(text, limit);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= limit));
        Assert.All(parts, p => Assert.Null(TelegramHtml.Validate(p, html: true, out _)));
        Assert.Equal(text.Split('\n'), parts.SelectMany(p => p.Split('\n')));
    }

    [Fact]
    public void ALineLongerThanAMessageIsCutBetweenWordsAndItsTagsReopened()
    {
        var text = "<b>Title</b>\n<i>" + string.Join(" ", Enumerable.Repeat("word&amp;word", 60)) + "</i>";

        var parts = MessageSplitter.Split(text, 200);

        Assert.All(parts, p => Assert.True(p.Length <= 200));
        Assert.All(parts, p => Assert.Null(TelegramHtml.Validate(p, html: true, out _)));
        Assert.All(parts.Skip(1), p => Assert.StartsWith("<i>", p, StringComparison.Ordinal));
        Assert.Equal(Html.ToPlain(text).Replace("\n", " ", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            string.Concat(parts.Select(p => Html.ToPlain(p).Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal))));
    }
}
