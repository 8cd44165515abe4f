using System.Collections.Immutable;
using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Tests.Editions;

/// <summary>
/// One company's year of the 2016 edition written twice, as a host developer would: once with
/// the aggregates' verbs alone (every result checked, every new aggregate kept by hand), once
/// through an <see cref="EditionSession"/> (<c>samples/OneCompanyYear/Year.cs</c>, compiled
/// here and run by CI against the packed package). Both must record the same events and leave the
/// same state.
/// </summary>
public class OneCompanyYearTest
{
    private static readonly CompanyId Acme = new("B06000001");

    [Fact]
    public void OneCompanyYear_ThroughTheSession_RecordsWhatTheVerbsRecord()
    {
        var (edition, participant, events) = ThroughTheVerbs();

        var (session, results) = Samples.Year.Of(Acme);

        Assert.All(results, r => Assert.Equal(ResultStatus.Ok, r.Status));
        Assert.NotNull(session);
        Assert.Equal(edition, session.Edition);
        Assert.Equal(participant, session.Participants[Acme]);
        Assert.Equal(events, session.Events);
        Assert.Equal(ParticipantStatus.Completed, participant.Status);
        Assert.Equal(Money.Of(800m, Currency.EUR), participant.SupportGranted);
    }

    /// <summary>The year with the verbs alone: what a host wrote before the session existed.</summary>
    private static (Edition Edition, Participant Participant, ImmutableArray<DomainEvent> Events) ThroughTheVerbs()
    {
        var rules = Rulebook.Extremadura;
        var manager = Actor.ProgrammeManager("mgr-1");
        var tech = Actor.Technician("tech-1");
        var rep = Actor.CompanyRepresentative("rep-1", Acme);
        var events = ImmutableArray.CreateBuilder<DomainEvent>();
        CommandContext At(Actor actor, int month, int day) =>
            new(actor, new LocalDateTime(2016, month, day, 10, 0).InZoneLeniently(rules.TimeZone).ToInstant());
        T Must<T>(Result<T> result) =>
            result.IsSuccess ? result.Value : throw new InvalidOperationException(string.Join("; ", result.Codes()));

        var opened = Must(Edition.Open(rules, 2016, At(manager, 1, 10)));
        var edition = opened.Aggregate;
        events.AddRange(opened.Events);
        for (int i = 1; i <= 3; i++)
        {
            var scheduled = Must(edition.ScheduleSession(new GroupSession("S" + i, new LocalDate(2016, 5, (2 * i) - 1), "Mérida", "Session " + i, 30), At(tech, 1, 15)));
            edition = scheduled.Aggregate;
            events.AddRange(scheduled.Events);
        }

        var figures = new EnterpriseFigures(20m, Money.Of(3_000_000m, Currency.EUR), Money.Of(2_000_000m, Currency.EUR));
        var application = new CompanyApplication(Acme, "ES43", new CompanyProfile(figures, new EquatableArray<RelatedEnterprise>([])), new EquatableArray<AidReceived>([]));
        var applied = Must(edition.ReceiveApplication(application, rules, At(rep, 2, 1)));
        edition = applied.Aggregate;
        events.AddRange(applied.Events);
        var admitted = Must(edition.Admit(Acme, rules, At(manager, 2, 15)));
        edition = admitted.Edition.Aggregate;
        var participant = admitted.Participant.Aggregate;
        events.AddRange(admitted.Edition.Events);
        events.AddRange(admitted.Participant.Events);
        void Keep(Changed<Participant, ParticipantEvent> change)
        {
            participant = change.Aggregate;
            events.AddRange(change.Events);
        }

        void KeepBoth(ParticipationChange change)
        {
            edition = change.Edition.Aggregate;
            events.AddRange(change.Edition.Events);
            Keep(change.Participant);
        }

        Keep(Must(participant.AssignTechnician("tech-1", rules, At(manager, 2, 16))));
        for (int i = 1; i <= 3; i++)
        {
            KeepBoth(Must(participant.RecordAttendance(edition, "S" + i, At(tech, 5, (2 * i) - 1))));
            Keep(Must(participant.RecordTutorial(new Tutorial("T" + i, new LocalDate(2016, 5, 2 * i), VenueKind.CompanyPremises, "Export plan"), At(tech, 5, 2 * i))));
        }

        Keep(Must(participant.RecordTrainingPill(new TrainingPill("Strategic planning", new LocalDate(2016, 6, 20), "management"), At(tech, 6, 20))));
        var swot = new Swot(new EquatableArray<string>(["Quality"]), new EquatableArray<string>(["Size"]), new EquatableArray<string>(["Portugal"]), new EquatableArray<string>(["Competition"]));
        Keep(Must(participant.SubmitSwot(swot, At(rep, 7, 1))));
        Keep(Must(participant.ReviewSwot(true, null, At(tech, 7, 2))));
        var roadmap = new Roadmap(
            new DateInterval(new LocalDate(2016, 10, 1), new LocalDate(2017, 12, 31)),
            new EquatableArray<string>(["PT"]),
            new EquatableArray<string>(["First sale in Portugal"]),
            new EquatableArray<RoadmapAction>([new RoadmapAction("Fair in Lisbon", "PT", new LocalDate(2017, 2, 15))]),
            new EquatableArray<string>(["Export share of turnover"]));
        Keep(Must(participant.SubmitRoadmap(roadmap, At(rep, 9, 1))));
        Keep(Must(participant.ReviewRoadmap(true, null, At(tech, 9, 2))));
        var claim = new ExpenseClaim("K1", "INV-1", "B11111111", new LocalDate(2016, 10, 1), "tradeFair", "Stand", Money.Of(800m, Currency.EUR), Money.Of(0m, Currency.EUR), true);
        Keep(Must(participant.SubmitClaim(claim, rules, At(rep, 10, 5))));
        KeepBoth(Must(participant.VerifyClaim(edition, "K1", ClaimVerification.ApproveInFull(), rules, At(tech, 10, 20))));
        KeepBoth(Must(participant.Complete(edition, At(tech, 11, 1))));
        Keep(Must(participant.AnswerSurvey(new SurveyAnswer(8, default), rules, At(rep, 11, 15))));
        return (edition, participant, events.ToImmutable());
    }
}
