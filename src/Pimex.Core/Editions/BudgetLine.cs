namespace Pimex.Editions;

/// <summary>The three budget lines of a PIMEX edition.</summary>
public enum BudgetLine
{
    /// <summary>Promotion actions: the support granted to companies (75,000 in 2016).</summary>
    Actions,

    /// <summary>Training: group sessions and training pills (5,000 in 2016).</summary>
    Training,

    /// <summary>Consultancy: the senior consultants' advice (8,280 in 2016).</summary>
    Consultancy,
}
