using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>Signs out (POST only, with the antiforgery token of the header's form).</summary>
public sealed class SignOutModel : OfficePage
{
    public IActionResult OnGet() => Redirect("/office");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(OfficePages.Scheme);
        return Redirect("/office/sign-in");
    }
}
