using Microsoft.AspNetCore.Mvc;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>The home page: the editions of the signed-in user's region (for a company representative, each linked to its own company's page).</summary>
public sealed class IndexModel : OfficePage
{
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        ReadUser();
        if (region is null)
        {
            return Redirect("/office/" + Uri.EscapeDataString(SignedInRegion ?? string.Empty));
        }

        var caller = Resolve(region, staffOnly: false);
        if (caller is not null)
        {
            Title = Text.Format("home.title", region);
            // A company representative sees the editions too, each linked to its own company's page.
            Years = await EditionData.YearsAsync(HttpContext, caller);
        }

        return Show();
    }
}
