using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// One company's page: its row of the progress matrix, its SWOT analysis and roadmap (their
/// status, the reviewer's latest comment and what comes next) and its claims. A company
/// representative reads its own company only: the one its sign-in token names (a URL naming
/// another company is refused). Staff reach any participant from the matrix
/// (<c>/office/{region}/{year}/company/{company}</c>).
/// </summary>
public sealed class CompanyModel : OfficePage
{
    public CompanyRow? Row { get; private set; }

    public Participant? Participant { get; private set; }

    /// <summary>What the page names the company: "Name (tax id)", or the tax id alone while the region's directory has no name.</summary>
    public string Label { get; private set; } = string.Empty;

    /// <summary>Whether the reader is the company's own representative (the next steps are worded for it).</summary>
    public bool IsOwnCompany { get; private set; }

    public async Task<IActionResult> OnGetAsync(string region, int year, string? company)
    {
        Year = year;
        if (Resolve(region, staffOnly: false) is not { } caller)
        {
            return Show();
        }

        CompanyId shown;
        if (caller.Actor is { Role: ActorRole.CompanyRepresentative, Company: { } own })
        {
            if (company is not null && !string.Equals(company, own.Value, StringComparison.Ordinal))
            {
                Refusal = new PageRefusal(StatusCodes.Status403Forbidden, Problems.NotYours, Text.Problem(Problems.NotYours, string.Empty));
                return Show();
            }

            shown = own;
            IsOwnCompany = true;
        }
        else if (string.IsNullOrWhiteSpace(company))
        {
            return Redirect(EditionPath("/participants"));
        }
        else
        {
            shown = new CompanyId(company.Trim());
        }

        var data = await EditionData.LoadAsync(HttpContext, caller, year);
        Participant = data?.Find(shown.Value);
        Row = data?.Table.Rows.FirstOrDefault(r => r.Participant.Company == shown);
        if (Participant is null || Row is null)
        {
            Refusal = new PageRefusal(StatusCodes.Status404NotFound, Problems.NotFound, Text.Format("problem.notParticipant", shown.Value, year));
            return Show();
        }

        Label = data!.Label(shown.Value);
        Title = Text.Format("company.title", Label, year);
        return Show();
    }

    /// <summary>
    /// What comes next for a deliverable, as a glossary key: for the company's representative,
    /// what it does (submit, wait, submit a new version with the comment in mind); for staff,
    /// whether a review waits.
    /// </summary>
    public string NextStep(ReviewStatus status) => (IsOwnCompany ? "next.company." : "next.staff.") + status switch
    {
        ReviewStatus.NotSubmitted => "notSubmitted",
        ReviewStatus.Submitted => "submitted",
        ReviewStatus.Returned => "returned",
        _ => "accepted",
    };
}
