namespace Pimex.Admission;

/// <summary>
/// The size class of an enterprise under EU Recommendation 2003/361/EC, from the smallest to
/// not an SME at all. The order is meaningful: a later member is a larger enterprise.
/// </summary>
public enum SizeClass
{
    /// <summary>A micro enterprise (fewer than 10 staff; EUR 2 m turnover or balance sheet in the EU default).</summary>
    Micro,

    /// <summary>A small enterprise (fewer than 50 staff; EUR 10 m turnover or balance sheet in the EU default).</summary>
    Small,

    /// <summary>A medium-sized enterprise (fewer than 250 staff; EUR 50 m turnover or EUR 43 m balance sheet in the EU default).</summary>
    Medium,

    /// <summary>Above the medium limits: not a small or medium-sized enterprise.</summary>
    NotSme,
}
