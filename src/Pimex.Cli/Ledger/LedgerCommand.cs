using System.Collections.Frozen;
using System.Collections.Immutable;
using Ardalis.Result;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.Cli.Ledger;

/// <summary>
/// What a ledger verb is, besides the commands it makes: its name in the ledger, its own fields
/// (besides <c>command</c>, <c>at</c> and <c>actor</c>), and how a line of it is read.
/// </summary>
/// <param name="Name">The name, such as <c>submitClaim</c>.</param>
/// <param name="Fields">Its own fields (a participant's <c>company</c> first), in the order they are written.</param>
/// <param name="Read">Reads them through the line's <see cref="FieldReader"/> (which records every problem), given the common fields.</param>
/// <param name="Command">The type of its commands.</param>
internal sealed record LedgerVerb(string Name, IReadOnlyList<string> Fields, Func<FieldReader, Instant, Actor, LedgerCommand> Read, Type Command)
{
    /// <summary>Every verb, in documentation order: the one table of the ledger's commands.</summary>
    /// <remarks>
    /// Adding a verb: a command record below (its <c>Definition</c>, <see cref="LedgerCommand.WriteFields"/>
    /// and <see cref="EditionCommand.ApplyTo"/>), its <c>Definition</c> here, and its section of
    /// <c>docs/ledger-format.md</c> (tests check that the three agree).
    /// </remarks>
    public static readonly IReadOnlyList<LedgerVerb> All =
    [
        OpenEdition.Definition, Apply.Definition, Admit.Definition, ScheduleSession.Definition, RecordExpense.Definition,
        AssignTechnician.Definition, RecordAttendance.Definition, RecordTutorial.Definition, RecordTrainingPill.Definition,
        RequestConsultancy.Definition, SubmitSwot.Definition, ReviewSwot.Definition, SubmitRoadmap.Definition, ReviewRoadmap.Definition,
        SubmitClaim.Definition, VerifyClaim.Definition, AnswerSurvey.Definition, Complete.Definition, Withdraw.Definition, Exclude.Definition,
    ];

    /// <summary>The verbs by name.</summary>
    public static readonly FrozenDictionary<string, LedgerVerb> ByName = All.ToFrozenDictionary(v => v.Name, StringComparer.Ordinal);

    /// <summary>The verbs by the type of their commands.</summary>
    public static readonly FrozenDictionary<Type, LedgerVerb> ByType = All.ToFrozenDictionary(v => v.Command);

    /// <summary>The verb of a command type.</summary>
    /// <typeparam name="TCommand">The command type.</typeparam>
    /// <param name="name">The verb's name.</param>
    /// <param name="fields">Its own fields, in the order they are written.</param>
    /// <param name="read">Reads them.</param>
    /// <returns>The verb.</returns>
    public static LedgerVerb Of<TCommand>(string name, IReadOnlyList<string> fields, Func<FieldReader, Instant, Actor, TCommand> read)
        where TCommand : LedgerCommand => new(name, fields, read, typeof(TCommand));

    /// <summary>The name alone (the reader's delegate says nothing).</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

/// <summary>
/// One command of a ledger: who issues it and when, and what it asks. Each subtype maps to one
/// verb of the library and owns its ledger form: its <see cref="Verb"/> (name, fields, reading),
/// its writing (<see cref="WriteFields"/>) and, but for <see cref="OpenEdition"/>, its applying
/// (<see cref="EditionCommand.ApplyTo"/>); see <c>docs/ledger-format.md</c> for its JSON form.
/// </summary>
/// <param name="At">When the command is recorded (the host's clock).</param>
/// <param name="Actor">Who issues it.</param>
internal abstract record LedgerCommand(Instant At, Actor Actor)
{
    /// <summary>The command's verb (its type's <c>Definition</c>): its name, fields and reading.</summary>
    public LedgerVerb Verb => LedgerVerb.ByType[GetType()];

    /// <summary>The command's name in the ledger, such as <c>submitClaim</c>.</summary>
    public string Name => Verb.Name;

    /// <summary>The context the library's verbs take.</summary>
    public CommandContext Context => new(Actor, At);

