using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Pimex.BackOffice.Pages;

/// <summary>
/// The registration of the pages: Razor Pages under <c>/office</c>, signed in with a cookie of
/// their own (<see cref="Scheme"/>) that carries the same claims as the API's bearer tokens. The
/// API still authenticates with bearer tokens only: a cookie never authorises an API call, so the
/// API needs no antiforgery; the pages' forms carry antiforgery tokens (Razor Pages checks them on
/// every POST).
/// </summary>
public static class OfficePages
{
    /// <summary>The pages' cookie authentication scheme.</summary>
    public const string Scheme = "PimexPages";

    /// <summary>The authorisation policy of every page but the sign-in page.</summary>
    public const string Policy = "PimexPagesUser";

    public static void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication().AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "pimex.office";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/office";
            cookie.LoginPath = "/office/sign-in";
            cookie.LogoutPath = "/office/sign-out";
            cookie.SlidingExpiration = false;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/Office", Policy);
            pages.Conventions.AllowAnonymousToPage("/Office/SignIn");
        });
    }

    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Redirect("/office")).AllowAnonymous().ExcludeFromDescription();
        app.MapRazorPages();
    }
}
