using DndHelper.Bot.Routing;

namespace DndHelper.Bot.Tests.Rendering;

public sealed class CallbackDataTests
{
    [Fact]
    public void EncodedDataDecodesToTheSameActionAndArguments()
    {
        var data = CallbackData.Encode(CallbackData.Card, CallbackData.Monsters, "adult-red-dragon");

        Assert.Equal("1|c|m|adult-red-dragon", data);
        var decoded = CallbackData.TryDecode(data)!;
        Assert.Equal(CallbackData.Card, decoded.Action);
        Assert.Equal(["m", "adult-red-dragon"], decoded.Args);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2|c|m|goblin")]
    [InlineData("1|")]
    [InlineData("not callback data")]
    public void ForeignOrOtherVersionDataDoesNotDecode(string? data)
    {
        Assert.Null(CallbackData.TryDecode(data));
    }

    [Fact]
    public void DataThatWouldPassSixtyFourBytesIsNotMade()
    {
        Assert.Null(CallbackData.TryEncode(CallbackData.Card, CallbackData.Monsters, new string('x', 60)));
        Assert.Null(CallbackData.TryEncode(CallbackData.Roll, "1d6|2"));
        Assert.NotNull(CallbackData.TryEncode(CallbackData.Roll, "4d6kh3+2d8+10"));
    }

    [Fact]
    public void ACardWithASlugTooLongForAButtonIsNamedByItsId()
    {
        Assert.Equal("1|c|m|goblin", CallbackData.CardOf(CallbackData.Monsters, "goblin", 7));
        Assert.Equal("1|c|m|4711", CallbackData.CardOf(CallbackData.Monsters, new string('x', 90), 4711));
    }

    [Theory]
    [InlineData("/roll 2d6", "roll", "2d6")]
    [InlineData("/r@DndHelperBot 1d20 adv", "r", "1d20 adv")]
    [InlineData("/START", "start", null)]
    public void CommandsAreReadWithTheirArgument(string text, string command, string? argument)
    {
        Assert.Equal((command, argument), UpdateRouter.ParseCommand(text));
    }
}
