using Microsoft.AspNetCore.Mvc;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>The work queues: SWOT analyses and roadmaps waiting for review, claims waiting for verification.</summary>
public sealed class QueuesModel : OfficePage
{
    public EditionData? Data { get; private set; }

    public IReadOnlyList<Participant> Swots { get; private set; } = [];

    public IReadOnlyList<Participant> Roadmaps { get; private set; } = [];

    public IReadOnlyList<(string Company, ExpenseClaim Claim)> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string region, int year)
    {
        Year = year;
        if (Resolve(region) is not { } caller)
        {
            return Show();
        }

        Data = await EditionData.LoadAsync(HttpContext, caller, year);
        if (Data is null)
        {
            Refusal = new PageRefusal(StatusCodes.Status404NotFound, Http.Problems.NotFound, $"No edition {year} in region {region}.");
            return Show();
        }

        Title = Text.Format("queues.title", year);
        Swots = [.. Data.Participants.Where(p => p.Swot.Status == ReviewStatus.Submitted)];
        Roadmaps = [.. Data.Participants.Where(p => p.Roadmap.Status == ReviewStatus.Submitted)];
        Claims =
        [
            .. Data.Participants.SelectMany(p => p.Claims.Values
                .Where(c => c.Verification is null)
                .OrderBy(c => c.Claim.Id, StringComparer.Ordinal)
                .Select(c => (p.Id.Company.Value, c.Claim))),
        ];
        return Show();
    }
}
