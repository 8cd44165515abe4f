using System.Text;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Evaluation;

/// <summary>One participant's line of the per-company table.</summary>
/// <param name="Participant">The participant: its edition and company.</param>
/// <param name="Name">The company's name, when the host knows it (the library holds ids only).</param>
/// <param name="Status">Where it stands: admitted, in training, completed, withdrawn or excluded.</param>
/// <param name="SessionsAttended">Group sessions attended.</param>
/// <param name="SessionsCommitted">Group sessions it committed to attend.</param>
/// <param name="TutorialsHeld">Tutorials held.</param>
/// <param name="TutorialsCommitted">Tutorials it committed to host.</param>
/// <param name="PillsAttended">Training pills attended.</param>
/// <param name="Swot">Where its SWOT analysis stands.</param>
/// <param name="Roadmap">Where its international roadmap stands.</param>
/// <param name="Approved">Eligible expenses approved on its verified claims.</param>
/// <param name="Granted">Promotion support granted.</param>
/// <param name="NotSupported">Approved but not paid: beyond the intensity, the cap or the budget.</param>
/// <param name="Cap">Its promotion cap.</param>
/// <param name="ExitReason">Why it withdrew or was excluded, if it did.</param>
public sealed record CompanyRow(
    ParticipantId Participant,
    string? Name,
    ParticipantStatus Status,
    int SessionsAttended,
    int SessionsCommitted,
    int TutorialsHeld,
    int TutorialsCommitted,
    int PillsAttended,
    ReviewStatus Swot,
    ReviewStatus Roadmap,
    Money Approved,
    Money Granted,
    Money NotSupported,
    Money Cap,
    string? ExitReason)
{
    /// <summary>Whether it met its training commitment: every session and tutorial it committed to.</summary>
    public bool Trained => SessionsAttended >= SessionsCommitted && TutorialsHeld >= TutorialsCommitted;
}

/// <summary>
/// The per-company view of an edition: one line per participant, in the order given. Unlike
/// <see cref="EditionReport"/> it keeps a line per participant, so its size grows with the
/// edition. Immutable, with value equality.
/// </summary>
/// <param name="Edition">The edition.</param>
/// <param name="Currency">The edition's currency.</param>
/// <param name="Rows">One line per participant.</param>
public sealed record CompanyTable(EditionId Edition, Currency Currency, EquatableArray<CompanyRow> Rows)
{
    /// <summary>The per-company table of an edition's participants.</summary>
    /// <param name="edition">The edition.</param>
    /// <param name="participants">Its participants, in the order the table lists them.</param>
    /// <param name="names">The companies' names, when the host knows them; a company without one is shown by its id.</param>
    /// <returns>The table; or Invalid when a participant belongs to another edition (<see cref="EditionErrors.WrongEdition"/>).</returns>
    /// <exception cref="ArgumentException">A participant is null.</exception>
    public static Result<CompanyTable> Create(Edition edition, IEnumerable<Participant> participants, IReadOnlyDictionary<CompanyId, string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(participants);
        var currency = edition.Budget.Actions.Allocated.Currency;
        var zero = Money.Zero(currency);
        var rows = new List<CompanyRow>();
        foreach (var p in participants)
        {
            if (p is null)
            {
                throw new ArgumentException($"null is not a participant of {edition.Id}.", nameof(participants));
            }

            if (p.Id.Edition != edition.Id)
            {
                return Result.Invalid(DomainErrors.Refusal(ReportLanguage.English, "participants", EditionErrors.WrongEdition + ".participant", p.Id, edition.Id));
            }

            Money approved = zero, notSupported = zero;
            foreach (var claim in p.Claims.Values)
            {
                if (claim.Verification is { } verified)
                {
                    approved += verified.Decision.Approved;
                    notSupported += verified.Decision.NotSupported;
                }
            }

            string? name = names is not null && names.TryGetValue(p.Id.Company, out var n) ? n : null;
            var commitment = p.Terms.Commitment;
            rows.Add(new CompanyRow(
                p.Id,
                name,
                p.Status,
                p.SessionsAttended.Count,
                commitment.GroupSessions,
                p.Tutorials.Count,
                commitment.Tutorials,
                p.Pills.Count,
                p.Swot.Status,
                p.Roadmap.Status,
                approved,
                p.SupportGranted,
                notSupported,
                p.Terms.Cap,
                p.ExitReason));
        }

        return new CompanyTable(edition.Id, currency, new EquatableArray<CompanyRow>(rows));
    }

    /// <summary>The table as plain text in a language, with a note saying what its columns mean.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string ToText(ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var l = language;
        var rows = new List<string[]>
        {
            l.Header("companies.company", "companies.status", "companies.sessions", "companies.tutorials", "companies.swot", "companies.roadmap", "companies.approved", "companies.granted", "companies.notSupported"),
        };
        foreach (var r in Rows)
        {
            rows.Add(
            [
                r.Name ?? r.Participant.Company.Value,
                l.Term("status." + ReportFormat.Name(r.Status)),
                l.Format("common.of", l.Number(r.SessionsAttended), l.Number(r.SessionsCommitted)),
                l.Format("common.of", l.Number(r.TutorialsHeld), l.Number(r.TutorialsCommitted)),
                l.Term("review." + ReportFormat.Name(r.Swot)),
                l.Term("review." + ReportFormat.Name(r.Roadmap)),
                l.Money(r.Approved),
                l.Money(r.Granted),
                l.Money(r.NotSupported),
            ]);
        }

        return new StringBuilder()
            .Append(l.Term("companies.title")).Append('\n')
            .Append(TextTable.Render(rows))
            .Append(l.Term("companies.note")).Append('\n')
            .ToString();
    }

    /// <summary>The table as an indented JSON array, amounts as numbers in <see cref="Currency"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReportFormat.Json(w =>
    {
        w.WriteStartArray();
        foreach (var r in Rows)
        {
            w.WriteStartObject();
            w.WriteString("company", r.Participant.Company.Value);
            if (r.Name is null)
            {
                w.WriteNull("name");
            }
            else
            {
                w.WriteString("name", r.Name);
            }

            w.WriteString("status", ReportFormat.Name(r.Status));
            w.WriteNumber("sessionsAttended", r.SessionsAttended);
            w.WriteNumber("sessionsCommitted", r.SessionsCommitted);
            w.WriteNumber("tutorialsHeld", r.TutorialsHeld);
            w.WriteNumber("tutorialsCommitted", r.TutorialsCommitted);
            w.WriteNumber("pillsAttended", r.PillsAttended);
            w.WriteBoolean("trained", r.Trained);
            w.WriteString("swot", ReportFormat.Name(r.Swot));
            w.WriteString("roadmap", ReportFormat.Name(r.Roadmap));
            w.WriteMoney("approved", r.Approved);
            w.WriteMoney("granted", r.Granted);
            w.WriteMoney("notSupported", r.NotSupported);
            w.WriteMoney("cap", r.Cap);
            if (r.ExitReason is null)
            {
                w.WriteNull("exitReason");
            }
            else
            {
                w.WriteString("exitReason", r.ExitReason);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    });
}
