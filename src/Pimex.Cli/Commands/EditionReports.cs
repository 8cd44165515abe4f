using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Pimex.Cli.Ledger;
using Pimex.Rulebooks;

namespace Pimex.Cli.Commands;

/// <summary>
/// The edition report of a ledger's outcome.
/// </summary>
/// <remarks>
/// INTERIM until the evaluation module (<c>Pimex.Evaluation.EditionReport</c>) is merged: it
/// prints only the edition's budget ledger as the library holds it, and says that the report is
/// not available yet.
/// </remarks>
internal static class EditionReports
{
    private const string Pending = "The edition report (Pimex.Evaluation) is not available in this build yet.";

    public static string Text(LedgerOutcome outcome, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(rulebook);
        var edition = outcome.Edition!;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Edition {edition.Id}: {outcome.Participants.Count} participants admitted.\n");
        foreach (var line in edition.Ledger.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {line.Line}: allocated {line.Allocated:N}, reserved {line.Reserved:N}, spent {line.Spent:N}, available {line.Available:N}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  total allocated {edition.Ledger.TotalAllocated:N}\n");
        text.Append(Pending).Append('\n');
        return text.ToString();
    }

    public static string Json(LedgerOutcome outcome, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(rulebook);
        var edition = outcome.Edition!;
        return new JsonObject
        {
            ["edition"] = edition.Id.ToString(),
            ["admitted"] = outcome.Participants.Count,
            ["totalAllocated"] = edition.Ledger.TotalAllocated.ToString(),
            ["note"] = Pending,
        }.ToJsonString();
    }
}
