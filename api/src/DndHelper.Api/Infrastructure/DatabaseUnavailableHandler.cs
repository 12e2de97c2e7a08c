using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace DndHelper.Api.Infrastructure;

// PostgreSQL out of reach is an outage, not a bug: 503 with Retry-After, so clients (the bot
// among them) tell the user to try again shortly instead of reporting a server error.
public sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
        {
            return false;
        }
        LogOutage(logger, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The library is unavailable",
                Detail = "The database does not answer; try again shortly.",
            },
        });
    }

    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException || (e is NpgsqlException npgsql && npgsql.IsTransient))
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "PostgreSQL is unavailable")]
    private static partial void LogOutage(ILogger logger, Exception exception);
}
