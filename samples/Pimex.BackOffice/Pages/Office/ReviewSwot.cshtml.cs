using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Participation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>Reviews the SWOT analysis waiting for review: accept, or return with a comment (the library's <c>ReviewSwot</c>, through the API's command path).</summary>
public sealed class ReviewSwotModel : OfficePage
{
    public Participant? Participant { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public bool? Accept { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string region, int year, string company)
    {
        Year = year;
        await LoadAsync(region, year, company);
        Version = Participant?.Version ?? 0;
        Accept ??= true;
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string region, int year, string company)
    {
        Year = year;
        if (!await LoadAsync(region, year, company))
        {
            return Show();
        }

        if (Accept is not { } accept)
        {
            Errors = [new FieldError("accept", Problems.MalformedBody, Text["review.decision"])];
        }
        else
        {
            var comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim();
            var outcome = await FormCommands.RunAsync(HttpContext, region, year, company, Version, s => Outcome.Of(s.RequiredParticipant.ReviewSwot(accept, comment, s.Caller.Context)));
            if (outcome.IsAccepted)
            {
                TempData["message"] = Text.Format("review.done", company, Text.Review(accept ? ReviewStatus.Accepted : ReviewStatus.Returned));
                return Redirect(EditionPath("/queues"));
            }

            Errors = outcome.Errors;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(region, year, company);
        return Page();
    }

    private async Task<bool> LoadAsync(string region, int year, string company)
    {
        if (Resolve(region) is not { } caller)
        {
            return false;
        }

        var data = await EditionData.LoadAsync(HttpContext, caller, year);
        Participant = data?.Find(company);
        if (Participant is null)
        {
            Refusal = new PageRefusal(StatusCodes.Status404NotFound, Problems.NotFound, $"{company} is not a participant of the {year} edition of {region}.");
            return false;
        }

        Title = Text.Format("review.title", company);
        return true;
    }
}
