using System.ComponentModel.DataAnnotations;

namespace DndHelper.Api.Admin;

public sealed class AdminOptions
{
    // ADMIN_LOGIN_PERMITS per ADMIN_LOGIN_WINDOW_SECONDS: login attempts one client address may make.
    [Range(1, 10_000)]
    public int LoginPermits { get; set; } = 10;

    [Range(1, 86_400)]
    public int LoginWindowSeconds { get; set; } = 60;

    // ADMIN_SESSION_HOURS: a session ends this long after its last use.
    [Range(1, 720)]
    public int SessionHours { get; set; } = 8;
}