    /// <summary>Writes the command's own fields, those of its <see cref="Verb"/> in their order (<see cref="LedgerWriter"/> writes the common ones).</summary>
    /// <param name="w">The writer, inside the line's object.</param>
    public abstract void WriteFields(Utf8JsonWriter w);
}

/// <summary>A command applied to an open edition, through the library's <see cref="EditionSession"/>.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
internal abstract record EditionCommand(Instant At, Actor Actor) : LedgerCommand(At, Actor)
{
    /// <summary>Runs the command's verb in the session, which keeps the new aggregates.</summary>
    /// <param name="session">The edition and its participants.</param>
    /// <param name="context">The command's context (in the run's language).</param>
    /// <returns>The events recorded, or the refusal (nothing changed).</returns>
    public abstract Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context);
}

/// <summary>A command about one company's participation: its <c>company</c> is each verb's first field.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Company">The company.</param>
internal abstract record ParticipantCommand(Instant At, Actor Actor, CompanyId Company) : EditionCommand(At, Actor);

/// <summary>Opens the edition of the rulebook's annuity of a year (<c>openEdition</c>): it starts the run's session.</summary>
internal sealed record OpenEdition(Instant At, Actor Actor, int Year) : LedgerCommand(At, Actor)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("openEdition", ["year"], (r, at, actor) => new OpenEdition(at, actor, r.Int("year")));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Year);

    /// <summary>Opens the edition in a new session (<see cref="EditionSession.Open"/>).</summary>
    /// <param name="rulebook">The rules.</param>
    /// <param name="context">The command's context (in the run's language).</param>
    /// <param name="keepEvents">Whether the session keeps every event.</param>
    /// <returns>The session, or the refusal.</returns>
    public Result<EditionSession> Open(Rulebook rulebook, CommandContext context, bool keepEvents) => EditionSession.Open(rulebook, Year, context, keepEvents);
}

/// <summary>
/// A company applies (<c>apply</c>). The name and sector are the host's master data: the library
/// never sees them. Its declaration is read and written by <see cref="Declaration"/>.
/// </summary>
internal sealed record Apply(Instant At, Actor Actor, CompanyApplication Application, string? CompanyName, string? Sector) : EditionCommand(At, Actor)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("apply", Declaration.ApplyFields, Declaration.Read);

    public override void WriteFields(Utf8JsonWriter w) => Declaration.Write(w, this);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.ReceiveApplication(Application, context);
}

/// <summary>Admits a company that applied (<c>admit</c>).</summary>
internal sealed record Admit(Instant At, Actor Actor, CompanyId Company) : EditionCommand(At, Actor)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("admit", ["company"], (r, at, actor) => new Admit(at, actor, r.Company()));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.Admit(Company, context);
}

/// <summary>Schedules a group session (<c>scheduleSession</c>).</summary>
internal sealed record ScheduleSession(Instant At, Actor Actor, GroupSession Session) : EditionCommand(At, Actor)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("scheduleSession", ["session", "date", "venue", "topic", "capacity"], (r, at, actor) =>
        new ScheduleSession(at, actor, new GroupSession(r.Id("session"), r.Date("date"), r.String("venue"), r.String("topic"), r.Int("capacity"))));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Session.Id, Session.Date, Session.Venue, Session.Topic, Session.Capacity);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.ScheduleSession(Session, context);
}

/// <summary>Spends directly from the training or consultancy line (<c>recordExpense</c>).</summary>
internal sealed record RecordExpense(Instant At, Actor Actor, BudgetLine Line, Monetary.Money Amount, string Description) : EditionCommand(At, Actor)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("recordExpense", ["line", "amount", "description"], (r, at, actor) =>
        new RecordExpense(at, actor, r.Enum<BudgetLine>("line"), r.Money("amount"), r.String("description")));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Line, Amount, Description);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.RecordExpense(Line, Amount, Description, context);
}

/// <summary>Assigns a participant's technician (<c>assignTechnician</c>).</summary>
internal sealed record AssignTechnician(Instant At, Actor Actor, CompanyId Company, string Technician) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("assignTechnician", ["company", "technician"], (r, at, actor) => new AssignTechnician(at, actor, r.Company(), r.String("technician")));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company, Technician);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.AssignTechnician(Company, Technician, context);
}

