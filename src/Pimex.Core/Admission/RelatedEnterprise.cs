using Pimex.Monetary;

namespace Pimex.Admission;

/// <summary>
/// An enterprise that holds shares in the applicant, or in which the applicant holds shares.
/// </summary>
/// <param name="Name">The enterprise's name; unique within one <see cref="CompanyProfile"/>.</param>
/// <param name="Share">The share of capital or voting rights held between the applicant and this
/// enterprise, in either direction (the Recommendation treats upstream and downstream holdings
/// alike); the larger of the two when capital and votes differ.</param>
/// <param name="Figures">The enterprise's own figures.</param>
public sealed record RelatedEnterprise(string Name, Rate Share, EnterpriseFigures Figures);
