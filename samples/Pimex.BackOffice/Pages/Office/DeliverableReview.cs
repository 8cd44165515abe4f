using Ardalis.Result;
using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Common;
using Pimex.Participation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// Reviews a deliverable waiting for review (the SWOT analysis, the international roadmap):
/// accept, or return with a comment, through the API's command path with the library's verb
/// (<c>ReviewSwot</c>, <c>ReviewRoadmap</c>). The library's refusals are shown next to their fields.
/// </summary>
public abstract class DeliverableReviewModel : OfficePage
{
    public Participant? Participant { get; private set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public bool? Accept { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The prefix of the page's own glossary keys (<c>.title</c>, <c>.done</c>, <c>.none</c>).</summary>
    public abstract string Keys { get; }

    /// <summary>The deliverable's review state.</summary>
    public ReviewStatus Status => Participant is { } p ? StatusOf(p) : ReviewStatus.NotSubmitted;

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
            var outcome = await RunAsync(region, year, company, Version, (s, context) => Outcome.Of(Review(s.RequiredParticipant, accept, comment, context)));
            if (outcome.IsAccepted)
            {
                TempData["message"] = Text.Format(Keys + ".done", company, Text.Review(accept ? ReviewStatus.Accepted : ReviewStatus.Returned));
                return Redirect(EditionPath("/queues"));
            }

            Errors = outcome.Errors;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(region, year, company);
        return Page();
    }

    /// <summary>The deliverable's review state in a participant.</summary>
    protected abstract ReviewStatus StatusOf(Participant participant);

    /// <summary>The library's review verb.</summary>
    protected abstract Result<Changed<Participant, ParticipantEvent>> Review(Participant participant, bool accept, string? comment, CommandContext context);

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
            Refusal = new PageRefusal(StatusCodes.Status404NotFound, Problems.NotFound, Text.Format("problem.notParticipant", company, year));
            return false;
        }

        Title = Text.Format(Keys + ".title", company);
        return true;
    }
}