/// <summary>Records attendance at a group session (<c>recordAttendance</c>).</summary>
internal sealed record RecordAttendance(Instant At, Actor Actor, CompanyId Company, string Session) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("recordAttendance", ["company", "session"], (r, at, actor) => new RecordAttendance(at, actor, r.Company(), r.String("session")));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company, Session);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.RecordAttendance(Company, Session, context);
}

/// <summary>Records an individual tutorial (<c>recordTutorial</c>).</summary>
internal sealed record RecordTutorial(Instant At, Actor Actor, CompanyId Company, Tutorial Tutorial) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("recordTutorial", ["company", "tutorial", "date", "venue", "record"], (r, at, actor) =>
        new RecordTutorial(at, actor, r.Company(), new Tutorial(r.String("tutorial"), r.Date("date"), r.Enum<VenueKind>("venue"), r.String("record"))));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company, Tutorial.Id, Tutorial.Date, Tutorial.Venue, Tutorial.Record);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.RecordTutorial(Company, Tutorial, context);
}

/// <summary>Records a training pill (<c>recordTrainingPill</c>).</summary>
internal sealed record RecordTrainingPill(Instant At, Actor Actor, CompanyId Company, TrainingPill Pill) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("recordTrainingPill", ["company", "topic", "date", "attendeeRole"], (r, at, actor) =>
        new RecordTrainingPill(at, actor, r.Company(), new TrainingPill(r.String("topic"), r.Date("date"), r.String("attendeeRole"))));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company, Pill.Topic, Pill.Date, Pill.AttendeeRole);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.RecordTrainingPill(Company, Pill, context);
}

/// <summary>Records senior-consultant advice (<c>requestConsultancy</c>).</summary>
internal sealed record RequestConsultancy(Instant At, Actor Actor, CompanyId Company, decimal Hours, string Topic) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("requestConsultancy", ["company", "hours", "topic"], (r, at, actor) =>
        new RequestConsultancy(at, actor, r.Company(), r.Decimal("hours"), r.String("topic")));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company, Hours, Topic);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.RequestConsultancy(Company, Hours, Topic, context);
}

/// <summary>Submits a SWOT analysis (<c>submitSwot</c>).</summary>
internal sealed record SubmitSwot(Instant At, Actor Actor, CompanyId Company, Swot Swot) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("submitSwot", ["company", "strengths", "weaknesses", "opportunities", "threats"], (r, at, actor) =>
        new SubmitSwot(at, actor, r.Company(), new Swot(r.Strings("strengths"), r.Strings("weaknesses"), r.Strings("opportunities"), r.Strings("threats"))));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company, Swot.Strengths, Swot.Weaknesses, Swot.Opportunities, Swot.Threats);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.SubmitSwot(Company, Swot, context);
}

/// <summary>Accepts or returns what a participant submitted for review (<c>reviewSwot</c>, <c>reviewRoadmap</c>).</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Company">The company.</param>
/// <param name="Accept">Whether it is accepted.</param>
/// <param name="Comment">Why it is returned, or a remark.</param>
internal abstract record ReviewCommand(Instant At, Actor Actor, CompanyId Company, bool Accept, string? Comment) : ParticipantCommand(At, Actor, Company)
{
    /// <summary>The fields of a review.</summary>
    public static readonly IReadOnlyList<string> Fields = ["company", "accept", "comment"];

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Fields, Company, Accept, Comment);
}

/// <summary>Accepts or returns the SWOT analysis waiting for review (<c>reviewSwot</c>).</summary>
internal sealed record ReviewSwot(Instant At, Actor Actor, CompanyId Company, bool Accept, string? Comment) : ReviewCommand(At, Actor, Company, Accept, Comment)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("reviewSwot", Fields, (r, at, actor) => new ReviewSwot(at, actor, r.Company(), r.Bool("accept"), r.OptionalString("comment")));

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.ReviewSwot(Company, Accept, Comment, context);
}

