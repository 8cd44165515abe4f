namespace Pimex.Participation;

/// <summary>A SWOT analysis of the company's readiness to internationalise: four quadrants, each with at least one item.</summary>
/// <param name="Strengths">Strengths.</param>
/// <param name="Weaknesses">Weaknesses.</param>
/// <param name="Opportunities">Opportunities.</param>
/// <param name="Threats">Threats.</param>
public sealed record Swot(
    EquatableArray<string> Strengths,
    EquatableArray<string> Weaknesses,
    EquatableArray<string> Opportunities,
    EquatableArray<string> Threats);

/// <summary>One action of an international roadmap.</summary>
/// <param name="Description">What is done.</param>
/// <param name="Market">The target market's ISO 3166-1 alpha-2 code.</param>
/// <param name="Due">When, inside the roadmap's horizon.</param>
public sealed record RoadmapAction(string Description, string Market, LocalDate Due);

/// <summary>An international roadmap: target markets, objectives, dated actions and indicators.</summary>
/// <param name="Horizon">The period it plans.</param>
/// <param name="TargetMarkets">ISO 3166-1 alpha-2 country codes, such as <c>PT</c>, <c>FR</c>.</param>
/// <param name="Objectives">What the company aims for.</param>
/// <param name="Actions">Dated actions, inside the horizon.</param>
/// <param name="Indicators">How progress is measured.</param>
public sealed record Roadmap(
    DateInterval Horizon,
    EquatableArray<string> TargetMarkets,
    EquatableArray<string> Objectives,
    EquatableArray<RoadmapAction> Actions,
    EquatableArray<string> Indicators);

/// <summary>Where a deliverable stands.</summary>
public enum ReviewStatus
{
    /// <summary>Nothing submitted yet.</summary>
    NotSubmitted,

    /// <summary>A version waits for review by technical staff.</summary>
    Submitted,

    /// <summary>The latest version was returned for changes.</summary>
    Returned,

    /// <summary>The latest version was accepted.</summary>
    Accepted,
}

/// <summary>A deliverable's versions and review state.</summary>
/// <typeparam name="T">The deliverable (<see cref="Swot"/> or <see cref="Roadmap"/>).</typeparam>
/// <param name="Status">Where it stands.</param>
/// <param name="Versions">Every version submitted, the latest last (version n is at index n - 1).</param>
/// <param name="LastComment">The reviewer's comment on the latest review, if any.</param>
public sealed record Deliverable<T>(ReviewStatus Status, EquatableArray<T> Versions, string? LastComment)
{
    /// <summary>The latest version, if any.</summary>
    public T? Latest => Versions.Count == 0 ? default : Versions[^1];

    /// <summary>Whether the latest version is accepted.</summary>
    public bool IsAccepted => Status == ReviewStatus.Accepted;
}
