using Ardalis.Result;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Participation;

namespace Pimex.Cli.Ledger;

/// <summary>One error of a refused command: its stable code, what it is about, and why.</summary>
/// <param name="Code">The library's or the ledger's stable code.</param>
/// <param name="Identifier">What the error is about (a field, a rule); may be empty.</param>
/// <param name="Message">A readable message.</param>
internal sealed record RefusalError(string Code, string Identifier, string Message);

/// <summary>A command the library (or the runner) refused: nothing of it was applied.</summary>
/// <param name="Line">The ledger line.</param>
/// <param name="Command">The command's name.</param>
/// <param name="Status">The result's status, such as Invalid, Conflict or Forbidden.</param>
/// <param name="Errors">Every error, with its code.</param>
internal sealed record Refusal(int Line, string Command, ResultStatus Status, IReadOnlyList<RefusalError> Errors)
{
    /// <summary>One line per error: <c>line 57: PIMEX-PROMO-001 message</c>.</summary>
    /// <returns>The lines.</returns>
    public IEnumerable<string> Lines() => Lines(ReportLanguage.English);

    /// <summary>One line per error, the word "line" in a language: <c>línea 57: PIMEX-PROMO-001 mensaje</c>.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The lines.</returns>
    public IEnumerable<string> Lines(ReportLanguage language) => Errors.Select(e =>
        RunTexts.Line(language, Line) + ": " + e.Code + " " + (e.Identifier.Length > 0 ? e.Identifier + ": " : string.Empty) + e.Message);
}

/// <summary>
/// The state after a ledger ran: the edition, its participants, both event streams as a host
/// would have stored them, and the refused commands.
/// </summary>
/// <param name="Edition">The edition, or null when the ledger never opened one.</param>
/// <param name="Participants">The participants, in order of admission.</param>
/// <param name="EditionEvents">The edition's stream.</param>
/// <param name="ParticipantEvents">Each participant's stream.</param>
/// <param name="Commands">How many commands the ledger held.</param>
/// <param name="Refused">The refused commands, in line order.</param>
internal sealed record LedgerOutcome(
    Edition? Edition,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<EditionEvent> EditionEvents,
    IReadOnlyDictionary<ParticipantId, IReadOnlyList<ParticipantEvent>> ParticipantEvents,
    int Commands,
    IReadOnlyList<Refusal> Refused)
{
    /// <summary>How many commands were applied.</summary>
    public int Applied => Commands - Refused.Count;

    /// <summary>Where the file's order first differed from the time order the commands were applied in; null when the file was in time order.</summary>
    public LedgerDisorder? Disorder { get; init; }

    /// <summary>The edition's spend by month and line (kept whether or not the events are), which a programme outside the euro converts for the funds; null when no edition was opened.</summary>
    public Expenditure? Expenditure { get; init; }
}

/// <summary>
/// Applies a ledger's commands in the order it is handed them (<see cref="Run"/> puts them in time
/// order first, <see cref="LedgerOrder"/>), as a host would: the first <c>openEdition</c> opens the
/// library's <see cref="EditionSession"/>, which keeps the edition and the participants, and
/// each later command runs its verb in it (<see cref="EditionCommand.ApplyTo"/>). A refused
/// command is recorded with its line and codes and changes nothing; the run goes on with the
/// next one. The runner's own refusals (<see cref="LedgerErrors"/> 101 to 103) come before the
/// session's: no edition open yet, a second edition, and a command about a company that is not a
/// participant (the session would answer <c>PIMEX-ED-008</c>; a ledger keeps its own code and
/// words, <c>PIMEX-LEDGER-103</c>, for the same case).
/// </summary>
internal sealed class LedgerRunner
{
    private readonly Rulebook rulebook;
    private readonly ReportLanguage language;
    private readonly List<Refusal> refused = [];
    private readonly bool keepEvents;
    private EditionSession? session;
    private Expenditure? expenditure;

    private LedgerRunner(Rulebook rulebook, ReportLanguage language, bool keepEvents)
    {
        this.rulebook = rulebook;
        this.language = language;
        this.keepEvents = keepEvents;
    }

    /// <summary>How many commands were applied or refused so far.</summary>
    public int Commands { get; private set; }

    /// <summary>Runs a ledger's commands under a rulebook, in time order (<see cref="LedgerOrder"/>).</summary>
    /// <param name="rulebook">The rules (the edition's rulebook).</param>
    /// <param name="entries">The commands, in the file's order.</param>
    /// <param name="language">The language of the refusals' reasons (the commands' <see cref="CommandContext.Language"/>); English by default.</param>
    /// <returns>The final state and the refusals.</returns>
    public static LedgerOutcome Run(Rulebook rulebook, IReadOnlyList<LedgerEntry> entries, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var runner = Start(rulebook, language);
        var (ordered, disorder) = LedgerOrder.InTimeOrder(entries);
        foreach (var entry in ordered)
        {
            runner.Apply(entry);
        }

        return runner.Finish() with { Disorder = disorder };
    }

