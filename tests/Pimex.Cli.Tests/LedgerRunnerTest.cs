using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

public class LedgerRunnerTest
{
    private static readonly LedgerOutcome Embedded = RunEmbedded();

    [Fact]
    public void Run_Embedded2016_AdmitsThirtyAndAllocatesTheBudgetOf88280()
    {
        var edition = Assert.IsType<Edition>(Embedded.Edition);

        Assert.Equal("extremadura-2016", edition.Id.ToString());
        Assert.Equal(30, Embedded.Participants.Count);
        Assert.Equal(30, edition.AdmittedCount);
        Assert.Equal(88_280m, edition.Budget.TotalAllocated.Amount);
        Assert.Equal([75_000m, 5_000m, 8_280m], edition.Budget.Lines.Select(l => l.Allocated.Amount));
        Assert.True(edition.Budget.Training.Spent.IsPositive);
        Assert.True(edition.Budget.Consultancy.Spent.IsPositive);
        Assert.All(edition.Budget.Lines, l => Assert.False(l.Available.IsNegative));
    }

    [Fact]
    public void Run_Embedded2016_RefusesExactlyTheCommandsItMeansToRefuse()
    {
        var refused = Embedded.Refused.Select(r => (r.Command, string.Join(",", r.Errors.Select(e => e.Code)))).ToList();

        Assert.Equal(
            [
                ("admit", "PIMEX-ADM-004"),
                ("admit", "PIMEX-ADM-005"),
                ("admit", "PIMEX-ADM-001,PIMEX-ADM-006"),
                ("recordAttendance", "PIMEX-TIME-002"),
                ("recordTutorial", "PIMEX-PART-004"),
                ("verifyClaim", "PIMEX-PROMO-008"),
                ("submitClaim", "PIMEX-PROMO-001"),
            ],
            refused);
        Assert.All(Embedded.Refused, r => Assert.True(r.Line > 0));
    }

    [Fact]
    public void Run_Embedded2016_HasClaimsOverTheCapPartialApprovalsAWithdrawalAndSurveysAroundEight()
    {
        var claims = Embedded.Participants.SelectMany(p => p.Claims.Values).Where(c => c.Verification is not null).ToList();
        var cap = Rulebook.Extremadura.On(new NodaTime.LocalDate(2016, 1, 15)).Value.Promotion.CapPerCompany;

        Assert.Contains(claims, c => c.Verification!.Decision.Reasons.HasFlag(NotSupportedReasons.Cap));
        Assert.True(claims.Count(c => c.Verification!.Verdict == ClaimVerdict.ApprovedInPart) >= 3);
        Assert.Contains(claims, c => c.Verification!.Verdict == ClaimVerdict.Rejected);
        Assert.True(Embedded.Participants.Count(p => p.ReachedCap) >= 3);
        Assert.All(Embedded.Participants, p => Assert.True(p.SupportGranted <= cap));

        var withdrawn = Assert.Single(Embedded.Participants, p => p.Status == ParticipantStatus.Withdrawn);
        Assert.True(withdrawn.ReservationLeft.IsZero);
        Assert.Contains(Embedded.EditionEvents, e => e is ReservationReleased r && r.Participant == withdrawn.Id && r.Amount == cap);

        var scores = Embedded.Participants.Where(p => p.Survey is not null).Select(p => p.Survey!.Overall).ToList();
        Assert.InRange(scores.Count, 20, 25);
        Assert.InRange(scores.Average(), 7.6, 8.4);
        Assert.InRange(Embedded.Participants.Count(p => p.Status == ParticipantStatus.Completed), 22, 28);
    }

    [Fact]
    public void Run_Embedded2016_KeepsEventStreamsThatReplayToTheSameState()
    {
        Assert.Equal(Embedded.Edition, Edition.Replay(Embedded.EditionEvents));
        Assert.All(Embedded.Participants, p => Assert.Equal(p, Participant.Replay(Embedded.ParticipantEvents[p.Id])));
    }

    [Fact]
    public void Run_WhenACommandIsRefused_ReportsItsLineAndCodeAndAppliesTheOthers()
    {
        var ledger = LedgerReader.Read(Fixtures.Ledger(
            Fixtures.Open(),
            Fixtures.Apply(),
            Fixtures.Admit(),
            Fixtures.Claim("C1", "F-1"),
            Fixtures.Claim("C2", "F-1"),
            Fixtures.Verify("C1"),
            Fixtures.Verify("C2")));

        var outcome = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);

        Assert.Equal(7, outcome.Commands);
        Assert.Equal(5, outcome.Applied);
        Assert.Equal([(5, PromotionErrors.DuplicateInvoice), (7, PromotionErrors.ClaimNotFound)], outcome.Refused.Select(r => (r.Line, r.Errors[0].Code)));
        Assert.StartsWith("line 5: PIMEX-PROMO-001 Invoice F-1", Assert.Single(outcome.Refused[0].Lines()), StringComparison.Ordinal);
        var participant = Assert.Single(outcome.Participants);
        Assert.Equal(1_200m, participant.SupportGranted.Amount);
        Assert.Single(participant.Claims);
    }

    [Fact]
    public void Run_WhenCommandsComeBeforeTheEditionOrForStrangers_RefusesThemWithLedgerCodes()
    {
        var ledger = LedgerReader.Read(Fixtures.Ledger(
            Fixtures.Apply().Replace("2016-02-01T10:00:00Z", "2016-01-05T10:00:00Z", StringComparison.Ordinal),
            Fixtures.Open(),
            Fixtures.Open(),
            Fixtures.Verify("C1")));

        var outcome = LedgerRunner.Run(Rulebook.Extremadura, ledger.Entries);

        Assert.Equal(
            [(1, LedgerErrors.NoEditionOpen), (3, LedgerErrors.EditionAlreadyOpen), (4, LedgerErrors.NotAParticipant)],
            outcome.Refused.Select(r => (r.Line, r.Errors[0].Code)));
        Assert.NotNull(outcome.Edition);
        Assert.Single(outcome.EditionEvents);
    }

    private static LedgerOutcome RunEmbedded()
    {
        var read = LedgerReader.Read(Tool.Ledger2016);
        Assert.True(read.IsSuccess);
        return LedgerRunner.Run(Rulebook.Extremadura, read.Entries);
    }
}
