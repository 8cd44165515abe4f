namespace Pimex.Admission;

/// <summary>
/// What a related party is, for the SME test (EU Recommendation 2003/361/EC, annex art. 3) and for
/// the single undertaking of de minimis aid. Investors other than <see cref="Enterprise"/> hold
/// shares in the enterprise in question (they are upstream of it).
/// </summary>
public enum RelatedPartyKind
{
    /// <summary>An ordinary enterprise, upstream or downstream.</summary>
    Enterprise = 0,

    /// <summary>A public investment corporation: an exempt investor (art. 3(2)(a)) while not linked.</summary>
    PublicInvestmentCorporation,

    /// <summary>A venture capital company: an exempt investor (art. 3(2)(a)) while not linked.</summary>
    VentureCapitalCompany,

    /// <summary>Business angels: individuals or groups with a regular venture capital activity
    /// investing equity in unquoted businesses; exempt (art. 3(2)(a)) while not linked and while
    /// their total investment in the enterprise is below the rulebook's limit.</summary>
    BusinessAngel,

    /// <summary>A university: an exempt investor (art. 3(2)(b)) while not linked.</summary>
    University,

    /// <summary>A non-profit research centre: an exempt investor (art. 3(2)(b)) while not linked.</summary>
    NonProfitResearchCentre,

    /// <summary>An institutional investor: an exempt investor (art. 3(2)(c)) while not linked.</summary>
    InstitutionalInvestor,

    /// <summary>A regional development fund, an institutional investor (art. 3(2)(c)).</summary>
    RegionalDevelopmentFund,

    /// <summary>An autonomous local authority: exempt (art. 3(2)(d)) while not linked and while its
    /// annual budget and inhabitants are below the rulebook's limits; otherwise a public body.</summary>
    AutonomousLocalAuthority,

    /// <summary>A public body: its share counts towards public control (art. 3(4)); its figures never count.</summary>
    PublicBody,

    /// <summary>A natural person or a group of natural persons acting jointly. Not an enterprise:
    /// declare under it (<see cref="RelatedEnterprise.Related"/>) the enterprises the same persons
    /// hold; those they control, on the same or an adjacent market, are linked (art. 3(3), fourth
    /// subparagraph).</summary>
    NaturalPersons,
}

/// <summary>
/// Control by means other than a majority of votes (annex art. 3(3)(b)-(d), the same in art. 2(2)(b)-(d)
/// of the de minimis regulations). Any of them links the two enterprises, whatever the share.
/// </summary>
[Flags]
public enum ControlMeans
{
    /// <summary>No control other than through the share declared.</summary>
    None = 0,

    /// <summary>The right to appoint or remove a majority of the administrative, management or supervisory body (art. 3(3)(b)).</summary>
    BoardMajority = 1,

    /// <summary>The right to exercise a dominant influence under a contract or the memorandum or articles of association (art. 3(3)(c)).</summary>
    DominantInfluence = 2,

    /// <summary>Alone, under an agreement with other shareholders or members, control of a majority of their voting rights (art. 3(3)(d)).</summary>
    VotingAgreement = 4,
}

/// <summary>Which way a holding goes between the enterprise in question and a related enterprise.</summary>
public enum HoldingDirection
{
    /// <summary>Not stated. The SME test treats both directions alike; only indirect public control
    /// (art. 3(4)) needs to know that an enterprise holds shares in the one in question.</summary>
    Unstated = 0,

    /// <summary>The related enterprise holds the share in the enterprise in question.</summary>
    Upstream,

    /// <summary>The enterprise in question holds the share in the related enterprise.</summary>
    Downstream,
}

/// <summary>What an enterprise's figures are based on (annex art. 4).</summary>
public enum FiguresBasis
{
    /// <summary>The approved accounts of the period (art. 4(1)).</summary>
    ApprovedAccounts = 0,

    /// <summary>A bona fide estimate made in the course of the financial year, by a newly
    /// established enterprise whose accounts have not yet been approved (art. 4(3)).</summary>
    BonaFideEstimate,
}
