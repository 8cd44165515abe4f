using Pimex.StateAid;

namespace Pimex.Admission;

/// <summary>
/// An enterprise (or investor) related to the enterprise in question by a holding or by control:
/// one row of annex A (partner enterprises) or annex B (linked enterprises) of the Commission's
/// model SME declaration. The optional members (set with <c>init</c>) say what the annex of
/// Recommendation 2003/361/EC needs beyond the share; left at their defaults the enterprise is an
/// ordinary enterprise related by the share alone.
/// </summary>
/// <param name="Name">The enterprise's name; unique among its siblings.</param>
/// <param name="Share">The share of capital or voting rights held between the enterprise in
/// question and this one, in either direction; the larger of the two when capital and votes differ
/// (art. 6(2)), and the larger holding in the case of cross-holdings. Declare a holding once, with
/// what the enterprise holds jointly with its linked enterprises (art. 3(2)).</param>
/// <param name="Figures">Its figures, from its accounts, consolidated if they exist (art. 6(3)).</param>
public sealed record RelatedEnterprise(string Name, Rate Share, EnterpriseFigures Figures)
{
    /// <summary>What it is: an ordinary enterprise (the default), an investor of art. 3(2), a public body or natural persons.</summary>
    public RelatedPartyKind Kind { get; init; }

    /// <summary>Which way the holding goes; only indirect public control needs it.</summary>
    public HoldingDirection Direction { get; init; }

    /// <summary>Control by other means than the share (art. 3(3)(b)-(d)); any of them links the two.</summary>
    public ControlMeans Control { get; init; }

    /// <summary>Whether its figures are already in the consolidated accounts whose figures were
    /// declared (the applicant's own, or a linked enterprise's): then they are not added again (art. 6(2)-(3)).</summary>
    public bool IncludedThroughConsolidation { get; init; }

    /// <summary>For an enterprise held through natural persons: whether it is active, at least in
    /// part, on the same relevant market or an adjacent one (art. 3(3), fourth subparagraph).</summary>
    public bool SameOrAdjacentMarket { get; init; }

    /// <summary>For an investor of art. 3(2): a name shared by the investors that are linked to one
    /// another. Their shares add up: together above the linked threshold, they are linked, not exempt.</summary>
    public string? ActingJointlyWith { get; init; }

    /// <summary>For <see cref="RelatedPartyKind.BusinessAngel"/>: the total investment of the business angels in the same enterprise (art. 3(2)(a)).</summary>
    public Money? BusinessAngelInvestment { get; init; }

    /// <summary>For <see cref="RelatedPartyKind.AutonomousLocalAuthority"/>: its annual budget (art. 3(2)(d)).</summary>
    public Money? AnnualBudget { get; init; }

    /// <summary>For <see cref="RelatedPartyKind.AutonomousLocalAuthority"/>: its inhabitants (art. 3(2)(d)).</summary>
    public int? Inhabitants { get; init; }

    /// <summary>
    /// Its own partner and linked enterprises, each with the share between it and them (the chains of
    /// art. 6(2)-(4)): a linked enterprise's linked enterprises count in full and its partners in
    /// proportion; a partner's linked enterprises count with it, in proportion to its share; a
    /// partner's partners do not count. For <see cref="RelatedPartyKind.NaturalPersons"/>, the
    /// enterprises the same persons hold.
    /// </summary>
    public EquatableArray<RelatedEnterprise> Related { get; init; }

    /// <summary>The de minimis aid this enterprise received: when it belongs to the applicant's
    /// single undertaking, it counts towards the applicant's ceiling (art. 2(2) of Regulations
    /// 1407/2013 and 2023/2831).</summary>
    public EquatableArray<AidReceived> Aid { get; init; }

    /// <summary>Whether it is an investor of art. 3(2), second subparagraph, (a) to (d).</summary>
    public bool IsListedInvestor => Kind is RelatedPartyKind.PublicInvestmentCorporation or RelatedPartyKind.VentureCapitalCompany
        or RelatedPartyKind.BusinessAngel or RelatedPartyKind.University or RelatedPartyKind.NonProfitResearchCentre
        or RelatedPartyKind.InstitutionalInvestor or RelatedPartyKind.RegionalDevelopmentFund or RelatedPartyKind.AutonomousLocalAuthority;
}
