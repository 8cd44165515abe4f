namespace Pimex.StateAid;

/// <summary>How an undertaking's aid passed to the applicant (art. 3(8)-(9) of Regulation (EU)
/// 2023/2831, art. 3(8)-(9) of Regulation (EU) 1407/2013).</summary>
public enum RestructuringKind
{
    /// <summary>The applicant results from a merger with the undertaking: all its prior aid counts (art. 3(8)).</summary>
    Merger,

    /// <summary>The applicant acquired the undertaking: all its prior aid counts (art. 3(8)).</summary>
    Acquisition,

    /// <summary>The applicant results from the undertaking's separation into two or more (art. 3(9)).</summary>
    Split,
}

/// <summary>
/// A merger, acquisition or split that brings an earlier undertaking's de minimis aid to the
/// applicant's ceiling, as the applicant declares it.
/// </summary>
/// <param name="Kind">Merger, acquisition or split.</param>
/// <param name="Undertaking">The other undertaking: the one merged or acquired, or the one that separated.</param>
/// <param name="EffectiveOn">The date it took effect.</param>
/// <param name="Aid">For a merger or acquisition, every aid the undertaking received before; for a
/// split, the aid allocated to the applicant because it benefited from it, in principle because it
/// took over the activities the aid was used for.</param>
public sealed record Restructuring(RestructuringKind Kind, string Undertaking, LocalDate EffectiveOn, EquatableArray<AidReceived> Aid)
{
    /// <summary>For a split: aid that cannot be allocated to the undertaking that benefited from it,
    /// divided in proportion to the book value of the new undertakings' equity (art. 3(9)).</summary>
    public EquatableArray<AidReceived> UnallocatedAid { get; init; }

    /// <summary>For a split: the applicant's share of the book value of the equity capital of the new
    /// undertakings on the date the split took effect, which <see cref="UnallocatedAid"/> is divided by.</summary>
    public Rate EquityShare { get; init; }
}
