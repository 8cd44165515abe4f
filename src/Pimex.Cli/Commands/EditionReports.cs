using Ardalis.Result;
using Pimex.Cli.Ledger;
using Pimex.Evaluation;

namespace Pimex.Cli.Commands;

/// <summary>The edition report of a ledger's outcome, from the library's evaluation.</summary>
internal static class EditionReports
{
    /// <summary>The report of the edition a ledger ran.</summary>
    /// <param name="outcome">The ledger's outcome; its edition is open.</param>
    /// <param name="rulebook">The rulebook it ran under.</param>
    /// <returns>The report, or why the library cannot make it (the rulebook's survey scale, for one).</returns>
    public static Result<EditionReport> Of(LedgerOutcome outcome, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var edition = outcome.Edition ?? throw new ArgumentException("The ledger opened no edition.", nameof(outcome));
        return EditionReport.Create(edition, outcome.Participants, rulebook);
    }
}
