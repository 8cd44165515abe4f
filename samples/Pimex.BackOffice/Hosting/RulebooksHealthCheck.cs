using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Pimex.BackOffice.Hosting;

/// <summary>
/// Whether every configured region serves: healthy when every rulebook loaded, degraded (naming
/// the regions) when some did not. <c>/health</c> answers 200 <c>ok</c> or 200
/// <c>degraded: ...</c> (the process runs and the other regions serve); <c>/health/ready</c>
/// answers 503 when a region is down, so that a rollout with a bad rulebook stops at the first
/// instance while the old ones keep serving every region. The reasons are in the log, not here
/// (the endpoints are anonymous).
/// </summary>
public sealed class RulebooksHealthCheck(Regions regions) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = regions.Unavailable.Keys.Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("regions not serving (their rulebook did not load): " + string.Join(", ", down)));
    }

    /// <summary>Maps <c>/health</c> (liveness: 200 unless unhealthy) and <c>/health/ready</c> (readiness: 200 only when healthy).</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health", Options(ready: false)).AllowAnonymous().WithName("Health");
        app.MapHealthChecks("/health/ready", Options(ready: true)).AllowAnonymous().WithName("Ready");
    }

    private static HealthCheckOptions Options(bool ready) => new()
    {
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = ready ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = async (http, report) =>
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            var problems = report.Entries.Values.Select(e => e.Description).Where(d => !string.IsNullOrEmpty(d));
            var text = report.Status switch
            {
                HealthStatus.Healthy => ready ? "ready" : "ok",
                HealthStatus.Degraded => (ready ? "not ready: " : "degraded: ") + string.Join("; ", problems),
                _ => "unhealthy: " + string.Join("; ", problems),
            };
            await http.Response.WriteAsync(text, http.RequestAborted);
        },
    };
}
