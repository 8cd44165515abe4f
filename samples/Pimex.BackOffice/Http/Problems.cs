using Ardalis.Result;
using Microsoft.AspNetCore.Mvc;
using Pimex.Common;
using IResult = Microsoft.AspNetCore.Http.IResult;

namespace Pimex.BackOffice.Http;

/// <summary>One error of a problem: its stable code, the JSON path or rule it is about, and why.</summary>
public sealed record ProblemError(string Code, string? Path, string Message);

/// <summary>
/// RFC 9457 problem details for every refusal: the HTTP status from the library's result status
/// (400 Invalid, 409 Conflict, 403 Forbidden, 404 NotFound), the stable <c>PIMEX-...</c> codes
/// in <c>codes</c>, and each error with its JSON path in <c>errors</c>.
/// </summary>
public static class Problems
{
    /// <summary>The body is not JSON, or not the expected shape.</summary>
    public const string MalformedBody = "PIMEX-HTTP-001";

    /// <summary>A command on an edition or a participant without an If-Match header (428).</summary>
    public const string MissingIfMatch = "PIMEX-HTTP-002";

    /// <summary>The token's region is not the region of the URL (403).</summary>
    public const string OtherRegion = "PIMEX-HTTP-003";

    /// <summary>The body is larger than the limit (413).</summary>
    public const string BodyTooLarge = "PIMEX-HTTP-004";

    /// <summary>No such region, edition or participant (404).</summary>
    public const string NotFound = "PIMEX-HTTP-005";

    /// <summary>The edition of that year is already open (409).</summary>
    public const string AlreadyOpen = "PIMEX-HTTP-006";

    /// <summary>The token lacks a usable actor (id, role, company for a representative, region) (401).</summary>
    public const string NoActor = "PIMEX-HTTP-007";

    /// <summary>Only operator staff and consultants read the edition's reports; a representative reads its own company (403).</summary>
    public const string NotYours = "PIMEX-HTTP-008";

    /// <summary>A recorded-at time was sent, but this back office does not accept client times (400).</summary>
    public const string ClientTimeRefused = "PIMEX-HTTP-009";

    /// <summary>A recorded-at time was sent with a token that is not a migration token (403): staff and representatives act at the server's clock.</summary>
    public const string ClientTimeNotMigration = "PIMEX-HTTP-010";

    /// <summary>A recorded-at time later than the server's clock (400): nothing is recorded in the future.</summary>
    public const string ClientTimeInFuture = "PIMEX-HTTP-011";

    /// <summary>A recorded-at time before the last event of the edition or the participant the command touches (409).</summary>
    public const string ClientTimeBeforeLastEvent = "PIMEX-HTTP-012";

    /// <summary>The region is configured but its rulebook did not load at start-up (503): the other regions serve.</summary>
    public const string RegionUnavailable = "PIMEX-HTTP-013";

    /// <summary>A path segment that can never be an identifier: a blank company or claim, or one holding U+0000 (400).</summary>
    public const string MalformedPath = "PIMEX-HTTP-014";

    /// <summary>A senior consultant tried to set a company's name: the operator's staff set names, a representative its own company's (403).</summary>
    public const string NamesByStaff = "PIMEX-HTTP-015";

    /// <summary>A company name that is blank, too long, or not one line of visible text (400).</summary>
    public const string InvalidCompanyName = "PIMEX-HTTP-016";

    /// <summary>An unexpected error; the details are in the server's log, never in the response (500).</summary>
    public const string Unexpected = "PIMEX-HTTP-500";

    public static IResult From(Ardalis.Result.IResult result, bool ifMatchGiven)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = new List<ProblemError>();
        foreach (var e in result.ValidationErrors ?? [])
        {
            errors.Add(new ProblemError(e.ErrorCode, e.Identifier, e.ErrorMessage));
        }

        foreach (var message in result.Errors ?? [])
        {
            int colon = message.IndexOf(':', StringComparison.Ordinal);
            errors.Add(colon > 0 && message.StartsWith("PIMEX-", StringComparison.Ordinal)
                ? new ProblemError(message[..colon], null, message[(colon + 1)..].Trim())
                : new ProblemError(string.Empty, null, message));
        }

        int status = result.Status switch
        {
            ResultStatus.Invalid => StatusCodes.Status400BadRequest,
            ResultStatus.Conflict when ifMatchGiven && errors.Any(e => e.Code == CommonErrors.VersionMismatch) => StatusCodes.Status412PreconditionFailed,
            ResultStatus.Conflict => StatusCodes.Status409Conflict,
            ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
            ResultStatus.NotFound => StatusCodes.Status404NotFound,
            ResultStatus.Unauthorized => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status500InternalServerError,
        };
        return Problem(status, errors);
    }

    public static IResult Of(int status, string code, string message, string? path = null) =>
        Problem(status, [new ProblemError(code, path, message)]);

    private static IResult Problem(int status, IReadOnlyList<ProblemError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = "https://www.rfc-editor.org/rfc/rfc9110#status." + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = Title(status),
            Detail = string.Join(" ", errors.Select(e => e.Message)),
        };
        problem.Extensions["codes"] = errors.Select(e => e.Code).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        problem.Extensions["errors"] = errors;
        return Results.Problem(problem);
    }

    private static string Title(int status) => status switch
    {
        400 => "The command breaks a rule or its input is invalid.",
        401 => "No valid bearer token.",
        403 => "This actor may not do this.",
        404 => "Not found.",
        409 => "The command clashes with the current state.",
        412 => "The resource changed since the version in If-Match.",
        413 => "The body is too large.",
        428 => "This command needs an If-Match header with the version you saw.",
        503 => "This region is not serving.",
        _ => "An unexpected error.",
    };
}
