using System.Buffers;
using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DndHelper.Contracts.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Caching.Hybrid;

namespace DndHelper.Api.Caching;

// A response body serialized once and written as is on every hit. Immutable, so the in-process
// cache level hands out the same instance instead of a copy per request.
[ImmutableObject(true)]
public sealed class CachedJson
{
    // Marks "nothing there" (a 404) in the cache without a body.
    public static readonly CachedJson None = new([]);

    private CachedJson(byte[] utf8) => Utf8 = utf8;

    public byte[] Utf8 { get; }

    public bool IsNone => Utf8.Length == 0;

    // Cyrillic goes out as UTF-8 rather than \u escapes: a third of the bytes for a Russian page.
    private static readonly JsonSerializerOptions Options = new(ContractJson.Options) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static CachedJson From<T>(T value) => new(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    public static CachedJson FromBytes(byte[] utf8) => utf8.Length == 0 ? None : new CachedJson(utf8);
}

public sealed class CachedJsonSerializer : IHybridCacheSerializer<CachedJson>
{
    public CachedJson Deserialize(ReadOnlySequence<byte> source) => CachedJson.FromBytes(source.ToArray());

    public void Serialize(CachedJson value, IBufferWriter<byte> target) => target.Write(value.Utf8);
}

// 200 with a cached JSON body of T: typed for the OpenAPI document, a plain byte copy at run time.
public sealed class JsonBody<T>(CachedJson body) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public string? ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Utf8.Length;
        return response.Body.WriteAsync(body.Utf8).AsTask();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider is a static interface")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
