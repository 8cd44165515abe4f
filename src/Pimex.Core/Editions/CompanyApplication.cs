using Pimex.Admission;
using Pimex.StateAid;

namespace Pimex.Editions;

/// <summary>
/// What a company declares when it applies: no personal data, only what the rules need.
/// </summary>
/// <param name="Company">The company's opaque id.</param>
/// <param name="Region">The code (NUTS) of the region it is established in, such as <c>ES43</c>.</param>
/// <param name="Profile">Its headcount, turnover and balance sheet, with its linked and partner enterprises.</param>
/// <param name="DeclaredAid">The de minimis aid it declares having received itself (aid of its linked
/// enterprises is declared with them, in <see cref="RelatedEnterprise.Aid"/>).</param>
public sealed record CompanyApplication(CompanyId Company, string Region, CompanyProfile Profile, EquatableArray<AidReceived> DeclaredAid)
{
    /// <summary>The mergers, acquisitions and splits whose earlier aid counts towards its de minimis
    /// ceiling (see <see cref="SingleUndertaking"/>).</summary>
    public EquatableArray<Restructuring> Restructurings { get; init; }

    /// <summary>
    /// The application of an autonomous enterprise: its own figures alone (no partner or linked
    /// enterprise), no earlier de minimis aid, restructuring or accounting period declared. Add
    /// what a company does declare with <c>with</c> (<see cref="DeclaredAid"/>,
    /// <see cref="Restructurings"/>) or build its <see cref="CompanyProfile"/> whole.
    /// </summary>
    /// <param name="company">The company's opaque id.</param>
    /// <param name="region">The code (NUTS) of the region it is established in, such as <c>ES43</c>.</param>
    /// <param name="own">Its headcount, turnover and balance sheet for the reference period.</param>
    /// <returns>The application.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> or <paramref name="own"/> is null.</exception>
    public static CompanyApplication Autonomous(CompanyId company, string region, EnterpriseFigures own)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new(company, region, CompanyProfile.Autonomous(own), []);
    }
}