    /// <summary>
    /// Starts a run to which commands are handed one by one (<see cref="Apply"/>), as a streamed
    /// ledger is read; <see cref="Finish"/> gives the outcome.
    /// </summary>
    /// <param name="rulebook">The rules (the edition's rulebook).</param>
    /// <param name="language">The language of the refusals' reasons; English by default.</param>
    /// <param name="keepEvents">Whether to keep both event streams in the outcome (a report needs only the aggregates: without them the run's session is made with <c>keepEvents: false</c> and holds the edition and one participant per company, whatever the number of commands).</param>
    /// <returns>The runner.</returns>
    public static LedgerRunner Start(Rulebook rulebook, ReportLanguage? language = null, bool keepEvents = true)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        return new LedgerRunner(rulebook, language ?? ReportLanguage.English, keepEvents);
    }

    /// <summary>The state after the commands applied so far.</summary>
    /// <returns>The outcome (its event streams empty when the runner keeps no events).</returns>
    public LedgerOutcome Finish()
    {
        var events = session?.Events ?? [];
        return new(
            session?.Edition,
            session is null ? [] : [.. session.Participants.Values],
            [.. events.OfType<EditionEvent>()],
            events.OfType<ParticipantEvent>().GroupBy(e => e.Participant).ToDictionary(g => g.Key, g => (IReadOnlyList<ParticipantEvent>)[.. g]),
            Commands,
            InLineOrder(refused))
        {
            Expenditure = expenditure,
        };
    }

    /// <summary>Applies one command: the library's verb, or a refusal recorded with its line.</summary>
    /// <param name="entry">The command and its line.</param>
    public void Apply(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Commands++;
        var command = entry.Command;
        if (command.At < CommandContext.EarliestSupported || command.At > CommandContext.LatestSupported)
        {
            // The library's first check, before the runner's own: an instant outside the calendar
            // is refused as such wherever the time order puts the command.
            Refuse(entry, TimeErrors.OutsideSupportedCalendar(language, command.At));
        }
        else if (command is OpenEdition open)
        {
            Open(entry, open);
        }
        else if (session is null)
        {
            Refuse(entry, ResultStatus.Invalid, LedgerErrors.NoEditionOpen, RunTexts.Refusal(language, LedgerErrors.NoEditionOpen, "openEdition"));
        }
        else if (command is ParticipantCommand p && !session.Participants.ContainsKey(p.Company))
        {
            Refuse(entry, ResultStatus.NotFound, LedgerErrors.NotAParticipant, RunTexts.Refusal(language, LedgerErrors.NotAParticipant, p.Company, session.Edition.Id));
        }
        else if (command is not EditionCommand onEdition)
        {
            throw new InvalidOperationException($"The ledger command {command.Name} is neither openEdition nor a command on an edition.");
        }
        else if (onEdition.ApplyTo(session, In(command.Context)) is var applied && !applied.IsSuccess)
        {
            Refuse(entry, applied);
        }
        else
        {
            foreach (var e in applied.Value)
            {
                expenditure = expenditure!.Apply(e);
            }
        }
    }

    private void Open(LedgerEntry entry, OpenEdition open)
    {
        if (session is not null)
        {
            Refuse(entry, ResultStatus.Conflict, LedgerErrors.EditionAlreadyOpen, RunTexts.Refusal(language, LedgerErrors.EditionAlreadyOpen, session.Edition.Id));
            return;
        }

        var opened = open.Open(rulebook, In(open.Context), keepEvents);
        if (opened.IsSuccess)
        {
            session = opened.Value;
            expenditure = Expenditure.None(rulebook.Currency, rulebook.TimeZone);
        }
        else
        {
            Refuse(entry, opened);
        }
    }

    /// <summary>The command's context in the run's language (the same context in English).</summary>
    private CommandContext In(CommandContext context) =>
        ReferenceEquals(language, ReportLanguage.English) ? context : context.In(language);

    /// <summary>The refusals by line (the order of application is time order; a reader looks them up by line).</summary>
    private static List<Refusal> InLineOrder(List<Refusal> refusals)
    {
        for (int i = 1; i < refusals.Count; i++)
        {
            if (refusals[i].Line < refusals[i - 1].Line)
            {
                return [.. refusals.OrderBy(r => r.Line)];
            }
        }

        return refusals;
    }

    private void Refuse(LedgerEntry entry, IResult result)
    {
        var errors = new List<RefusalError>();
        foreach (var error in result.ValidationErrors ?? [])
        {
            errors.Add(new RefusalError(error.ErrorCode, error.Identifier ?? string.Empty, error.ErrorMessage));
        }

        foreach (var message in result.Errors ?? [])
        {
            int colon = message.IndexOf(':', StringComparison.Ordinal);
            errors.Add(colon > 0
                ? new RefusalError(message[..colon], string.Empty, message[(colon + 1)..].Trim())
                : new RefusalError(string.Empty, string.Empty, message));
        }

        refused.Add(new Refusal(entry.Line, entry.Command.Name, result.Status, errors));
    }

    private void Refuse(LedgerEntry entry, ResultStatus status, string code, string message) =>
        refused.Add(new Refusal(entry.Line, entry.Command.Name, status, [new RefusalError(code, string.Empty, message)]));
}
