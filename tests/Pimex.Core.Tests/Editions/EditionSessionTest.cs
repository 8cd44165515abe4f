using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

/// <summary>
/// The in-memory host: it keeps what the verbs return, refuses a company that is not a
/// participant with a code, and a refused command leaves it as it was.
/// </summary>
public class EditionSessionTest
{
    private static readonly CompanyId B1 = new("B1");

    private static EditionSession Opened(bool keepEvents = true) =>
        EditionSession.Open(Rulebook.Extremadura, 2016, Ctx(Manager, At(2016, 1, 10)), keepEvents).Value;

    private static EditionSession WithParticipant(bool keepEvents = true)
    {
        var session = Opened(keepEvents);
        Assert.True(session.ScheduleSession(new GroupSession("S1", new LocalDate(2016, 5, 2), "Mérida", "Session 1", 40), Ctx(Tech, At(2016, 1, 15))).IsSuccess);
        Assert.True(session.ReceiveApplication(Application("B1"), Ctx(Rep("B1"), At(2016, 2, 1))).IsSuccess);
        Assert.True(session.Admit(B1, Ctx(Manager, At(2016, 2, 15))).IsSuccess);
        return session;
    }

    [Fact]
    public void Open_WhenTheManagerOpens_KeepsTheEditionAndItsEvents()
    {
        var session = Opened();

        Assert.Equal(2016, session.Edition.Id.Year);
        Assert.Equal(session.Edition.Version, session.Events.Count);
        Assert.Empty(session.Participants);
    }

    [Fact]
    public void Open_WhenTheActorIsNotTheManager_IsTheVerbsRefusal()
    {
        var result = EditionSession.Open(Rulebook.Extremadura, 2016, Ctx(Tech, At(2016, 1, 10)));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal([CommonErrors.WrongActor], result.Codes());
    }

    [Fact]
    public void Admit_WhenAccepted_KeepsBothAggregatesAndReturnsBothStreamsInOrder()
    {
        var session = WithParticipant();
        var before = session.Events.Count;

        var attended = session.RecordAttendance(B1, "S1", Ctx(Tech, At(2016, 5, 2)));

        Assert.True(attended.IsSuccess);
        Assert.IsAssignableFrom<EditionEvent>(attended.Value[0]);
        Assert.IsAssignableFrom<ParticipantEvent>(attended.Value[^1]);
        Assert.Equal(attended.Value, session.Events.Skip(before));
        Assert.Equal(["S1"], session.Participants[B1].SessionsAttended);
        Assert.Equal(session.Edition.Version, session.Events.OfType<EditionEvent>().Count());
    }

    [Fact]
    public void RecordAttendance_WhenTheCompanyIsNotAParticipant_IsNotFoundAndChangesNothing()
    {
        var session = WithParticipant();
        var (edition, events) = (session.Edition, session.Events.Count);

        var result = session.RecordAttendance(new CompanyId("B9"), "S1", Ctx(Tech, At(2016, 5, 2)).In(ReportLanguage.Spanish));

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Equal([EditionErrors.NotAParticipant], result.Codes());
        Assert.Contains("B9 no es una empresa participante", result.Errors.Single(), StringComparison.Ordinal);
        Assert.Same(edition, session.Edition);
        Assert.Equal(events, session.Events.Count);
    }

    [Fact]
    public void SubmitClaim_WhenRefused_IsTheVerbsRefusalAndChangesNothing()
    {
        var session = WithParticipant();
        var (participant, events) = (session.Participants[B1], session.Events.Count);

        var result = session.SubmitClaim(B1, Claim("K1", 100m, category: "yacht"), Ctx(Rep("B1"), At(2016, 10, 5)));

        Assert.Equal(participant.SubmitClaim(Claim("K1", 100m, category: "yacht"), Rulebook.Extremadura, Ctx(Rep("B1"), At(2016, 10, 5))).Codes(), result.Codes());
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Same(participant, session.Participants[B1]);
        Assert.Equal(events, session.Events.Count);
    }

