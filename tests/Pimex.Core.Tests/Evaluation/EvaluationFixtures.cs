using System.Collections.Immutable;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Evaluation;

/// <summary>
/// Builds an edition and its participants by replaying hand-made events (events are facts:
/// Apply checks nothing), keeping both streams consistent: a grant is spent from the
/// participant's reservation, an exit releases what is left, consultancy is charged to the line.
/// </summary>
internal sealed class EditionBuilder
{
    public static readonly Instant At = Instant.FromUtc(2016, 6, 1, 10, 0);
    public static readonly Actor Manager = Actor.ProgrammeManager("pm-1");
    public static readonly Actor Technician = Actor.Technician("tech-1");

    private readonly List<EditionEvent> events = [];
    private readonly List<ParticipantBuilder> participants = [];

    public EditionBuilder(AnnuityRules annuity, string rulebookId = "extremadura", Rulebook? rulebook = null)
    {
        Annuity = annuity;
        Id = new EditionId(rulebookId, annuity.Year);
        RulesDate = annuity.Applications.Start;
        Rules = (rulebook ?? Rulebook.Extremadura).On(RulesDate).Value;
        Zero = Money.Zero(annuity.Budget.Actions.Currency);
        events.Add(new EditionOpened(Id, annuity, RulesDate, At, Manager));
    }

    public EditionId Id { get; }

    public AnnuityRules Annuity { get; }

    public LocalDate RulesDate { get; }

    public RuleSet Rules { get; }

    public Money Zero { get; }

    public static AnnuityRules Annuity2016 => Rulebook.Extremadura.Annuity(2016).Value;

    /// <summary>An edition of the 2016 annuity of the Extremadura rulebook.</summary>
    public static EditionBuilder For2016() => new(Annuity2016);

    /// <summary>
    /// An edition of an illustrative annuity (not in the rulebook) sized for
    /// <paramref name="capacity"/> companies at the 2016 figures per company.
    /// </summary>
    public static EditionBuilder Sized(int capacity, int year = 2025)
    {
        var a = Annuity2016;
        Money Scaled(Money line) => Money.Of(line.Amount * capacity / a.Capacity, line.Currency);
        var budget = new AnnuityBudget(Scaled(a.Budget.Actions), Scaled(a.Budget.Training), Scaled(a.Budget.Consultancy));
        return new EditionBuilder(new AnnuityRules(
            year,
            budget,
            capacity,
            new DateInterval(new LocalDate(year, 1, 15), new LocalDate(year, 3, 15)),
            new DateInterval(new LocalDate(year, 4, 1), new LocalDate(year, 11, 30)),
            new DateInterval(new LocalDate(year, 4, 1), new LocalDate(year, 12, 31)),
            "Illustrative annuity for tests"));
    }

    public static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    public EditionBuilder Sessions(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            var session = new GroupSession("S" + i, Annuity.Training.Start.PlusDays(7 * i), "Mérida", "Session " + i, 1_000_000);
            Record(new SessionScheduled(Id, session, At, Technician));
        }

        return this;
    }

    public ParticipantBuilder Admit(string company, params AidReceived[] declared)
    {
        var participant = new ParticipantBuilder(this, new CompanyId(company), declared);
        participants.Add(participant);
        return participant;
    }

    public EditionBuilder Spend(BudgetLine line, decimal amount)
    {
        Record(new FundsSpent(Id, line, Eur(amount), null, "Trainers and rooms", At, Manager));
        return this;
    }

    public Edition BuildEdition() => Edition.Replay(events);

    /// <summary>The edition's stream as recorded so far.</summary>
    public IReadOnlyList<EditionEvent> Events => events;

    /// <summary>The participants admitted so far, each with its stream.</summary>
    public IReadOnlyList<ParticipantBuilder> Participants => participants;

    public (Edition Edition, Participant[] Participants) Build() =>
        (BuildEdition(), [.. participants.Select(p => p.Build())]);

    internal void Record(EditionEvent e) => events.Add(e);
}

