using Pimex.Editions;

namespace Pimex.Rulebooks;

/// <summary>The budget of one annuity: its three lines. The total is their sum.</summary>
/// <param name="Actions">The promotion actions line.</param>
/// <param name="Training">The training line.</param>
/// <param name="Consultancy">The consultancy line.</param>
public sealed record AnnuityBudget(Money Actions, Money Training, Money Consultancy)
{
    /// <summary>The sum of the three lines.</summary>
    public Money Total => Actions + Training + Consultancy;

    /// <summary>The amount of one line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Its allocation.</returns>
    public Money this[BudgetLine line] => line switch
    {
        BudgetLine.Actions => Actions,
        BudgetLine.Training => Training,
        BudgetLine.Consultancy => Consultancy,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown budget line."),
    };
}

/// <summary>
/// The rules of one annuity (a yearly edition): its budget, how many companies it admits, and
/// its windows. Windows are inclusive date intervals in the rulebook's time zone.
/// </summary>
/// <param name="Year">The annuity's year.</param>
/// <param name="Budget">The budget lines.</param>
/// <param name="Capacity">How many companies it admits at most.</param>
/// <param name="Applications">When companies may apply.</param>
/// <param name="Training">When group sessions, pills and tutorials take place.</param>
/// <param name="Expenses">The dates an invoice must fall in to be eligible.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record AnnuityRules(
    int Year,
    AnnuityBudget Budget,
    int Capacity,
    DateInterval Applications,
    DateInterval Training,
    DateInterval Expenses,
    string? Source = null);