    [Fact]
    public void Events_WhenTheSessionKeepsNone_IsEmptyButEachCommandStillReturnsItsEvents()
    {
        var session = WithParticipant(keepEvents: false);

        var result = session.RecordTutorial(B1, new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Plan"), Ctx(Tech, At(2016, 6, 1)));

        Assert.True(result.IsSuccess);
        Assert.Single(result.Value);
        Assert.Empty(session.Events);
    }

    [Fact]
    public void Constructor_WhenResumedFromAggregates_GoesOnFromThem()
    {
        var first = WithParticipant();

        var resumed = new EditionSession(first.Rulebook, first.Edition, first.Participants.Values);
        var result = resumed.RecordAttendance(B1, "S1", Ctx(Tech, At(2016, 5, 2)));

        Assert.True(result.IsSuccess);
        Assert.Equal(result.Value, resumed.Events);
    }

    [Fact]
    public void Constructor_WhenAParticipantIsGivenTwice_Throws()
    {
        var first = WithParticipant();
        var participant = first.Participants[B1];

        Assert.Throws<ArgumentException>(() => new EditionSession(first.Rulebook, first.Edition, [participant, participant]));
    }

    /// <summary>
    /// Law: a command through the session answers what the verb answers on the session's
    /// aggregates (status and codes), keeps exactly the aggregates the verb returns when it is
    /// accepted, and leaves the session as it was when it is refused.
    /// </summary>
    [Property(MaxTest = 80)]
    public void EveryCommand_AnswersAsTheVerbAndKeepsWhatItReturns(int[] steps)
    {
        var session = WithParticipant();
        Assert.True(session.ReceiveApplication(Application("B2"), Ctx(Rep("B2"), At(2016, 2, 15, 11))).IsSuccess);
        var rules = Rulebook.Extremadura;
        for (int i = 0; i + 2 < steps.Length && i < 150; i += 3)
        {
            uint op = unchecked((uint)steps[i]), a = unchecked((uint)steps[i + 1]), b = unchecked((uint)steps[i + 2]);
            var company = new CompanyId("B" + (1 + (a % 3)));
            var ctx = Ctx(b % 5 == 0 ? Rep(company.Value) : Tech, At(2016, 2 + (int)(b % 10), 1 + (int)(a % 28)));
            var (edition, events) = (session.Edition, session.Events.Count);
            session.Participants.TryGetValue(company, out var participant);
            (IResult Verb, Result<System.Collections.Immutable.ImmutableArray<DomainEvent>> Session) r = (op % 7) switch
            {
                0 => (edition.Admit(company, rules, ctx with { Actor = Manager }), session.Admit(company, ctx with { Actor = Manager })),
                1 => ((IResult?)participant?.RecordAttendance(edition, "S" + (a % 2), ctx) ?? Missing(), session.RecordAttendance(company, "S" + (a % 2), ctx)),
                2 => ((IResult?)participant?.RecordTutorial(new Tutorial("T" + (b % 4), new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Plan"), ctx) ?? Missing(), session.RecordTutorial(company, new Tutorial("T" + (b % 4), new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Plan"), ctx)),
                3 => ((IResult?)participant?.SubmitClaim(Claim("K" + (b % 3), 1m + (a % 3_000)), rules, ctx with { Actor = Rep(company.Value) }) ?? Missing(), session.SubmitClaim(company, Claim("K" + (b % 3), 1m + (a % 3_000)), ctx with { Actor = Rep(company.Value) })),
                4 => ((IResult?)participant?.VerifyClaim(edition, "K" + (b % 3), ClaimVerification.ApproveInFull(), rules, ctx with { Actor = Tech2 }) ?? Missing(), session.VerifyClaim(company, "K" + (b % 3), ClaimVerification.ApproveInFull(), ctx with { Actor = Tech2 })),
                5 => (edition.RecordExpense(BudgetLine.Training, Eur(1m + (a % 900)), "Room", ctx with { Actor = Manager }), session.RecordExpense(BudgetLine.Training, Eur(1m + (a % 900)), "Room", ctx with { Actor = Manager })),
                _ => ((IResult?)participant?.Withdraw(edition, "Plans", ctx) ?? Missing(), session.Withdraw(company, "Plans", ctx)),
            };

            Assert.Equal(r.Verb.Status, r.Session.Status);
            Assert.Equal(r.Verb.Codes(), r.Session.Codes());
            if (!r.Session.IsSuccess)
            {
                Assert.Same(edition, session.Edition);
                Assert.Equal(events, session.Events.Count);
                continue;
            }

            Assert.Equal(r.Session.Value, session.Events.Skip(events));
            switch (r.Verb.GetValue())
            {
                case Changed<Edition, EditionEvent> e:
                    Assert.Equal(e.Aggregate, session.Edition);
                    break;
                case Changed<Participant, ParticipantEvent> p:
                    Assert.Equal(p.Aggregate, session.Participants[company]);
                    break;
                case ParticipationChange j:
                    Assert.Equal(j.Edition.Aggregate, session.Edition);
                    Assert.Equal(j.Participant.Aggregate, session.Participants[company]);
                    break;
            }
        }

        IResult Missing() => Result.NotFound(DomainErrors.Coded(EditionErrors.NotAParticipant, "not a participant"));
    }
}
