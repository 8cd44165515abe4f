using System.Runtime.InteropServices;
using Ardalis.Result;
using Pimex.Editions;
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
}

/// <summary>
/// Applies a ledger's commands in order through the library's verbs, as a host would: it keeps
/// the edition, the participants and their event streams in memory. A refused command is
/// recorded with its line and codes and changes nothing; the run goes on with the next one.
/// </summary>
internal sealed class LedgerRunner
{
    private readonly Rulebook rulebook;
    private readonly ReportLanguage language;
    private readonly List<EditionEvent> editionEvents = [];
    private readonly Dictionary<CompanyId, Participant> participants = [];
    private readonly List<CompanyId> admissionOrder = [];
    private readonly Dictionary<ParticipantId, List<ParticipantEvent>> participantEvents = [];
    private readonly List<Refusal> refused = [];
    private readonly bool keepEvents;
    private Edition? edition;

    private LedgerRunner(Rulebook rulebook, ReportLanguage language, bool keepEvents)
    {
        this.rulebook = rulebook;
        this.language = language;
        this.keepEvents = keepEvents;
    }

    /// <summary>How many commands were applied or refused so far.</summary>
    public int Commands { get; private set; }

    /// <summary>Runs a ledger's commands under a rulebook.</summary>
    /// <param name="rulebook">The rules (the edition's rulebook).</param>
    /// <param name="entries">The commands, in order.</param>
    /// <param name="language">The language of the refusals' reasons (the commands' <see cref="CommandContext.Language"/>); English by default.</param>
    /// <returns>The final state and the refusals.</returns>
    public static LedgerOutcome Run(Rulebook rulebook, IReadOnlyList<LedgerEntry> entries, ReportLanguage? language = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var runner = Start(rulebook, language);
        foreach (var entry in entries)
        {
            runner.Apply(entry);
        }

        return runner.Finish();
    }

