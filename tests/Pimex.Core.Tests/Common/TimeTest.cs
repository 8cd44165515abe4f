using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Common;

/// <summary>
/// Time and causality: no command takes an aggregate back in time, a fact is never dated after
/// the command that records it nor before what it depends on, and a stale edition is refused.
/// Sessions of the scenario are on 2, 3 and 4 May 2016; companies are admitted on 1 February.
/// </summary>
public class TimeTest
{
    private static Support.Scenario WithB1()
    {
        var s = Open().ScheduleSessions();
        s.Join("B1");
        return s;
    }

    // An aggregate never goes back in time.
    [Fact]
    public void ScheduleSession_WhenBeforeTheEditionsLastEvent_IsConflictAndSchedulesNothing()
    {
        var s = Open().ApplyFor(Application("B1"), At(2016, 2, 10));

        var result = s.Edition.ScheduleSession(new GroupSession("S9", new LocalDate(2016, 6, 1), "Mérida", "Pricing", 30), Ctx(Tech, At(2016, 2, 9)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([TimeErrors.BeforeLastEvent], result.Codes());
        Assert.DoesNotContain("S9", s.Edition.Sessions.Keys);
    }

    [Fact]
    public void ReceiveApplication_WhenBeforeTheOpening_IsConflict()
    {
        var s = Open();

        var result = s.Edition.ReceiveApplication(Application("B1"), s.Rulebook, Ctx(Rep("B1"), At(2016, 1, 9)));

        Assert.Equal([TimeErrors.BeforeLastEvent], result.Codes());
        Assert.Empty(s.Edition.Applications);
    }

    [Fact]
    public void AnyCommand_AtTheSameInstantAsTheLastEvent_IsAccepted()
    {
        var s = WithB1();
        var at = s.Participant("B1").LastRecordedAt;

        var result = s.Participant("B1").AssignTechnician("tech-1", s.Rulebook, Ctx(Manager, at));

        Assert.True(result.IsSuccess);
        Assert.Equal(at, result.Value.Aggregate.LastRecordedAt);
    }

    [Fact]
    public void RecordTutorial_WhenBeforeTheParticipantsLastEvent_IsConflictNamingBothInstants()
    {
        var s = WithB1();
        s.Do("B1", p => p.RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 6, 1))));

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T2", new LocalDate(2016, 5, 20), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 5, 20)));

