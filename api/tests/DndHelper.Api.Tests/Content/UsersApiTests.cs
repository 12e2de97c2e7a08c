using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class UsersApiTests(ContentFixture content)
{
    private static long NewTelegramId() => Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);

    private static HttpRequestMessage Request(HttpMethod method, string url, string? json = null, string? token = TestTokens.Bot)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    [Fact]
    public async Task PutCreatesThenUpdatesAndGetAndPatchFollow()
    {
        var id = NewTelegramId();
        var url = $"/users/by-telegram/{id}";

        var (created, createdBody) = await content.Client.SendJsonAsync(Request(HttpMethod.Put, url, """{"language":"ru"}"""));
        var (updated, updatedBody) = await content.Client.SendJsonAsync(Request(HttpMethod.Put, url, """{"language":"en"}"""));
        var (patched, patchedBody) = await content.Client.SendJsonAsync(Request(HttpMethod.Patch, url, """{"language":"ru"}"""));
        var (read, readBody) = await content.Client.SendJsonAsync(Request(HttpMethod.Get, url));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(url, created.Headers.Location?.OriginalString);
        Assert.Equal((id, "ru"), (createdBody.GetProperty("telegram_id").GetInt64(), createdBody.GetProperty("language").GetString()));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("en", updatedBody.GetProperty("language").GetString());
        Assert.Equal(createdBody.GetProperty("created_at").GetDateTimeOffset(), updatedBody.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("ru", patchedBody.GetProperty("language").GetString());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("ru", readBody.GetProperty("language").GetString());
    }

    [Fact]
    public async Task ConcurrentFirstContactsOfOneUserMakeOneUser()
    {
        var url = $"/users/by-telegram/{NewTelegramId()}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            content.Client.SendJsonAsync(Request(HttpMethod.Put, url, """{"language":"ru"}"""))));

        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses, r => Assert.True(r.Response.IsSuccessStatusCode));
    }

    [Fact]
    public async Task AnUnknownUserIsNotFound()
    {
        var url = $"/users/by-telegram/{NewTelegramId()}";

        var (read, body) = await content.Client.SendJsonAsync(Request(HttpMethod.Get, url));
        var (patched, _) = await content.Client.SendJsonAsync(Request(HttpMethod.Patch, url, """{"language":"en"}"""));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, patched.StatusCode);
    }

    [Theory]
    [InlineData("42", """{"language":"de"}""", "language")]
    [InlineData("42", """{"language":null}""", "language")]
    [InlineData("42", """{}""", "language")]
    [InlineData("42", """not json""", "body")]
    [InlineData("42", """null""", "body")]
    [InlineData("-5", """{"language":"en"}""", "telegram_id")]
    [InlineData("abc", """{"language":"en"}""", "telegram_id")]
    [InlineData("99999999999999999999", """{"language":"en"}""", "telegram_id")]
    public async Task BadValuesAreBadRequestsNamingTheField(string id, string json, string field)
    {
        var (response, body) = await content.Client.SendJsonAsync(Request(HttpMethod.Put, $"/users/by-telegram/{id}", json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.GetRawText());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    [InlineData("")]
    public async Task WithoutTheBotTokenEveryUserEndpointIsUnauthorized(string? token)
    {
        var id = NewTelegramId();
        foreach (var (method, json) in new[] { (HttpMethod.Get, (string?)null), (HttpMethod.Put, """{"language":"en"}"""), (HttpMethod.Patch, """{"language":"en"}""") })
        {
            using var request = Request(method, $"/users/by-telegram/{id}", json, token is "" ? null : token);
            if (token == "")
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer");
            }
            var (response, body) = await content.Client.SendJsonAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(401, body.GetProperty("status").GetInt32());
        }
        var (lookup, _) = await content.Client.SendJsonAsync(Request(HttpMethod.Get, $"/users/by-telegram/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredTokenNobodyGetsIn()
    {
        await using var factory = new ApiFactory(content.Database, new Dictionary<string, string?> { ["BOT_SERVICE_TOKEN"] = "" });
        using var client = factory.CreateClient();

        var (empty, _) = await client.SendJsonAsync(Request(HttpMethod.Get, "/users/by-telegram/42", token: null));
        using var blank = Request(HttpMethod.Get, "/users/by-telegram/42", token: null);
        blank.Headers.TryAddWithoutValidation("Authorization", "Bearer ");
        var (blankToken, _) = await client.SendJsonAsync(blank);
        var (anyToken, _) = await client.SendJsonAsync(Request(HttpMethod.Get, "/users/by-telegram/42", token: TestTokens.Bot));

        Assert.Equal(HttpStatusCode.Unauthorized, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, blankToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anyToken.StatusCode);
    }

    [Theory]
    [InlineData("Bearer bot-service-token-for-tests", true)]
    [InlineData("bearer bot-service-token-for-tests", true)]
    [InlineData("Bearer bot-service-token-for-test", false)]
    [InlineData("Bearer bot-service-token-for-testsX", false)]
    [InlineData("Basic bot-service-token-for-tests", false)]
    [InlineData("bot-service-token-for-tests", false)]
    [InlineData(null, false)]
    public void TheTokenComparisonAcceptsOnlyTheExactBearerToken(string? header, bool expected)
    {
        Assert.Equal(expected, DndHelper.Api.Users.BotServiceToken.Matches(header, TestTokens.Bot));
        Assert.False(DndHelper.Api.Users.BotServiceToken.Matches(header, null));
        Assert.False(DndHelper.Api.Users.BotServiceToken.Matches(header, ""));
    }
}
