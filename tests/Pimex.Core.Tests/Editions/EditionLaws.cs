using Ardalis.Result;
using FsCheck.Xunit;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Editions;

/// <summary>
/// Laws of the edition and its participants under random sequences of commands, many of them
/// refused: every budget line balances to the cent, capacity is never exceeded, support never
/// passes the cap, a refused command changes nothing, and replaying the events rebuilds the
/// same state.
/// </summary>
public class EditionLaws
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 1, 15)).Value;

    [Property(MaxTest = 60)]
    public void EveryLineBalancesAndEveryRuleHolds_AfterAnySequenceOfCommands(int[] steps)
    {
        var run = new RandomRun();
        for (int i = 0; i + 2 < steps.Length && i < 180; i += 3)
        {
            run.Step(steps[i], steps[i + 1], steps[i + 2]);
            run.CheckInvariants();
        }

        run.CheckReplay();
    }

    private sealed class RandomRun
    {
        private readonly Scenario s = Open().ScheduleSessions();
        private readonly List<string> applied = [];
        private int companies;

        private static uint U(int x) => unchecked((uint)x);

        public void Step(int op, int a, int b)
        {
            var admitted = s.Participants.Keys.Select(k => k.Value).OrderBy(k => k, StringComparer.Ordinal).ToList();
            string? Pick() => admitted.Count == 0 ? null : admitted[(int)(U(a) % (uint)admitted.Count)];
            var day = At(2016, 3 + (int)(U(b) % 9), 1 + (int)(U(a) % 28));
            switch (U(op) % 11)
            {
                case 0:
                    {
                        var id = "C" + companies++;
                        var staff = U(b) % 7 == 0 ? 300m : 5m + (U(b) % 200);
                        var region = U(a) % 9 == 0 ? "PT11" : "ES43";
                        var result = s.Edition.ReceiveApplication(Application(id, staff: staff, region: region), s.Rulebook, Ctx(Rep(id), AtDate(new LocalDate(2016, 1, 10).PlusDays((int)(U(a) % 70)))));
                        Expect(result, r => s.Track(r.Value));
                        if (result.IsSuccess)
                        {
                            applied.Add(id);
                        }

                        break;
                    }

                case 1 when applied.Count > 0:
                    {
                        var id = applied[(int)(U(a) % (uint)applied.Count)];
                        Expect(s.Edition.Admit(new CompanyId(id), s.Rulebook, Ctx(Manager, At(2016, 3, 20))), r => s.Track(r.Value));
                        break;
                    }

                case 2 when Pick() is { } c:
                    Expect(s.Participant(c).RecordAttendance(s.Edition, "S" + (1 + (U(b) % 4)), Ctx(Tech, day)), r => s.Track(r.Value));
                    break;
                case 3 when Pick() is { } c:
                    Expect(s.Participant(c).RecordTutorial(new Tutorial("T" + (U(b) % 5), day.InZone(s.Rulebook.TimeZone).Date, (VenueKind)(U(b) % 3), "Work"), Ctx(Tech, day)), r => s.Track(r.Value));
                    break;
                case 4 when Pick() is { } c:
                    Expect(s.Participant(c).SubmitClaim(Claim("K" + (U(a) % 6), 1m + (U(b) % 400_000) / 100m, invoice: "I" + (U(b) % 8)), s.Rulebook, Ctx(Rep(c), day)), r => s.Track(r.Value));
                    break;
                case 5 when Pick() is { } c:
                    {
                        var claimId = "K" + (U(b) % 6);
                        var verification = (U(b) / 6 % 3) switch
                        {
                            0 => ClaimVerification.ApproveInFull(),
                            1 => ClaimVerification.ApproveInPart(Eur(1m + (U(a) % 200_000) / 100m), "Partly eligible"),
                            _ => ClaimVerification.Reject("Not a promotion expense"),
                        };
                        Expect(s.Participant(c).VerifyClaim(s.Edition, claimId, verification, s.Rulebook, Ctx(Tech2, day)), r => s.Track(r.Value));
                        break;
                    }

                case 6 when Pick() is { } c:
                    Expect(s.Participant(c).Withdraw(s.Edition, "Changed plans", Ctx(Rep(c), day)), r => s.Track(r.Value));
                    break;
                case 7 when Pick() is { } c:
                    Expect(s.Participant(c).RequestConsultancy(s.Edition, (U(b) % 80) / 2m, "Advice", s.Rulebook, Ctx(Rep(c), day)), r => s.Track(r.Value));
                    break;
                case 8 when Pick() is { } c:
                    Expect(s.Participant(c).Exclude(s.Edition, "No show", Ctx(U(b) % 2 == 0 ? Manager : Tech, day)), r => s.Track(r.Value));
                    break;
                case 9 when Pick() is { } c:
                    if (!s.Participant(c).Swot.IsAccepted)
                    {
                        Expect(s.Participant(c).SubmitSwot(FullSwot(), Ctx(Rep(c), day)), r => s.Track(r.Value));
                        Expect(s.Participant(c).ReviewSwot(U(b) % 4 != 0, "Be more specific", Ctx(Tech, day)), r => s.Track(r.Value));
                    }
                    else
                    {
                        Expect(s.Participant(c).SubmitRoadmap(ValidRoadmap(), Ctx(Rep(c), day)), r => s.Track(r.Value));
                        Expect(s.Participant(c).ReviewRoadmap(U(b) % 4 != 0, "Add indicators", Ctx(Tech, day)), r => s.Track(r.Value));
                    }

                    break;
                case 10 when Pick() is { } c:
                    {
                        var p = s.Participant(c);
                        bool ready = !p.IsFinal && p.MissingForCompletion().Count == 0;
                        var result = p.Complete(s.Edition, Ctx(Tech, day));
                        Assert.Equal(ready, result.IsSuccess);
                        Expect(result, r => s.Track(r.Value));
                        break;
                    }

                default:
                    break;
            }
        }

        public void CheckInvariants()
        {
            var ledger = s.Edition.Budget;
            foreach (var line in ledger.Lines)
            {
                Assert.False(line.Available.IsNegative, $"{line.Line} available below zero");
                Assert.False(line.Reserved.IsNegative, $"{line.Line} reserved below zero");
                Assert.False(line.Spent.IsNegative, $"{line.Line} spent below zero");
                Assert.Equal(line.Allocated, line.Available + line.Reserved + line.Spent);
            }

            var participants = s.Participants.Values.ToList();
            var zero = Money.Zero(Currency.EUR);
            Assert.Equal(participants.Aggregate(zero, (sum, p) => sum + p.ReservationLeft), ledger.Actions.Reserved);
            Assert.Equal(participants.Aggregate(zero, (sum, p) => sum + p.SupportGranted), ledger.Actions.Spent);
            Assert.Equal(participants.Aggregate(zero, (sum, p) => sum + p.ConsultancyCost), ledger.Consultancy.Spent);
            Assert.True(s.Edition.AdmittedCount <= s.Edition.Annuity.Capacity);
            Assert.All(participants, p => Assert.True(p.SupportGranted <= Rules2016.Promotion.CapPerCompany));
            Assert.All(participants, p => Assert.All(p.Claims.Values.Where(c => c.Verification is not null), c =>
                Assert.Equal(c.Verification!.Decision.Approved, c.Verification.Decision.Granted + c.Verification.Decision.NotSupported)));
        }

        public void CheckReplay()
        {
            Assert.Equal(s.Edition, Edition.Replay(s.EditionEvents));
            foreach (var company in s.Participants.Keys)
            {
                Assert.Equal(s.Participants[company], Participant.Replay(s.EventsOf(company.Value)));
            }
        }

        /// <summary>Tracks a success; for a refusal, checks that it carries no change.</summary>
        private static void Expect<T>(Result<T> result, Action<Result<T>> onSuccess)
            where T : class
        {
            if (result.IsSuccess)
            {
                onSuccess(result);
            }
            else
            {
                Assert.Null(result.Value);
                Assert.NotEmpty(result.Codes());
            }
        }
    }
}