/// <summary>Submits an international roadmap (<c>submitRoadmap</c>).</summary>
internal sealed record SubmitRoadmap(Instant At, Actor Actor, CompanyId Company, Roadmap Roadmap) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("submitRoadmap", ["company", "horizon", "targetMarkets", "objectives", "actions", "indicators"], Read);

    public override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteFields(["company"], Company);
        w.WriteStartObject("horizon");
        w.WriteDate("start", Roadmap.Horizon.Start);
        w.WriteDate("end", Roadmap.Horizon.End);
        w.WriteEndObject();
        w.WriteFields(["targetMarkets", "objectives"], Roadmap.TargetMarkets, Roadmap.Objectives);
        w.WriteObjects("actions", Roadmap.Actions, static (w, action) => w.WriteFields(["description", "market", "due"], action.Description, action.Market, action.Due), always: true);
        w.WriteFields(["indicators"], Roadmap.Indicators);
    }

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.SubmitRoadmap(Company, Roadmap, context);

    private static SubmitRoadmap Read(FieldReader r, Instant at, Actor actor)
    {
        var company = r.Company();
        DateInterval horizon = new(new LocalDate(2000, 1, 1), new LocalDate(2000, 1, 1));
        if (r.Object("horizon") is { } h)
        {
            var start = h.Date("start");
            var end = h.Date("end");
            h.RejectUnknown(["start", "end"]);
            if (end < start)
            {
                h.Error("end", LedgerErrors.InvalidValue, "The horizon ends before it starts.");
            }
            else
            {
                horizon = new DateInterval(start, end);
            }
        }

        var markets = r.Strings("targetMarkets");
        var objectives = r.Strings("objectives");
        var actions = new List<RoadmapAction>();
        foreach (var e in r.Objects("actions"))
        {
            actions.Add(new RoadmapAction(e.String("description"), e.String("market"), e.Date("due")));
            e.RejectUnknown(["description", "market", "due"]);
        }

        var indicators = r.Strings("indicators");
        return new SubmitRoadmap(at, actor, company, new Roadmap(horizon, markets, objectives, new EquatableArray<RoadmapAction>(actions), indicators));
    }
}

/// <summary>Accepts or returns the roadmap waiting for review (<c>reviewRoadmap</c>).</summary>
internal sealed record ReviewRoadmap(Instant At, Actor Actor, CompanyId Company, bool Accept, string? Comment) : ReviewCommand(At, Actor, Company, Accept, Comment)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("reviewRoadmap", Fields, (r, at, actor) => new ReviewRoadmap(at, actor, r.Company(), r.Bool("accept"), r.OptionalString("comment")));

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.ReviewRoadmap(Company, Accept, Comment, context);
}

/// <summary>Submits an expense claim (<c>submitClaim</c>).</summary>
internal sealed record SubmitClaim(Instant At, Actor Actor, CompanyId Company, ExpenseClaim Claim) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("submitClaim", ["company", "claim", "invoice", "supplier", "invoiceDate", "category", "description", "net", "vat", "vatRecoverable"], (r, at, actor) =>
        new SubmitClaim(at, actor, r.Company(), new ExpenseClaim(
            r.Id("claim"), r.String("invoice"), r.String("supplier"), r.Date("invoiceDate"), r.String("category"), r.String("description"),
            r.Money("net"), r.Money("vat"), r.Bool("vatRecoverable"))));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(
        Definition.Fields, Company, Claim.Id, Claim.InvoiceId, Claim.Supplier, Claim.InvoiceDate, Claim.Category, Claim.Description, Claim.Net, Claim.Vat, Claim.VatRecoverable);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.SubmitClaim(Company, Claim, context);
}

