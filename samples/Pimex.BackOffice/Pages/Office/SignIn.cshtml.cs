using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.Localisation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// Signs in with a bearer token of the API (the <c>mint-token</c> command prints one in
/// development; an identity provider would issue them in production): the token is validated
/// with the API's own parameters (issuer, audience, signing key, lifetime), and its claims (sub,
/// role, company, region) go into the pages' cookie, which expires with the token. So a page
/// user is exactly an API caller, and there is no second user store nor a development-only
/// user picker that could be left switched on in production.
/// </summary>
public sealed class SignInModel(Tokens tokens) : OfficePage
{
    [BindProperty]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public FieldError? Error { get; private set; }

    public void OnGet()
    {
        Text = PageText.For(Language());
        Title = Text["signin.title"];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Text = PageText.For(Language());
        Title = Text["signin.title"];
        var validation = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(Token?.Trim() ?? string.Empty, tokens.ValidationParameters);
        if (!validation.IsValid)
        {
            Error = new FieldError("token", Problems.NoActor, validation.Exception?.Message ?? "not a token of this back office");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // A person's cookie never carries a migration scope: the pages record at the server's clock.
        var identity = new ClaimsIdentity(validation.ClaimsIdentity.Claims.Where(c => c.Type != Tokens.ScopeClaim), OfficePages.Scheme, JwtRegisteredClaimNames.Sub, Tokens.RoleClaim);
        var principal = new ClaimsPrincipal(identity);
        if (Tokens.Read(principal) is not { } who)
        {
            Error = new FieldError("token", Problems.NoActor, Text.Problem(Problems.NoActor, string.Empty));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var expires = validation.SecurityToken.ValidTo;
        await HttpContext.SignInAsync(OfficePages.Scheme, principal, new AuthenticationProperties { ExpiresUtc = new DateTimeOffset(expires, TimeSpan.Zero), IsPersistent = false });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/office", StringComparison.Ordinal) ? ReturnUrl : "/office/" + Uri.EscapeDataString(who.Region));
    }

    /// <summary>Before sign-in the region is unknown: the <c>lang</c> query, else the browser's first language the library has, else English.</summary>
    private ReportLanguage Language()
    {
        if (ReportLanguage.TryFromCode(Request.Query["lang"], out var asked))
        {
            return asked;
        }

        foreach (var wanted in Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var code = wanted.Value.Value?.Split('-')[0];
            if (ReportLanguage.TryFromCode(code, out var language))
            {
                return language;
            }
        }

        return ReportLanguage.English;
    }
}
