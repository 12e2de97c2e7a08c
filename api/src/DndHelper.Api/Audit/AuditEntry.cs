namespace DndHelper.Api.Audit;

// Who changed what, and when. Actor is an admin's name from ADMIN_TOKEN or "cli:<user>" — never a token.
// Before and After hold only what changed (or a summary for a create, delete or ingest), as JSON.
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Target { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
