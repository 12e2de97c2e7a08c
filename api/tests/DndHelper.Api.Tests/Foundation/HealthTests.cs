using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Foundation;

[Collection(ContentCollection.Name)]
public sealed class HealthTests(ContentFixture content)
{
    [Fact]
    public async Task LivenessAnswersOk()
    {
        var response = await content.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task ReadinessAnswersOkWhenPostgresAndRedisAnswer()
    {
        var response = await content.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("postgres").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("redis").GetString());
    }

    [Fact]
    public async Task ReadinessNamesRedisWhenRedisIsDown()
    {
        await using var factory = new ApiFactory(content.Database, new Dictionary<string, string?> { ["REDIS_CONNECTION_STRING"] = "127.0.0.1:1" });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("down: redis", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("checks").GetProperty("postgres").GetString());
    }

    [Fact]
    public async Task ReadinessNamesPostgresWhenPostgresIsDown()
    {
        await using var factory = new ApiFactory(content.Database, new Dictionary<string, string?>
        {
            ["POSTGRES_CONNECTION_STRING"] = "Host=127.0.0.1;Port=1;Database=none;Username=postgres;Timeout=2",
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("down: postgres", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheOpenApiDocumentAndTheReferencePageAreServed()
    {
        var document = await content.Client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var page = await content.Client.GetAsync(new Uri("/scalar/v1", UriKind.Relative));

        Assert.True(document.GetProperty("paths").TryGetProperty("/health/ready", out _));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

[Collection(ContentCollection.Name)]
public sealed class DatabaseOutageTests(ContentFixture content)
{
    [Theory]
    [InlineData("/monsters?limit=5")]
    [InlineData("/spells/fireball")]
    [InlineData("/search?q=goblin")]
    public async Task WithPostgresDownContentAnswers503WithRetryAfterNot500(string path)
    {
        await using var factory = new ApiFactory(content.Database, new Dictionary<string, string?>
        {
            ["POSTGRES_CONNECTION_STRING"] = "Host=127.0.0.1;Port=1;Database=none;Username=postgres;Timeout=2",
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The library is unavailable", body.GetProperty("title").GetString());
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
    }
}
