using Ardalis.Result;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.Common;
using Pimex.Localisation;

namespace Pimex.BackOffice.Pages;

/// <summary>A refusal as a page shows it: the HTTP status, the stable code and the words.</summary>
public sealed record PageRefusal(int Status, string Code, string Message);

/// <summary>One error of a refused command, as a form shows it next to its field: the field (the library's identifier), the code, the words.</summary>
public sealed record FieldError(string? Field, string Code, string Message);

/// <summary>
/// What every page of the back office shares: the signed-in actor and region (read from the
/// cookie with <see cref="Tokens.Read"/>, as the API reads a bearer token), the region's
/// language, and a refusal to show instead of the page.
/// </summary>
public abstract class OfficePage : PageModel
{
    public PageText Text { get; protected set; } = PageText.For(ReportLanguage.English);

    public Actor? Actor { get; private set; }

    public string? SignedInRegion { get; private set; }

    /// <summary>The region and year the page is about, for the navigation.</summary>
    public string? Region { get; protected set; }

    public int? Year { get; protected set; }

    public PageRefusal? Refusal { get; protected set; }

    public string Title { get; protected set; } = string.Empty;

    /// <summary>Whether the actor may act on the pages' forms: technical staff (a programme manager or a technician).</summary>
    public bool MayAct => Actor?.IsTechnicalStaff == true;

    /// <summary>Whether the actor reads the edition's pages: operator staff and senior consultants (not a company representative).</summary>
    public bool MayRead => Actor is { } a && a.Role != ActorRole.CompanyRepresentative;

    public string EditionPath(string? rest = null) => $"/office/{Region}/{Year}{rest}";

    /// <summary>
    /// Resolves the caller for a region with the API's own rule (<see cref="Caller.Resolve"/>):
    /// the region must exist and be the signed-in user's; sets the language from the region's
    /// rulebook. Null, with <see cref="Refusal"/> set, when refused.
    /// </summary>
    protected Caller? Resolve(string region, bool staffOnly = true)
    {
        ReadUser();
        var (caller, refusal) = Caller.Resolve(HttpContext, region, requireIfMatch: false);
        if (caller is null)
        {
            Refuse(refusal!);
            return null;
        }

        Region = region;
        Text = PageText.ForRegion(caller.Rulebook, Request.Query["lang"]);
        if (staffOnly && caller.Actor.Role == ActorRole.CompanyRepresentative)
        {
            Refusal = new PageRefusal(StatusCodes.Status403Forbidden, Problems.NotYours, Text.Problem(Problems.NotYours, string.Empty));
            return null;
        }

        return caller;
    }

    /// <summary>Reads who is signed in, for the header, and the language of the user's region.</summary>
    protected void ReadUser()
    {
        if (Tokens.Read(User) is { } who)
        {
            Actor = who.Actor;
            SignedInRegion = who.Region;
            var regions = HttpContext.RequestServices.GetRequiredService<Regions>();
            if (regions.TryGet(who.Region, out var rulebook))
            {
                Text = PageText.ForRegion(rulebook, Request.Query["lang"]);
            }
        }
    }

    /// <summary>
    /// Runs a form's command on a participant through the API's command path
    /// (<see cref="FormCommands.RunAsync"/>), with the context in the page's language: the verb
    /// takes the context it is handed, so its refusals read in the words of the page.
    /// </summary>
    protected async Task<FormOutcome> RunAsync(string region, int year, string company, long seenVersion, Func<Scope, CommandContext, Result<Outcome>> decide)
    {
        var outcome = await FormCommands.RunAsync(HttpContext, Text.Language, region, year, company, seenVersion, decide);
        return outcome with { Errors = [.. outcome.Errors.Select(e => e with { Message = Text.Problem(e.Code, e.Message) })] };
    }

    /// <summary>Refuses the page: no edition of that year in the region (404), in the page's language.</summary>
    protected void NoEdition(string region, int year) =>
        Refusal = new PageRefusal(StatusCodes.Status404NotFound, Problems.NotFound, Text.Format("problem.noEdition", year, region));

    /// <summary>Shows an API refusal (a problem) as the page, with its status code.</summary>
    protected void Refuse(Microsoft.AspNetCore.Http.IResult refusal)
    {
        var errors = FormCommands.ErrorsOf(refusal);
        var status = refusal is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status400BadRequest;
        var first = errors.Count > 0 ? errors[0] : new FieldError(null, string.Empty, Text["refused"]);
        Refusal = new PageRefusal(status, first.Code, string.Join(" ", errors.Select(e => Text.Problem(e.Code, e.Message)).Distinct(StringComparer.Ordinal)));
    }

    /// <summary>The page, or the refusal with its status.</summary>
    protected IActionResult Show()
    {
        if (Refusal is { } refused)
        {
            Response.StatusCode = refused.Status;
        }

        return Page();
    }
}
