using System.Text.Json;
using System.Text.RegularExpressions;
using DndHelper.Api.Tests.Infrastructure;

namespace DndHelper.Api.Tests.Content;

[Collection(ContentCollection.Name)]
public sealed partial class OpenApiTests(ContentFixture content)
{
    private static readonly string[] ContentPaths =
    [
        "/monsters", "/monsters/random", "/monsters/{idOrSlug}", "/spells", "/spells/random", "/spells/{idOrSlug}", "/search",
        "/i18n/ui", "/i18n/enums", "/users/by-telegram/{telegram_id}",
    ];

    private static IEnumerable<string> Enum(JsonElement parameter)
    {
        var schema = parameter.GetProperty("schema");
        var values = schema.TryGetProperty("items", out var items) ? items : schema;
        return values.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!);
    }

    [Fact]
    public async Task TheDocumentDescribesEveryParameterValueSetAndResponse()
    {
        var document = await content.Client.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        foreach (var path in ContentPaths)
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var monsters = paths.GetProperty("/monsters").GetProperty("get");
        var parameters = monsters.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.All(parameters.Values, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("description").GetString())));
        Assert.Contains("dragon", Enum(parameters["type"]));
        Assert.Contains("1/4", Enum(parameters["cr_min"]));
        Assert.Equal(["name", "cr"], Enum(parameters["sort"]));
        Assert.Equal(["name", "level"], Enum(paths.GetProperty("/spells").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "sort")));
        foreach (var status in new[] { "200", "400", "429" })
        {
            Assert.True(monsters.GetProperty("responses").TryGetProperty(status, out _), status);
        }
        Assert.True(paths.GetProperty("/monsters/{idOrSlug}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/users/by-telegram/{telegram_id}").GetProperty("put").GetProperty("responses").TryGetProperty("401", out _));
        Assert.Equal("#/components/schemas/PageOfMonsterSummary",
            monsters.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task TheHttpFileHasAnExampleForEveryContentEndpoint()
    {
        var document = await content.Client.GetJsonAsync("/openapi/v1.json");
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DndHelper.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        var examples = RequestLine().Matches(await File.ReadAllTextAsync(Path.Combine(root, "api/src/DndHelper.Api/DndHelper.Api.http")))
            .Select(m => (Method: m.Groups[1].Value, Path: m.Groups[2].Value))
            .ToList();

        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => ContentPaths.Contains(p.Name)))
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^}]+}", "[^/]+") + "$");
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(examples.Any(e => e.Method.Equals(operation.Name, StringComparison.OrdinalIgnoreCase) && pattern.IsMatch(e.Path)),
                    $"{operation.Name.ToUpperInvariant()} {path.Name} has no example in DndHelper.Api.http");
            }
        }
    }

    [GeneratedRegex(@"^(GET|PUT|PATCH|POST|DELETE) \{\{[^}]+\}\}([^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();
}
