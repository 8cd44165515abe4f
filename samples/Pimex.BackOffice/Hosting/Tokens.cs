using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using Pimex.Common;

namespace Pimex.BackOffice.Hosting;

/// <summary>
/// Signed bearer tokens (JWT, HMAC-SHA256 and nothing else) carrying who acts: the actor's id
/// (<c>sub</c>), role, company (for a company representative) and region. The library's actor
/// rules then decide what each may do. A token minted for importing a historic ledger also
/// carries <c>scope: migration</c> (<see cref="MigrationScope"/>): only such a token may send the
/// moment a command happened (<c>Pimex-Recorded-At</c>), and only to a back office configured to
/// accept it; staff and representatives' tokens never carry it.
/// </summary>
public sealed class Tokens
{
    public const string Issuer = "pimex-backoffice";
    public const string Audience = "pimex-backoffice";
    public const string RoleClaim = "role";
    public const string CompanyClaim = "company";
    public const string RegionClaim = "region";

    /// <summary>The claim of a token's scopes (space-separated, as in OAuth 2.0).</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The scope of a migration token: it may record commands at the instant it sends (<c>Pimex-Recorded-At</c>).</summary>
    public const string MigrationScope = "migration";

    /// <summary>The one signing algorithm the back office mints with and accepts (HMAC-SHA256).</summary>
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    /// <summary>The development key: used only in the Development environment, when no key is configured.</summary>
    public const string DevelopmentKey = "pimex-backoffice-development-signing-key-not-for-production";

    /// <summary>Where the key is configured (<c>BackOffice__Jwt__SigningKey</c> as an environment variable).</summary>
    public const string SigningKeySetting = "BackOffice:Jwt:SigningKey";

    /// <summary>
    /// The tokens of a host: its configured key, or the development key in the Development
    /// environment only. Anywhere else a missing or short key stops the host from starting:
    /// tokens signed with a key everybody can read would let anyone act as anyone.
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable key is configured outside Development.</exception>
    public static Tokens For(string? configuredKey, string environmentName)
    {
        if (string.IsNullOrWhiteSpace(configuredKey))
        {
            if (string.Equals(environmentName, Environments.Development, StringComparison.Ordinal))
            {
                return new Tokens(DevelopmentKey);
            }

            throw new InvalidOperationException(
                $"No JWT signing key: set {SigningKeySetting} (environment variable BackOffice__Jwt__SigningKey) to a secret of at least 32 bytes. " +
                $"Only the Development environment falls back to a development key; this is '{environmentName}'.");
        }

        if (Encoding.UTF8.GetByteCount(configuredKey) < 32)
        {
            throw new InvalidOperationException($"The JWT signing key ({SigningKeySetting}) has {Encoding.UTF8.GetByteCount(configuredKey)} bytes: it needs at least 32.");
        }

        return new Tokens(configuredKey);
    }

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

        // Pinned: a token signed with any other algorithm (HS384, HS512, none) is refused, even with the right key.
        ValidAlgorithms = [Algorithm],
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = RoleClaim,
        ClockSkew = TimeSpan.FromMinutes(1),
    };

    /// <summary>Mints a token for an actor of a region; with <paramref name="migration"/>, a migration token (<see cref="MigrationScope"/>).</summary>
    public string Mint(Actor actor, string region, Instant now, Duration lifetime, bool migration = false)
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

        if (migration)
        {
            claims.Add(new Claim(ScopeClaim, MigrationScope));
        }

        var token = new JwtSecurityToken(
            Issuer,
            Audience,
            claims,
            notBefore: now.ToDateTimeUtc(),
            expires: (now + lifetime).ToDateTimeUtc(),
            signingCredentials: new SigningCredentials(Key, Algorithm));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    /// <summary>Whether a validated principal is a migration token's (its <c>scope</c> names <see cref="MigrationScope"/>).</summary>
    public static bool IsMigration(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ScopeClaim).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(MigrationScope, StringComparer.Ordinal));
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
            return string.IsNullOrWhiteSpace(company) ? null : (Actor.CompanyRepresentative(id, new CompanyId(company)), region);
        }

        return (new Actor(id, role), region);
    }
}
