using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// A company representative's own page: its company's row of the progress matrix and its claims,
/// nothing of the other companies. The company is the one the sign-in token names, never one the
/// URL could name; staff, who have no company of their own, are sent to the matrix.
/// </summary>
public sealed class CompanyModel : OfficePage
{
    public CompanyRow? Row { get; private set; }

    public Participant? Participant { get; private set; }

    public async Task<IActionResult> OnGetAsync(string region, int year)
    {
        Year = year;
        if (Resolve(region, staffOnly: false) is not { } caller)
        {
            return Show();
        }

        if (caller.Actor is not { Role: ActorRole.CompanyRepresentative, Company: { } company })
        {
            return Redirect(EditionPath("/participants"));
        }

        var data = await EditionData.LoadAsync(HttpContext, caller, year);
        Participant = data?.Find(company.Value);
        Row = data?.Table.Rows.FirstOrDefault(r => r.Participant.Company == company);
        if (Participant is null || Row is null)
        {
            Refusal = new PageRefusal(StatusCodes.Status404NotFound, Problems.NotFound, $"{company.Value} is not a participant of the {year} edition of {region}.");
            return Show();
        }

        Title = Text.Format("company.title", company.Value, year);
        return Show();
    }
}
