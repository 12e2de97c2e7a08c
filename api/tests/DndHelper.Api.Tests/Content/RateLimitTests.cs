using System.Net;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed class RateLimitTests(ContentFixture content)
{
    [Fact]
    public async Task PastTheLimitAClientGetsTooManyRequestsWithRetryAfter()
    {
        await using var factory = new ApiFactory(content.Database, new Dictionary<string, string?>
        {
            ["RATE_LIMIT_PERMITS"] = "3",
            ["RATE_LIMIT_WINDOW_SECONDS"] = "60",
        });
        using var client = factory.CreateClient();

        var allowed = new[]
        {
            await client.GetWithStatusAsync("/monsters"),
            await client.GetWithStatusAsync("/spells/fireball"),
            await client.GetWithStatusAsync("/search?q=goblin"),
        };
        var (limited, body) = await client.GetWithStatusAsync("/i18n/enums");
        var (health, _) = await client.GetWithStatusAsync("/health");

        Assert.All(allowed, a => Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
