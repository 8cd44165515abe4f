using Pimex.Rulebooks;

namespace Pimex.Editions;

/// <summary>
/// The balance of one budget line. <see cref="Available"/> is what is neither reserved nor
/// spent, so allocated = available + reserved + spent always holds to the cent; the rules keep
/// available, reserved and spent from going below zero.
/// </summary>
/// <param name="Line">The line.</param>
/// <param name="Allocated">Its allocation from the annuity.</param>
/// <param name="Reserved">Reserved for participants and not yet spent.</param>
/// <param name="Spent">Spent.</param>
/// <param name="Released">Released back from reservations so far (a running total, for reports).</param>
public sealed record LineBalance(BudgetLine Line, Money Allocated, Money Reserved, Money Spent, Money Released)
{
    /// <summary>What can still be reserved or spent.</summary>
    public Money Available => Allocated - Reserved - Spent;

    /// <summary>Spent over allocated.</summary>
    public Rate ExecutionRate => Rate.Ratio(Spent.Amount, Allocated.Amount);
}

/// <summary>The three lines of an edition's budget.</summary>
/// <param name="Actions">Promotion actions.</param>
/// <param name="Training">Training.</param>
/// <param name="Consultancy">Consultancy.</param>
public sealed record BudgetLedger(LineBalance Actions, LineBalance Training, LineBalance Consultancy)
{
    /// <summary>A fresh ledger from an annuity's budget: everything available.</summary>
    /// <param name="budget">The budget.</param>
    /// <returns>The ledger.</returns>
    public static BudgetLedger From(AnnuityBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var zero = Money.Zero(budget.Actions.Currency);
        return new BudgetLedger(
            new LineBalance(BudgetLine.Actions, budget.Actions, zero, zero, zero),
            new LineBalance(BudgetLine.Training, budget.Training, zero, zero, zero),
            new LineBalance(BudgetLine.Consultancy, budget.Consultancy, zero, zero, zero));
    }

    /// <summary>The lines in order.</summary>
    public IEnumerable<LineBalance> Lines => [Actions, Training, Consultancy];

    /// <summary>The edition's total allocation.</summary>
    public Money TotalAllocated => Actions.Allocated + Training.Allocated + Consultancy.Allocated;

    /// <summary>The edition's total spend.</summary>
    public Money TotalSpent => Actions.Spent + Training.Spent + Consultancy.Spent;

    /// <summary>The balance of one line.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Its balance.</returns>
    public LineBalance this[BudgetLine line] => line switch
    {
        BudgetLine.Actions => Actions,
        BudgetLine.Training => Training,
        BudgetLine.Consultancy => Consultancy,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line, "Unknown budget line."),
    };

    internal BudgetLedger With(LineBalance balance) => balance.Line switch
    {
        BudgetLine.Actions => this with { Actions = balance },
        BudgetLine.Training => this with { Training = balance },
        _ => this with { Consultancy = balance },
    };

    internal BudgetLedger Reserve(BudgetLine line, Money amount) => With(this[line] with { Reserved = this[line].Reserved + amount });

    internal BudgetLedger SpendReserved(BudgetLine line, Money amount) =>
        With(this[line] with { Reserved = this[line].Reserved - amount, Spent = this[line].Spent + amount });

    internal BudgetLedger Release(BudgetLine line, Money amount) =>
        With(this[line] with { Reserved = this[line].Reserved - amount, Released = this[line].Released + amount });

    internal BudgetLedger Spend(BudgetLine line, Money amount) => With(this[line] with { Spent = this[line].Spent + amount });
}
