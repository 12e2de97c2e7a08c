using System.ComponentModel.DataAnnotations;

namespace DndHelper.Api.Infrastructure;

public sealed class DatabaseOptions
{
    [Required]
    public string Postgres { get; set; } = "";

    [Required]
    public string Redis { get; set; } = "";
}

public sealed class RateLimitOptions
{
    // Requests each client address may make in one window on the public endpoints.
    [Range(1, 10_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 60;
}

public sealed class LanguageOptions
{
    [RegularExpression("^(en|ru)$")]
    public string Default { get; set; } = "en";
}

public sealed class CacheOptions
{
    [Range(1, 86400)]
    public int LocalSeconds { get; set; } = 30;

    [Range(1, 604800)]
    public int DistributedSeconds { get; set; } = 3600;
}

public sealed class AuthOptions
{
    // Service token of the bot (Authorization: Bearer) for the user endpoints.
    public string? BotServiceToken { get; set; }

    // Admin tokens: "name:token" pairs separated by commas, or a single token (named "admin").
    public string? AdminToken { get; set; }
}