    /// <summary>
    /// Starts a run to which commands are handed one by one (<see cref="Apply"/>), as a streamed
    /// ledger is read; <see cref="Finish"/> gives the outcome.
    /// </summary>
    /// <param name="rulebook">The rules (the edition's rulebook).</param>
    /// <param name="language">The language of the refusals' reasons; English by default.</param>
    /// <param name="keepEvents">Whether to keep both event streams in the outcome (a report needs only the aggregates: without them the run holds the edition and one participant per company, whatever the number of commands).</param>
    /// <returns>The runner.</returns>
    public static LedgerRunner Start(Rulebook rulebook, ReportLanguage? language = null, bool keepEvents = true)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        return new LedgerRunner(rulebook, language ?? ReportLanguage.English, keepEvents);
    }

    /// <summary>The state after the commands applied so far.</summary>
    /// <returns>The outcome (its event streams empty when the runner keeps no events).</returns>
    public LedgerOutcome Finish() => new(
        edition,
        [.. admissionOrder.Select(c => participants[c])],
        editionEvents,
        participantEvents.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ParticipantEvent>)kv.Value),
        Commands,
        refused);

    /// <summary>Applies one command: the library's verb, or a refusal recorded with its line.</summary>
    /// <param name="entry">The command and its line.</param>
    public void Apply(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Commands++;
        ApplyCommand(entry);
    }

    private void ApplyCommand(LedgerEntry entry)
    {
        var command = entry.Command;
        if (command is OpenEdition open)
        {
            if (edition is not null)
            {
                Refuse(entry, ResultStatus.Conflict, LedgerErrors.EditionAlreadyOpen, RunTexts.Format(language, LedgerErrors.EditionAlreadyOpen, edition.Id));
                return;
            }

            OnEdition(entry, Edition.Open(rulebook, open.Year, In(command.Context)));
            return;
        }

        if (edition is null)
        {
            Refuse(entry, ResultStatus.Invalid, LedgerErrors.NoEditionOpen, RunTexts.Format(language, LedgerErrors.NoEditionOpen));
            return;
        }

        var ctx = In(command.Context);
        switch (command)
        {
            case Apply c:
                OnEdition(entry, edition.ReceiveApplication(c.Application, rulebook, ctx));
                return;
            case Admit c:
                OnJoint(entry, edition.Admit(c.Company, rulebook, ctx));
                return;
            case ScheduleSession c:
                OnEdition(entry, edition.ScheduleSession(c.Session, ctx));
                return;
            case RecordExpense c:
                OnEdition(entry, edition.RecordExpense(c.Line, c.Amount, c.Description, ctx));
                return;
            case ParticipantCommand c:
                if (!participants.TryGetValue(c.Company, out var participant))
                {
                    Refuse(entry, ResultStatus.NotFound, LedgerErrors.NotAParticipant, RunTexts.Format(language, LedgerErrors.NotAParticipant, c.Company, edition.Id));
                    return;
                }

                ApplyToParticipant(entry, c, participant, edition);
                return;
            default:
                throw new InvalidOperationException($"Unknown ledger command {command.GetType().Name}.");
        }
    }

    private void ApplyToParticipant(LedgerEntry entry, ParticipantCommand command, Participant p, Edition e)
    {
        var ctx = In(command.Context);
        switch (command)
        {
            case AssignTechnician c:
                OnParticipant(entry, p.AssignTechnician(c.Technician, rulebook, ctx));
                break;
            case RecordAttendance c:
                OnJoint(entry, p.RecordAttendance(e, c.Session, ctx));
                break;
            case RecordTutorial c:
                OnParticipant(entry, p.RecordTutorial(c.Tutorial, ctx));
                break;
            case RecordTrainingPill c:
                OnParticipant(entry, p.RecordTrainingPill(c.Pill, ctx));
                break;
            case RequestConsultancy c:
                OnJoint(entry, p.RequestConsultancy(e, c.Hours, c.Topic, rulebook, ctx));
                break;
            case SubmitSwot c:
                OnParticipant(entry, p.SubmitSwot(c.Swot, ctx));
                break;
            case ReviewSwot c:
                OnParticipant(entry, p.ReviewSwot(c.Accept, c.Comment, ctx));
                break;
            case SubmitRoadmap c:
                OnParticipant(entry, p.SubmitRoadmap(c.Roadmap, ctx));
                break;
            case ReviewRoadmap c:
                OnParticipant(entry, p.ReviewRoadmap(c.Accept, c.Comment, ctx));
                break;
            case SubmitClaim c:
                OnParticipant(entry, p.SubmitClaim(c.Claim, rulebook, ctx));
                break;
            case VerifyClaim c:
                OnJoint(entry, p.VerifyClaim(e, c.Claim, c.Verification, rulebook, ctx));
                break;
            case AnswerSurvey c:
                OnParticipant(entry, p.AnswerSurvey(c.Answer, rulebook, ctx));
                break;
            case Complete:
                OnJoint(entry, p.Complete(e, ctx));
                break;
            case Withdraw c:
                OnJoint(entry, p.Withdraw(e, c.Reason, ctx));
                break;
            case Exclude c:
                OnJoint(entry, p.Exclude(e, c.Reason, ctx));
                break;
            default:
                throw new InvalidOperationException($"Unknown participant command {command.GetType().Name}.");
        }
    }

    private void OnEdition(LedgerEntry entry, Result<Changed<Edition, EditionEvent>> result)
    {
        if (!result.IsSuccess)
        {
            Refuse(entry, result);
            return;
        }

        edition = result.Value.Aggregate;
        if (keepEvents)
        {
            editionEvents.AddRange(result.Value.Events);
        }
    }

    private void OnParticipant(LedgerEntry entry, Result<Changed<Participant, ParticipantEvent>> result)
    {
        if (!result.IsSuccess)
        {
            Refuse(entry, result);
            return;
        }

        Keep(result.Value);
    }

    private void OnJoint(LedgerEntry entry, Result<ParticipationChange> result)
    {
        if (!result.IsSuccess)
        {
            Refuse(entry, result);
            return;
        }

        edition = result.Value.Edition.Aggregate;
        if (keepEvents)
        {
            editionEvents.AddRange(result.Value.Edition.Events);
        }
        Keep(result.Value.Participant);
    }

    private void Keep(Changed<Participant, ParticipantEvent> change)
    {
        var participant = change.Aggregate;
        ref var kept = ref CollectionsMarshal.GetValueRefOrAddDefault(participants, participant.Id.Company, out bool exists);
        kept = participant;
        if (!exists)
        {
            admissionOrder.Add(participant.Id.Company);
            if (keepEvents)
            {
                participantEvents[participant.Id] = [];
            }
        }

        if (keepEvents)
        {
            participantEvents[participant.Id].AddRange(change.Events);
        }
    }

    /// <summary>The command's context in the run's language (the same context in English).</summary>
    private CommandContext In(CommandContext context) =>
        ReferenceEquals(language, ReportLanguage.English) ? context : context.In(language);

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
