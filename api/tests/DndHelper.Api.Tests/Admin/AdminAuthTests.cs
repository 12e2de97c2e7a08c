using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class AdminAuthTests(AdminFixture admin)
{
    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "/admin/monsters" },
        { "PUT", "/admin/monsters/goblin" },
        { "DELETE", "/admin/monsters/goblin" },
        { "PUT", "/admin/monsters/goblin/translations/ru" },
        { "POST", "/admin/spells" },
        { "PUT", "/admin/spells/fireball" },
        { "DELETE", "/admin/spells/fireball" },
        { "PUT", "/admin/spells/fireball/translations/ru" },
        { "PUT", "/admin/ui-strings/common/not_found/ru" },
        { "POST", "/admin/ingest" },
        { "POST", "/admin/ingest?dry_run=true" },
        { "GET", "/admin/audit" },
        { "GET", "/admin/jobs" },
        { "GET", "/admin/monsters" },
        { "DELETE", "/admin/session" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WithoutCredentialsEveryAdminEndpointAnswers401AndChangesNothing(string method, string path)
    {
        var before = await admin.ChecksumAsync();

        using var response = await admin.Anonymous.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await admin.ChecksumAsync());
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task WithAWrongTokenEveryAdminEndpointAnswers403AndChangesNothing(string method, string path)
    {
        var before = await admin.ChecksumAsync();
        var request = Request(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin + "x");

        using var response = await admin.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await admin.ChecksumAsync());
    }

    [Theory]
    [InlineData("Basic dGVzdGVyOmFkbWluLXRva2VuLWZvci10ZXN0cw==")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("tester:admin-token-for-tests")]
    [InlineData("Bearer tester:admin-token-for-tests")]
    public async Task MalformedOrForeignAuthorizationHeadersAre403NeverA500(string header)
    {
        var request = Request("DELETE", "/admin/monsters/goblin");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await admin.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, await admin.Database.ScalarAsync<long>("SELECT count(*) FROM monsters WHERE slug = 'goblin'"));
    }

    [Fact]
    public async Task TheBotServiceTokenIsNotAnAdminToken()
    {
        var request = Request("DELETE", "/admin/monsters/goblin");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Bot);

        using var response = await admin.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LoginSetsAStrictHttpOnlyCookieAndChangesNeedTheCsrfToken()
    {
        using var client = admin.Factory.CreateClient(new() { HandleCookies = false });
        using var login = await client.PostAsJsonAsync(new Uri("/admin/session", UriKind.Relative), new { token = TestTokens.Admin });
        var session = await login.Content.ReadFromJsonAsync<JsonElement>();
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        var csrf = session.GetProperty("csrf_token").GetString()!;

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("tester", session.GetProperty("name").GetString());
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestTokens.Admin, cookie, StringComparison.Ordinal);
        var sessionCookie = cookie.Split(';')[0];

        var read = Request("GET", "/admin/session", sessionCookie);
        using var readResponse = await client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);

        // A cookie alone, as another site's form would send it, may not change anything.
        var forged = Request("PUT", "/admin/ui-strings/common/not_found/ru", sessionCookie, new { text = "Подделка" });
        using var forgedResponse = await client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        var wrongToken = Request("PUT", "/admin/ui-strings/common/not_found/ru", sessionCookie, new { text = "Подделка" });
        wrongToken.Headers.Add("X-CSRF-Token", csrf + "x");
        using var wrongResponse = await client.SendAsync(wrongToken);
        Assert.Equal(HttpStatusCode.Forbidden, wrongResponse.StatusCode);
        Assert.NotEqual("Подделка", await admin.Database.ScalarAsync<string>(
            "SELECT text FROM ui_translations WHERE namespace = 'common' AND key = 'not_found' AND lang = 'ru'"));

        var logout = Request("DELETE", "/admin/session", sessionCookie);
        logout.Headers.Add("X-CSRF-Token", csrf);
        using var logoutResponse = await client.SendAsync(logout);
        Assert.Equal(HttpStatusCode.NoContent, logoutResponse.StatusCode);

        using var afterLogout = await client.SendAsync(Request("GET", "/admin/session", sessionCookie));
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task ASessionStartedOnOneInstanceWorksOnAnother()
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        await using var first = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = prefix });
        await using var second = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["REDIS_KEY_PREFIX"] = prefix });
        using var one = first.CreateClient(new() { HandleCookies = false });
        using var two = second.CreateClient(new() { HandleCookies = false });

        using var login = await one.PostAsJsonAsync(new Uri("/admin/session", UriKind.Relative), new { token = TestTokens.Admin });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var csrf = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf_token").GetString()!;

        using var there = await two.SendAsync(Request("GET", "/admin/session", cookie));
        Assert.Equal(HttpStatusCode.OK, there.StatusCode);
        Assert.Equal(csrf, (await there.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrf_token").GetString());

        var logout = Request("DELETE", "/admin/session", cookie);
        logout.Headers.Add("X-CSRF-Token", csrf);
        (await two.SendAsync(logout)).Dispose();
        using var gone = await one.SendAsync(Request("GET", "/admin/session", cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
    }

    [Fact]
    public async Task AWrongLoginIs403AndTheLoginIsRateLimited()
    {
        await using var factory = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["ADMIN_LOGIN_PERMITS"] = "3" });
        using var client = factory.CreateClient(new() { HandleCookies = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/admin/session", UriKind.Relative), new { token = $"guess-{i}" });
            statuses.Add(response.StatusCode);
        }
        using var rightButLate = await client.PostAsJsonAsync(new Uri("/admin/session", UriKind.Relative), new { token = TestTokens.Admin });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButLate.StatusCode);
        Assert.True(rightButLate.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task SeveralNamedTokensAreEachAcceptedAndTheAuditNamesTheAdminNeverTheToken()
    {
        const string second = "second-admin-token-0123456789";
        await using var factory = new ApiFactory(admin.Database, new Dictionary<string, string?>
        {
            ["ADMIN_TOKEN"] = $"tester:{TestTokens.Admin}, gm-anna:{second}",
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);

        using var response = await client.PutAsJsonAsync(new Uri("/admin/ui-strings/common/audit_probe/en", UriKind.Relative), new { text = "Probe" });
        var audit = await client.GetFromJsonAsync<JsonElement>(new Uri("/admin/audit?actor=gm-anna", UriKind.Relative));
        var everything = await admin.Database.ScalarAsync<string>("SELECT coalesce(string_agg(a::text, '|'), '') FROM audit_log a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = audit.GetProperty("items")[0];
        Assert.Equal(("gm-anna", "ui_string.update", "ui/common/audit_probe/en"),
            (entry.GetProperty("actor").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("target").GetString()));
        Assert.DoesNotContain(second, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.Admin, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnAdminTokenConfiguredNothingGetsIn()
    {
        await using var factory = new ApiFactory(admin.Database, new Dictionary<string, string?> { ["ADMIN_TOKEN"] = "" });
        using var client = factory.CreateClient(new() { HandleCookies = false });
        var request = Request("DELETE", "/admin/monsters/goblin");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Admin);

        using var write = await client.SendAsync(request);
        using var login = await client.PostAsJsonAsync(new Uri("/admin/session", UriKind.Relative), new { token = "" });

        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string? cookie = null, object? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = path.StartsWith("/admin/ingest", StringComparison.Ordinal)
                ? new ByteArrayContent(Bundles.Zip(Bundles.Example()))
                : new StringContent(JsonSerializer.Serialize(body ?? new { name = "x" }), Encoding.UTF8, "application/json");
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return request;
    }
}
