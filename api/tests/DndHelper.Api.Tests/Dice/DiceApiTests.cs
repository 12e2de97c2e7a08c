using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Dice;

[Collection(ContentCollection.Name)]
public sealed class DiceApiTests(ContentFixture content)
{
    [Fact]
    public async Task RollingAnExpressionAnswersTheTotalAndEveryDie()
    {
        var response = await content.Client.PostAsJsonAsync(new Uri("/dice/roll", UriKind.Relative), new { expression = "4d6kh3+2 # stats" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dice = body.GetProperty("breakdown")[0].GetProperty("dice").EnumerateArray().ToList();
        Assert.Equal(4, dice.Count);
        Assert.Equal(3, dice.Count(d => d.GetProperty("kept").GetBoolean()));
        var keptSum = dice.Where(d => d.GetProperty("kept").GetBoolean()).Sum(d => d.GetProperty("face").GetInt32());
        Assert.Equal(keptSum + 2, body.GetProperty("total").GetInt64());
        Assert.Equal("stats", body.GetProperty("comment").GetString());
        Assert.Contains($"= {keptSum + 2}", body.GetProperty("rendered").GetProperty("plain").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4d6 kh3", "Syntax")]
    [InlineData("1d0", "InvalidDie")]
    [InlineData("1/0", "DivideByZero")]
    [InlineData("1001d6", "InvalidDie")]
    [InlineData("1d6!=3", "Ambiguous")]
    [InlineData("", "Syntax")]
    public async Task ABadExpressionIsA400NamingTheKindAndPosition(string expression, string kind)
    {
        var response = await content.Client.PostAsJsonAsync(new Uri("/dice/roll", UriKind.Relative), new { expression });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(kind, body.GetProperty("kind").GetString());
        Assert.Equal("expression", body.GetProperty("field").GetString());
        Assert.True(body.GetProperty("position").GetInt32() >= 0);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("{\"expression\": 5}")]
    [InlineData("{not json")]
    [InlineData("[]")]
    public async Task AMalformedBodyIsA400ProblemNotA500(string json)
    {
        using var request = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await content.Client.PostAsync(new Uri("/dice/roll", UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
