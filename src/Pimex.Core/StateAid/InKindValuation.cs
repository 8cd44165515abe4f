namespace Pimex.StateAid;

/// <summary>How the in-kind support a participant receives (training and consultancy) is valued as aid.</summary>
public enum InKindValuation
{
    /// <summary>In-kind support is not counted as aid.</summary>
    None,

    /// <summary>
    /// Each participant is valued at its share of the edition's training and consultancy lines:
    /// (training + consultancy) / capacity.
    /// </summary>
    BudgetShare,
}
