using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using Pimex.Common;

namespace Pimex.BackOffice.Hosting;

/// <summary>
/// Signed bearer tokens (JWT, HMAC-SHA256) carrying who acts: the actor's id (<c>sub</c>), role,
/// company (for a company representative) and region. The library's actor rules then decide
/// what each may do.
/// </summary>
public sealed class Tokens
{
    public const string Issuer = "pimex-backoffice";
    public const string Audience = "pimex-backoffice";
    public const string RoleClaim = "role";
    public const string CompanyClaim = "company";
    public const string RegionClaim = "region";

    /// <summary>The development key: used only when the environment is Development or Testing and no key is configured.</summary>
    public const string DevelopmentKey = "pimex-backoffice-development-signing-key-not-for-production";

    public Tokens(string signingKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signingKey);
        if (Encoding.UTF8.GetByteCount(signingKey) < 32)
        {
            throw new ArgumentException("The signing key needs at least 32 bytes.", nameof(signingKey));
        }

        Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey));
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>The parameters the bearer handler validates incoming tokens with.</summary>
    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromMinutes(1),
    };

    /// <summary>Mints a token for an actor of a region.</summary>
    public string Mint(Actor actor, string region, Instant now, Duration lifetime)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, actor.Id),
            new(RoleClaim, actor.Role.ToString()),
            new(RegionClaim, region),
        };
        if (actor.Company is { } company)
        {
            claims.Add(new Claim(CompanyClaim, company.Value));
        }

        var token = new JwtSecurityToken(
            Issuer,
            Audience,
            claims,
            notBefore: now.ToDateTimeUtc(),
            expires: (now + lifetime).ToDateTimeUtc(),
            signingCredentials: new SigningCredentials(Key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>The actor and region a validated principal carries; null when a claim is missing or unknown.</summary>
    public static (Actor Actor, string Region)? Read(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var region = user.FindFirst(RegionClaim)?.Value;
        var roleText = user.FindFirst(RoleClaim)?.Value;
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(region) || !Enum.TryParse<ActorRole>(roleText, ignoreCase: false, out var role) || !Enum.IsDefined(role))
        {
            return null;
        }

        var company = user.FindFirst(CompanyClaim)?.Value;
        if (role == ActorRole.CompanyRepresentative)
        {
            return string.IsNullOrWhiteSpace(company) ? null : (Actor.Representative(id, new CompanyId(company)), region);
        }

        return (new Actor(id, role), region);
    }
}
