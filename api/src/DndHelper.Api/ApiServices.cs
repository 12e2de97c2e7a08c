using System.Globalization;
using System.Threading.RateLimiting;
using DndHelper.Api.Admin;
using DndHelper.Api.Caching;
using DndHelper.Api.Content;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using DndHelper.Api.I18n;
using DndHelper.Api.Infrastructure;
using DndHelper.Contracts.Hosting;
using DndHelper.Contracts.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace DndHelper.Api;

public static class ApiServices
{
    public const string PublicRateLimit = "public";

    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.AddServiceLogging("dnd-helper-api");

        // Flat environment names (POSTGRES_CONNECTION_STRING ...) are the documented settings; see .env.example.
        // These two are read once here because the registrations below need their values.
        var database = new DatabaseOptions
        {
            Postgres = config["POSTGRES_CONNECTION_STRING"] ?? config.GetConnectionString("Postgres") ?? "",
            Redis = config["REDIS_CONNECTION_STRING"] ?? config.GetConnectionString("Redis") ?? "",
        };
        var defaults = new CacheOptions();
        var cache = new CacheOptions
        {
            LocalSeconds = IntSetting(config, "CACHE_LOCAL_SECONDS", defaults.LocalSeconds),
            DistributedSeconds = IntSetting(config, "CACHE_DISTRIBUTED_SECONDS", defaults.DistributedSeconds),
        };
        services.AddOptions<DatabaseOptions>()
            .Configure(o =>
            {
                o.Postgres = database.Postgres;
                o.Redis = database.Redis;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>()
            .Configure(o =>
            {
                o.PermitLimit = IntSetting(config, "RATE_LIMIT_PERMITS", o.PermitLimit);
                o.WindowSeconds = IntSetting(config, "RATE_LIMIT_WINDOW_SECONDS", o.WindowSeconds);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LanguageOptions>()
            .Configure(o => o.Default = config["DEFAULT_LANGUAGE"] ?? o.Default)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CacheOptions>()
            .Configure(o =>
            {
                o.LocalSeconds = cache.LocalSeconds;
                o.DistributedSeconds = cache.DistributedSeconds;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>()
            .Configure(o =>
            {
                o.BotServiceToken = config["BOT_SERVICE_TOKEN"];
                o.AdminToken = config["ADMIN_TOKEN"];
            });

        services.AddDbContextPool<DndDbContext>(o => DndDbContext.Configure(o, database.Postgres));
        services.AddSingleton(_ => new RedisConnection(database.Redis, config["REDIS_KEY_PREFIX"] is { Length: > 0 } prefix ? prefix : "dnd:"));
        services.AddSingleton<IDistributedCache, RedisDistributedCache>();
        services.AddSingleton<ContentVersion>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentVersion>());
        services.AddHybridCache(o =>
        {
            o.MaximumPayloadBytes = 4 * 1024 * 1024;
            o.DefaultEntryOptions = new HybridCacheEntryOptions
            {
                LocalCacheExpiration = TimeSpan.FromSeconds(cache.LocalSeconds),
                Expiration = TimeSpan.FromSeconds(cache.DistributedSeconds),
            };
        }).AddSerializer<CachedJson, CachedJsonSerializer>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<LabelCatalog>();

        services.AddSingleton(SeedData.Load());
        services.AddScoped<SrdImporter>();
        services.AddSingleton(TimeProvider.System);

        services.ConfigureHttpJsonOptions(o => ContractJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddOpenApi(o => o.AddOperationTransformer<ContentOpenApi>());
        builder.AddAdminServices();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(PublicRateLimit, context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.PermitLimit,
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry)
                    ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(
                    title: "Too many requests",
                    detail: $"This client has made too many requests; try again in {seconds} s.",
                    statusCode: StatusCodes.Status429TooManyRequests,
                    extensions: new Dictionary<string, object?> { ["retry_after"] = seconds })
                    .ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    public static WebApplication UseApiPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app);
        return app;
    }

    private static int IntSetting(ConfigurationManager config, string name, int fallback) =>
        int.TryParse(config[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
