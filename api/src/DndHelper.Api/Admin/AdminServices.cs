using System.Globalization;
using System.Threading.RateLimiting;
using DndHelper.Api.Audit;
using DndHelper.Api.Editing;
using DndHelper.Api.Infrastructure;
using DndHelper.Api.Ingest;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DndHelper.Api.Admin;

// The registrations of the admin features (authentication, writes, ingest, audit); ApiServices calls this once.
public static class AdminServices
{
    public static WebApplicationBuilder AddAdminServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddOptions<AuthOptions>()
            .Validate(o => AdminKeys.TryParseSetting(o.AdminToken, out _), "ADMIN_TOKEN must be one token, or name:token pairs separated by commas (names: letters, digits, _ . @ -)")
            .ValidateOnStart();
        services.AddOptions<AdminOptions>()
            .Configure(o =>
            {
                o.LoginPermits = Int(config, "ADMIN_LOGIN_PERMITS", o.LoginPermits);
                o.LoginWindowSeconds = Int(config, "ADMIN_LOGIN_WINDOW_SECONDS", o.LoginWindowSeconds);
                o.SessionHours = Int(config, "ADMIN_SESSION_HOURS", o.SessionHours);
            })
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestOptions>()
            .Configure(o =>
            {
                o.MaxArchiveBytes = Int(config, "INGEST_MAX_ARCHIVE_BYTES", o.MaxArchiveBytes);
                o.MaxFiles = Int(config, "INGEST_MAX_FILES", o.MaxFiles);
                o.MaxUncompressedBytes = Int(config, "INGEST_MAX_UNCOMPRESSED_BYTES", o.MaxUncompressedBytes);
                o.MaxRecords = Int(config, "INGEST_MAX_RECORDS", o.MaxRecords);
            })
            .ValidateDataAnnotations().ValidateOnStart();

        // With a single scheme registered ASP.NET Core would authenticate every request with it; admin
        // authentication must run only where an endpoint asks for the admin policy.
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminAuthenticationHandler>(AdminAuth.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(AdminAuth.Policy, policy => policy
            .AddAuthenticationSchemes(AdminAuth.Scheme)
            .RequireAuthenticatedUser());
        services.AddRateLimiter(o => o.AddPolicy(AdminAuth.LoginRateLimit, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value;
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.LoginPermits,
                Window = TimeSpan.FromSeconds(limits.LoginWindowSeconds),
                QueueLimit = 0,
            });
        }));

        services.AddSingleton<AdminKeys>();
        services.AddSingleton<AdminSessions>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ContentWriter>();
        services.AddScoped<IngestService>();
        services.AddScoped<IngestJobRunner>();
        services.AddSingleton<PendingJobs>();
        services.AddHostedService<IngestWorker>();
        return builder;
    }

    private static int Int(ConfigurationManager config, string name, int fallback) =>
        int.TryParse(config[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