        Assert.Equal(ResultStatus.Conflict, result.Status);
        var message = Assert.Single(result.Errors);
        Assert.StartsWith(TimeErrors.BeforeLastEvent + ":", message, StringComparison.Ordinal);
        Assert.Contains("2016-05-20", message, StringComparison.Ordinal);
        Assert.Contains("2016-06-01", message, StringComparison.Ordinal);
        Assert.Single(s.Participant("B1").Tutorials);
    }

    [Fact]
    public void RecordAttendance_WhenTheEditionsLastEventIsLater_IsConflictNamingTheEdition()
    {
        var s = WithB1();
        s.ApplyFor(Application("B2"), At(2016, 3, 1));
        s.Admit("B2", At(2016, 3, 2));
        s.Do("B2", p => p.RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 20))));

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 19)));

        Assert.Equal([TimeErrors.BeforeLastEvent], result.Codes());
        Assert.Contains(s.Edition.Id.ToString() + ",", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Empty(s.Participant("B1").SessionsAttended);
    }

    [Fact]
    public void Replay_KeepsTheLastInstantOfBothAggregates()
    {
        var s = WithB1();
        s.Do("B1", p => p.RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 20))));

        Assert.Equal(At(2016, 5, 20), Edition.Replay(s.EditionEvents).LastRecordedAt);
        Assert.Equal(At(2016, 5, 20), Participant.Replay(s.EventsOf("B1")).LastRecordedAt);
    }

    // A fact is never dated after the command that records it.
    [Fact]
    public void RecordAttendance_WhenTheSessionIsAfterTheCommandsDate_IsInvalidNamingBothDates()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S2", Ctx(Tech, At(2016, 4, 23)));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("session.date", TimeErrors.DatedAfterCommand), (error.Identifier, error.ErrorCode));
        Assert.Contains("2016-05-03", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("2016-04-23", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, s.Edition.AttendanceAt("S2"));
    }

    [Fact]
    public void RecordAttendance_OnTheSessionsOwnDate_IsAccepted()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S2", Ctx(Tech, At(2016, 5, 3, 18)));

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void RecordTutorial_WhenDatedTomorrow_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 2), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 6, 1, 23)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("tutorial.date", TimeErrors.DatedAfterCommand), (error.Identifier, error.ErrorCode));
    }

    [Fact]
    public void RecordTrainingPill_WhenDatedAfterTheCommand_IsInvalid()
    {
        var s = WithB1();
        var role = s.Rulebook.On(s.Edition.RulesDate).Value.Commitment.PillAttendeeRoles[0];

        var result = s.Participant("B1").RecordTrainingPill(new TrainingPill("Strategic planning", new LocalDate(2016, 9, 20), role), Ctx(Tech, At(2016, 9, 19)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("pill.date", TimeErrors.DatedAfterCommand), (error.Identifier, error.ErrorCode));
        Assert.Empty(s.Participant("B1").Pills);
    }

    [Fact]
    public void SubmitClaim_WhenTheInvoiceIsDatedAfterTheSubmission_IsInvalid()
    {
        var s = WithB1();

        var result = s.Participant("B1").SubmitClaim(Claim("C1", 1000m, date: new LocalDate(2016, 10, 6)), s.Rulebook, Ctx(Rep("B1"), At(2016, 10, 5)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("invoiceDate", TimeErrors.DatedAfterCommand), (error.Identifier, error.ErrorCode));
        Assert.Empty(s.Participant("B1").Claims);
    }

    // A fact is never dated before what it depends on.
    [Fact]
    public void RecordAttendance_WhenTheSessionWasBeforeTheAdmission_IsInvalidNamingTheAdmission()
    {
        var s = Open().ScheduleSessions();
        s.ApplyFor(Application("B1"), At(2016, 3, 1));
        s.Admit("B1", At(2016, 5, 5));

        var result = s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 6)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("session.date", TimeErrors.DatedBeforeDependency), (error.Identifier, error.ErrorCode));
        Assert.Contains("2016-05-02", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("2016-05-05", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordTutorial_WhenDatedBeforeTheAdmission_IsInvalid()
    {
        var s = Open();
        s.ApplyFor(Application("B1"), At(2016, 3, 1));
        s.Admit("B1", At(2016, 4, 10));

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 4, 5), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, At(2016, 4, 12)));

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(("tutorial.date", TimeErrors.DatedBeforeDependency), (error.Identifier, error.ErrorCode));
    }

    // The edges of the calendar are input like any other.
    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(9999, 1, 1)]
    public void Open_WhenTheInstantIsPastTheSupportedCalendar_IsInvalidAndDoesNotThrow(int year, int month, int day)
    {
        var result = Edition.Open(Pimex.Rulebooks.Rulebook.Extremadura, 2016, Ctx(Manager, Instant.FromUtc(year, month, day, 23, 59, 59)));

        Assert.Equal([TimeErrors.OutsideCalendar], result.Codes());
    }

    [Fact]
    public void RecordTutorial_WhenTheInstantIsTheLastOfNodaTimesCalendar_IsInvalidAndDoesNotThrow()
    {
        var s = WithB1();

        var result = s.Participant("B1").RecordTutorial(new Tutorial("T1", new LocalDate(2016, 6, 1), VenueKind.CompanyPremises, "Diagnosis"), Ctx(Tech, Instant.MaxValue));

        Assert.Equal([TimeErrors.OutsideCalendar], result.Codes());
    }

    [Fact]
    public void DateIn_WhenTheInstantIsOutsideTheSupportedCalendar_Throws()
    {
        var context = Ctx(Manager, Instant.MinValue);

        Assert.False(context.IsInSupportedCalendar);
        Assert.Throws<InvalidOperationException>(() => context.DateIn(Pimex.Rulebooks.Rulebook.Extremadura.TimeZone));
    }

    [Fact]
    public void AtLocal_ReadsTheLocalTimeInTheRulebooksZone()
    {
        var context = CommandContext.AtLocal(Manager, new LocalDateTime(2016, 7, 1, 10, 0), Pimex.Rulebooks.Rulebook.Extremadura.TimeZone);

        Assert.Equal(Instant.FromUtc(2016, 7, 1, 8, 0), context.At);
        Assert.Equal(new LocalDate(2016, 7, 1), context.DateIn(Pimex.Rulebooks.Rulebook.Extremadura.TimeZone));
    }

    [Fact]
    public void RulebookAt_WhenGivenALocalDate_IsThatDateAtTheHourInTheRulebooksZone()
    {
        var rules = Pimex.Rulebooks.Rulebook.Extremadura;

        Assert.Equal(Instant.FromUtc(2016, 1, 10, 9, 0), rules.At(Manager, new LocalDate(2016, 1, 10)).At);
        Assert.Equal(Instant.FromUtc(2016, 7, 1, 6, 0), rules.At(Manager, new LocalDate(2016, 7, 1), hour: 8).At);
        Assert.Equal(CommandContext.AtLocal(Manager, new LocalDateTime(2016, 3, 27, 2, 30), rules.TimeZone), rules.At(Manager, new LocalDateTime(2016, 3, 27, 2, 30)));
    }

    // Every aggregate a command reads is checked for staleness.
    public static TheoryData<string> JointVerbs => ["attendance", "consultancy", "verification", "completion", "withdrawal", "exclusion"];

    [Theory]
    [MemberData(nameof(JointVerbs))]
    public void JointVerb_WhenGivenAnEditionOlderThanOneTheParticipantActedOn_IsConflictNamingBothVersions(string verb)
    {
        var s = WithB1();
        s.SubmitClaim("B1", Claim("C1", 1000m, date: new LocalDate(2016, 4, 20)));
        var stale = s.Edition;
        s.Do("B1", p => p.RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 10, 6))));
        var p = s.Participant("B1");
        var at = At(2016, 10, 7);

        var result = verb switch
        {
            "attendance" => p.RecordAttendance(stale, "S2", Ctx(Tech, at)),
            "consultancy" => p.RequestConsultancy(stale, 2m, "Pricing", s.Rulebook, Ctx(Rep("B1"), at)),
            "verification" => p.VerifyClaim(stale, "C1", ClaimVerification.ApproveInFull(), s.Rulebook, Ctx(Tech2, at)),
            "completion" => p.Complete(stale, Ctx(Tech, at)),
            "withdrawal" => p.Withdraw(stale, "Moving", Ctx(Rep("B1"), at)),
            _ => p.Exclude(stale, "No show", Ctx(Manager, at)),
        };

        Assert.Equal(ResultStatus.Conflict, result.Status);
        Assert.Equal([CommonErrors.StaleEdition], result.Codes());
        var message = Assert.Single(result.Errors);
        Assert.Contains($"version {stale.Version}", message, StringComparison.Ordinal);
        Assert.Contains($"version {p.EditionVersionSeen}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void JointVerb_WhenGivenTheNewestEdition_RecordsTheEditionVersionItWasComputedOn()
    {
        var s = WithB1();

        var change = Must(s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 20))));

        Assert.Equal(change.Edition.Aggregate.Version, change.Participant.Events[0].EditionVersion);
        Assert.Equal(change.Edition.Aggregate.Version, change.Participant.Aggregate.EditionVersionSeen);
    }

    [Fact]
    public void Admit_WhenCalledOnAStaleEdition_GivesAChangeWhoseExpectedVersionTheStoreRefuses()
    {
        var s = Open().ApplyFor(Application("B1")).ApplyFor(Application("B2"));
        var stale = s.Edition;
        s.Admit("B1");
        long stored = s.Edition.Version;

        var change = Must(stale.Admit(new CompanyId("B2"), s.Rulebook, Ctx(Manager, At(2016, 2, 2))));

        Assert.Equal(stale.Version, change.Edition.ExpectedVersion);
        Assert.NotEqual(stored, change.Edition.ExpectedVersion);
        Assert.Equal(0, change.Participant.ExpectedVersion);
    }

    [Fact]
    public void ExpectedVersion_IsTheVersionTheStreamWasAtBeforeTheChange()
    {
        var s = WithB1();
        long edition = s.Edition.Version;
        long participant = s.Participant("B1").Version;

        var change = Must(s.Participant("B1").RecordAttendance(s.Edition, "S1", Ctx(Tech, At(2016, 5, 20))));

        Assert.Equal(edition, change.Edition.ExpectedVersion);
        Assert.Equal(participant, change.Participant.ExpectedVersion);
        Assert.False(change.Edition.IsEmpty);
        Assert.Equal(0, Must(Edition.Open(Pimex.Rulebooks.Rulebook.Extremadura, 2016, Ctx(Manager, At(2016, 1, 10)))).ExpectedVersion);
    }

    [Fact]
    public void Replay_OfAStreamRecordedBeforeEditionVersionsWereKept_SeesNoEditionVersion()
    {
        var s = WithB1();
        var events = s.EventsOf("B1").Select(e => e with { EditionVersion = null }).ToList();

        var replayed = Participant.Replay(events);

        Assert.Equal(0, replayed.EditionVersionSeen);
        Assert.Equal(s.Participant("B1").Version, replayed.Version);
    }
}