/// <summary>One participant's stream, recorded alongside its edition's.</summary>
internal sealed class ParticipantBuilder
{
    private readonly EditionBuilder edition;
    private readonly List<ParticipantEvent> events = [];
    private readonly Actor representative;
    private int sessions;
    private int tutorials;
    private int claims;

    public ParticipantBuilder(EditionBuilder edition, CompanyId company, AidReceived[] declared)
    {
        this.edition = edition;
        Id = new ParticipantId(edition.Id, company);
        representative = Actor.CompanyRepresentative("rep-" + company.Value, company);
        var rules = edition.Rules;
        Cap = rules.Promotion.CapPerCompany;
        ReservationLeft = Cap;
        var terms = new ParticipationTerms(
            rules.Commitment,
            Cap,
            edition.Annuity.Training,
            edition.Annuity.Expenses,
            SizeClass.Small,
            new EquatableArray<AidReceived>(declared),
            AdmissionEligibility.InKindAid(rules, edition.Annuity),
            edition.Annuity.Applications.End,
            edition.RulesDate,
            rules.TimeZone);
        edition.Record(new CompanyAdmitted(edition.Id, Id, SizeClass.Small, EditionBuilder.At, EditionBuilder.Manager));
        edition.Record(new FundsReserved(edition.Id, BudgetLine.Actions, Id, Cap, EditionBuilder.At, EditionBuilder.Manager));
        events.Add(new ParticipantAdmitted(Id, terms, EditionBuilder.At, EditionBuilder.Manager));
    }

    public ParticipantId Id { get; }

    public Money Cap { get; }

    public Money ReservationLeft { get; private set; }

    public ParticipantBuilder Attend(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var session = "S" + ++sessions;
            edition.Record(new AttendanceRegistered(edition.Id, session, Id, EditionBuilder.At, EditionBuilder.Technician));
            events.Add(new SessionAttended(Id, session, edition.Annuity.Training.Start.PlusDays(7 * sessions), EditionBuilder.At, EditionBuilder.Technician));
        }

