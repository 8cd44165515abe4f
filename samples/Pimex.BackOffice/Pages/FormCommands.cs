using Ardalis.Result;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Common;
using Pimex.Localisation;

namespace Pimex.BackOffice.Pages;

/// <summary>What a form's command came to: accepted (with the API's answer), or refused with its errors.</summary>
public sealed record FormOutcome(CommandAccepted? Accepted, IReadOnlyList<FieldError> Errors)
{
    public bool IsAccepted => Accepted is not null;
}

/// <summary>
/// Runs a form's command through the API's own path, <see cref="Commands.RunAsync"/>: the same
/// caller resolution, the same library verb, the same append at the expected versions in one
/// PostgreSQL transaction. The form carries the version of the participant it was rendered at
/// (a hidden field); it is handed on as the API's If-Match, so a page rendered before someone
/// else's change is refused (PIMEX-COMMON version mismatch) exactly as a stale API call is.
/// The verb is handed the caller's context in the page's language
/// (<see cref="CommandContext.In"/>), so the library words its refusals as the page around them
/// (Spanish on Extremadura's pages), with the same codes.
/// </summary>
public static class FormCommands
{
    public static async Task<FormOutcome> RunAsync(HttpContext http, ReportLanguage language, string region, int year, string company, long seenVersion, Func<Scope, CommandContext, Result<Outcome>> decide)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(decide);
        http.Request.Headers.IfMatch = Commands.ETag(seenVersion);
        try
        {
            var result = await Commands.RunAsync(http, region, year, company, s => decide(s, s.Caller.Context.In(language)));
            return result is IValueHttpResult<CommandAccepted> { Value: { } accepted }
                ? new FormOutcome(accepted, [])
                : new FormOutcome(null, ErrorsOf(result));
        }
        finally
        {
            // The API's answer sets the ETag of the stream it changed; a page is not that resource.
            http.Request.Headers.Remove("If-Match");
            http.Response.Headers.Remove("ETag");
        }
    }

    /// <summary>The errors of an API refusal (an RFC 9457 problem with PIMEX codes).</summary>
    public static IReadOnlyList<FieldError> ErrorsOf(Microsoft.AspNetCore.Http.IResult result)
    {
        if (result is ProblemHttpResult { ProblemDetails: ProblemDetails problem })
        {
            if (problem.Extensions.TryGetValue("errors", out var listed) && listed is IEnumerable<ProblemError> errors)
            {
                return [.. errors.Select(e => new FieldError(e.Path, e.Code, e.Message))];
            }

            return [new FieldError(null, string.Empty, problem.Detail ?? problem.Title ?? "Refused.")];
        }

        return [new FieldError(null, string.Empty, "Refused.")];
    }

    /// <summary>The errors about a field (the library's identifier, compared without case).</summary>
    public static IEnumerable<FieldError> For(this IEnumerable<FieldError> errors, string field) =>
        errors.Where(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase));
}
