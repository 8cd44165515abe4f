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
            NoEdition(region, year);
            return Show();
        }

        Title = Text.Format("queues.title", year);
        Swots = Data.SwotsToReview;
        Roadmaps = Data.RoadmapsToReview;
        Claims = Data.ClaimsToVerify;
        return Show();
    }
}