        return this;
    }

    public ParticipantBuilder Tutorials(int count)
    {
        for (int i = 0; i < count; i++)
        {
            var tutorial = new Tutorial("T" + ++tutorials, edition.Annuity.Training.Start.PlusDays(10 * tutorials), VenueKind.CompanyPremises, "Export plan review");
            events.Add(new TutorialHeld(Id, tutorial, EditionBuilder.At, EditionBuilder.Technician));
        }

        return this;
    }

    public ParticipantBuilder Pills(int count)
    {
        for (int i = 0; i < count; i++)
        {
            events.Add(new TrainingPillAttended(Id, new TrainingPill("Strategic planning", edition.Annuity.Training.Start.PlusDays(i), "management"), EditionBuilder.At, EditionBuilder.Technician));
        }

        return this;
    }

    public ParticipantBuilder Swot(bool accepted = true)
    {
        var swot = new Swot(List("Quality"), List("Size"), List("Portugal"), List("Competition"));
        events.Add(new SwotSubmitted(Id, 1, swot, EditionBuilder.At, representative));
        events.Add(new SwotReviewed(Id, 1, accepted, accepted ? null : "Quantify the opportunities.", EditionBuilder.At, EditionBuilder.Technician));
        return this;
    }

    public ParticipantBuilder Roadmap(bool accepted = true)
    {
        var horizon = new DateInterval(new LocalDate(edition.Annuity.Year, 6, 1), new LocalDate(edition.Annuity.Year + 1, 5, 31));
        var roadmap = new Roadmap(
            horizon,
            List("PT"),
            List("Two distributors in Portugal"),
            new EquatableArray<RoadmapAction>([new RoadmapAction("Visit a trade fair in Lisbon", "PT", horizon.Start.PlusDays(60))]),
            List("Distributors signed"));
        events.Add(new RoadmapSubmitted(Id, 1, roadmap, EditionBuilder.At, representative));
        events.Add(new RoadmapReviewed(Id, 1, accepted, accepted ? null : "Date the actions.", EditionBuilder.At, EditionBuilder.Technician));
        return this;
    }

    /// <summary>A claim approved in full and granted: spent from the reservation.</summary>
    public ParticipantBuilder Grant(decimal amount, LocalDate? on = null) => Grant(EditionBuilder.Eur(amount), EditionBuilder.Eur(amount), on);

    /// <summary>A claim approved for <paramref name="approved"/> of which <paramref name="granted"/> is granted.</summary>
    public ParticipantBuilder Grant(Money approved, Money granted, LocalDate? on = null)
    {
        var id = "C" + ++claims;
        var date = on ?? edition.Annuity.Expenses.Start.PlusDays(claims);
        var claim = new ExpenseClaim(id, "INV-" + id, "B99999999", date, "tradeFair", "Stand at a trade fair", approved, EditionBuilder.Eur(0), false);
        var reasons = granted < approved ? NotSupportedReasons.Cap : NotSupportedReasons.None;
        var decision = new SupportDecision(approved, granted, approved - granted, reasons);
        events.Add(new ClaimSubmitted(Id, claim, EditionBuilder.At, representative));
        events.Add(new ClaimVerified(Id, id, ClaimVerdict.ApprovedInFull, decision, null, date, EditionBuilder.At, EditionBuilder.Technician));
        if (granted.IsPositive)
        {
            edition.Record(new ReservedFundsSpent(edition.Id, BudgetLine.Actions, Id, granted, EditionBuilder.At, EditionBuilder.Technician));
        }

        ReservationLeft -= granted;
        return this;
    }

    public ParticipantBuilder Consult(decimal hours)
    {
        var cost = edition.Rules.Support.ConsultantHourlyRate.Multiply(hours);
        edition.Record(new FundsSpent(edition.Id, BudgetLine.Consultancy, cost, Id, "Senior consultant: markets", EditionBuilder.At, representative));
        events.Add(new ConsultancyProvided(Id, hours, cost, "Markets", EditionBuilder.At, representative));
        return this;
    }

    public ParticipantBuilder Answer(int overall, params (string Question, int Score)[] questions)
    {
        var scores = default(EquatableDictionary<string, int>);
        foreach (var (question, score) in questions)
        {
            scores = scores.SetItem(question, score);
        }

        events.Add(new SurveyAnswered(Id, new SurveyAnswer(overall, scores), EditionBuilder.At, representative));
        return this;
    }

    public ParticipantBuilder Complete() => Exit(new ParticipationCompleted(Id, ReservationLeft, EditionBuilder.At, EditionBuilder.Technician));

    public ParticipantBuilder Withdraw() => Exit(new ParticipantWithdrew(Id, "Changed strategy", ReservationLeft, EditionBuilder.At, representative));

    public ParticipantBuilder Exclude() => Exit(new ParticipantExcluded(Id, "Missed every session", ReservationLeft, EditionBuilder.At, EditionBuilder.Manager));

    public Participant Build() => Participant.Replay(events);

    /// <summary>The participant's stream as recorded so far.</summary>
    public IReadOnlyList<ParticipantEvent> Events => events;

    /// <summary>Records one more event of the participant's stream as it is.</summary>
    public ParticipantBuilder Record(ParticipantEvent e)
    {
        events.Add(e);
        return this;
    }

    private static EquatableArray<string> List(string item) => new(ImmutableArray.Create(item));

    private ParticipantBuilder Exit(ParticipantEvent exit)
    {
        if (ReservationLeft.IsPositive)
        {
            edition.Record(new ReservationReleased(edition.Id, BudgetLine.Actions, Id, ReservationLeft, EditionBuilder.At, EditionBuilder.Technician));
        }

        ReservationLeft = edition.Zero;
        events.Add(exit);
        return this;
    }
}