/// <summary>Verifies an expense claim (<c>verifyClaim</c>).</summary>
internal sealed record VerifyClaim(Instant At, Actor Actor, CompanyId Company, string Claim, ClaimVerification Verification) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("verifyClaim", ["company", "claim", "verdict", "approvedAmount", "reason"], Read);

    /// <summary>Writes the verdict; the approved amount of a partial approval only.</summary>
    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(
        Definition.Fields, Company, Claim, Verification.Verdict, Verification.Verdict == ClaimVerdict.ApprovedInPart ? Verification.ApprovedAmount : null, Verification.Reason);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.VerifyClaim(Company, Claim, Verification, context);

    private static VerifyClaim Read(FieldReader r, Instant at, Actor actor)
    {
        var company = r.Company();
        var claim = r.String("claim");
        var verdict = r.Enum<ClaimVerdict>("verdict");
        var amount = r.OptionalMoney("approvedAmount");
        var reason = r.OptionalString("reason");
        if (verdict == ClaimVerdict.ApprovedInPart && amount is null && r.Has("verdict"))
        {
            r.Error("approvedAmount", LedgerErrors.MissingField, "A partial approval (approvedInPart) needs the approved amount.");
        }
        else if (verdict != ClaimVerdict.ApprovedInPart && amount is not null)
        {
            r.Error("approvedAmount", LedgerErrors.UnknownField, "Only a partial approval (approvedInPart) has an approved amount.");
        }

        return new VerifyClaim(at, actor, company, claim, new ClaimVerification(verdict, amount ?? default, reason));
    }
}

/// <summary>Answers the satisfaction survey (<c>answerSurvey</c>).</summary>
internal sealed record AnswerSurvey(Instant At, Actor Actor, CompanyId Company, SurveyAnswer Answer) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("answerSurvey", ["company", "overall", "questions"], (r, at, actor) =>
        new AnswerSurvey(at, actor, r.Company(), new SurveyAnswer(r.Int("overall"), r.IntMap("questions"))));

    /// <summary>Writes the overall score, then the questions' scores in the order of their names (none when there is none).</summary>
    public override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteFields(["company", "overall"], Company, Answer.Overall);
        if (Answer.Questions.Count > 0)
        {
            w.WriteStartObject("questions");
            foreach (var (question, score) in Answer.Questions.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(question, score);
            }

            w.WriteEndObject();
        }
    }

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.AnswerSurvey(Company, Answer, context);
}

/// <summary>Completes the programme (<c>complete</c>).</summary>
internal sealed record Complete(Instant At, Actor Actor, CompanyId Company) : ParticipantCommand(At, Actor, Company)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("complete", ["company"], (r, at, actor) => new Complete(at, actor, r.Company()));

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Definition.Fields, Company);

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.Complete(Company, context);
}

/// <summary>The participant leaves the programme before completing it (<c>withdraw</c>, <c>exclude</c>), for a reason.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Company">The company.</param>
/// <param name="Reason">Why.</param>
internal abstract record ExitCommand(Instant At, Actor Actor, CompanyId Company, string Reason) : ParticipantCommand(At, Actor, Company)
{
    /// <summary>The fields of an exit.</summary>
    public static readonly IReadOnlyList<string> Fields = ["company", "reason"];

    public override void WriteFields(Utf8JsonWriter w) => w.WriteFields(Fields, Company, Reason);
}

/// <summary>The company withdraws (<c>withdraw</c>).</summary>
internal sealed record Withdraw(Instant At, Actor Actor, CompanyId Company, string Reason) : ExitCommand(At, Actor, Company, Reason)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("withdraw", Fields, (r, at, actor) => new Withdraw(at, actor, r.Company(), r.String("reason")));

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.Withdraw(Company, Reason, context);
}

/// <summary>The programme manager excludes the participant (<c>exclude</c>).</summary>
internal sealed record Exclude(Instant At, Actor Actor, CompanyId Company, string Reason) : ExitCommand(At, Actor, Company, Reason)
{
    public static readonly LedgerVerb Definition = LedgerVerb.Of("exclude", Fields, (r, at, actor) => new Exclude(at, actor, r.Company(), r.String("reason")));

    public override Result<ImmutableArray<DomainEvent>> ApplyTo(EditionSession session, CommandContext context) => session.Exclude(Company, Reason, context);
}

/// <summary>A command with the line of the ledger it was read from (1-based).</summary>
/// <param name="Line">The line number.</param>
/// <param name="Command">The command.</param>
internal sealed record LedgerEntry(int Line, LedgerCommand Command);
