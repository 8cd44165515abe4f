using Ardalis.Result;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Tests.Support;

namespace Pimex.Tests.Reliability;

/// <summary>
/// Model-based test: random sequences of commands (apply, admit, attend, tutorial, pill, SWOT,
/// roadmap, claim, verify, consultancy, withdraw, exclude, survey, complete, training spend) at
/// random instants, with facts at random dates, run against the domain and against
/// <see cref="ReferenceModel"/>. After every step the domain accepted or refused exactly as the
/// model predicted, with the same codes; every balance agrees to the cent, and so do the last
/// instant of every stream and the edition version each participant has seen; and the
/// invariants hold on their own (lines balance, caps, capacity, seats, no reservation or spend
/// counted twice). At the end, replaying the stored events rebuilds the same edition and
/// participants.
/// </summary>
/// <remarks>
/// Environment: <c>PIMEX_MODEL_RUNS</c> sets the number of sequences (150 by default; the
/// dedicated run in <c>docs/reliability.md</c> uses more).
/// </remarks>
public class ModelBasedTest
{
    [Fact]
    public void DomainAgreesWithTheReferenceModel_AndEveryInvariantHolds_AfterEveryCommand()
    {
        Prop.ForAll(ReliabilityArbitraries.Runs(), (ModelRun run) => Check(run))
            .Check(ReliabilityRuns.Checking(ReliabilityRuns.ModelSequences));
    }

    [Fact]
    public void TheGeneratorReachesEveryKindOfOutcome()
    {
        // A model-based test is only as good as the states it reaches: a fixed sample of runs
        // must admit up to each limit, grant support, exhaust lines and complete participants,
        // and send commands back in time, at the calendar's edges and with facts out of order.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in ReliabilityArbitraries.Runs().Generator.Sample(1000, new Rnd(20161UL, 0x9E3779B97F4A7C15UL), 60))
        {
            var rulebook = ModelRulebooks.All[run.Rulebook];
            var model = new ReferenceModel(rulebook, rulebook.Annuity(2016).Value, run);
            foreach (var command in run.Commands)
            {
                var at = ModelTime.Resolve(command, stream => model.LastOf(stream, command.Company));
                var lastOfParticipant = model.LastOf(LastEventOf.Participant, command.Company);
                var lastOfEdition = model.EditionLast;
                var outcome = model.Predict(command, at);
                foreach (var code in outcome.Codes.Split(','))
                {
                    var key = command.GetType().Name + ":" + outcome.Status + ":" + code;
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }

                if (model.BackInTimeOf is { } whose)
                {
                    counts["BackInTimeOf:" + whose] = counts.GetValueOrDefault("BackInTimeOf:" + whose) + 1;
                }

                if (outcome == Outcome.Ok && (at == lastOfParticipant || at == lastOfEdition))
                {
                    counts["Ok:AtTheLastEvent"] = counts.GetValueOrDefault("Ok:AtTheLastEvent") + 1;
                }

                if (outcome == Outcome.Ok && at > ModelTime.FutureEdges[0] - Duration.FromDays(1))
                {
                    counts["Ok:InYear9998"] = counts.GetValueOrDefault("Ok:InYear9998") + 1;
                }
            }
        }

        string[] expected =
        [
            "Admit:Ok:", "Admit:Invalid:PIMEX-ADM-001", "Admit:Invalid:PIMEX-ADM-002", "Admit:Invalid:PIMEX-ADM-004",
            "Admit:Invalid:PIMEX-ADM-005", "Admit:Invalid:PIMEX-ADM-006", "Admit:Conflict:PIMEX-VER-001", "Apply:Conflict:PIMEX-ADM-007",
            "Attend:Invalid:PIMEX-PART-022", "SubmitClaim:Conflict:PIMEX-PROMO-001", "VerifyClaim:Ok:", "VerifyClaim:Forbidden:PIMEX-PROMO-007",
            "RequestConsultancy:Invalid:PIMEX-PART-017", "RequestConsultancy:Invalid:PIMEX-PART-026", "RequestConsultancy:Ok:", "SpendOnTraining:Invalid:PIMEX-ED-005", "Complete:Ok:", "Withdraw:Ok:", "Exclude:Ok:", "AnswerSurvey:Ok:",
            "RecordPill:Ok:", "Complete:Invalid:PIMEX-PART-014",

            // Time: back-dated commands (by the participant's or the edition's last event), at
            // the calendar's edges, facts after their command or before the admission, an
            // admission without rules, a survey before completion, stale editions.
            "BackInTimeOf:participant", "BackInTimeOf:edition", "Ok:AtTheLastEvent", "Ok:InYear9998",
            "Apply:Conflict:PIMEX-TIME-001", "Admit:Conflict:PIMEX-TIME-001", "Attend:Conflict:PIMEX-TIME-001", "HoldTutorial:Conflict:PIMEX-TIME-001",
            "SubmitClaim:Conflict:PIMEX-TIME-001", "VerifyClaim:Conflict:PIMEX-TIME-001", "RequestConsultancy:Conflict:PIMEX-TIME-001", "Complete:Conflict:PIMEX-TIME-001",
            "Apply:Invalid:PIMEX-TIME-005", "Attend:Invalid:PIMEX-TIME-005", "HoldTutorial:Invalid:PIMEX-TIME-005", "VerifyClaim:Invalid:PIMEX-TIME-005",
            "Attend:Invalid:PIMEX-TIME-002", "Attend:Invalid:PIMEX-TIME-003", "HoldTutorial:Invalid:PIMEX-TIME-002", "HoldTutorial:Invalid:PIMEX-TIME-003",
            "RecordPill:Invalid:PIMEX-TIME-002", "RecordPill:Invalid:PIMEX-TIME-003", "SubmitClaim:Invalid:PIMEX-TIME-002", "HoldTutorial:Invalid:PIMEX-PART-003",
            "Admit:Invalid:PIMEX-TIME-004", "AnswerSurvey:Conflict:PIMEX-TIME-006",
            "Attend:Conflict:PIMEX-VER-002", "VerifyClaim:Conflict:PIMEX-VER-002", "Complete:Conflict:PIMEX-VER-002", "Withdraw:Conflict:PIMEX-VER-002",
            "Attend:Invalid:PIMEX-ED-006",
        ];
        var reached = string.Join("\n", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} x{kv.Value}"));
        Assert.All(expected, e => Assert.True(counts.ContainsKey(e), $"{e} not reached; reached:\n" + reached));
    }

    private static void Check(ModelRun run)
    {
        var rulebook = ModelRulebooks.All[run.Rulebook];
        var driver = DomainDriver.Open(rulebook, run);
        var model = new ReferenceModel(rulebook, driver.Edition.Annuity, run);
        for (int i = 0; i < run.Commands.Length; i++)
        {
            var command = run.Commands[i];
            var at = ModelTime.Resolve(command, stream => model.LastOf(stream, command.Company));
            var predicted = model.Predict(command, at);
            var actual = driver.Execute(command, at);
            Assert.True(predicted == actual, $"step {i + 1}, {command} at {at}: the model predicted {predicted}, the domain answered {actual}");
            foreach (var code in actual.Codes.Split(',').Where(c => c.StartsWith("PIMEX-", StringComparison.Ordinal)))
            {
                Assert.True(ErrorCodes.StatusOf(code) == actual.Status, $"step {i + 1}, {command}: {code} came with {actual.Status}; it declares {ErrorCodes.StatusOf(code)}");
            }

            try
            {
                CompareWithModel(driver, model);
                CheckInvariants(driver, model);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"after step {i + 1}, {command} at {at}: {ex.Message}", ex);
            }
        }

        Assert.Equal(driver.Edition, Edition.Replay(driver.EditionEvents));
        foreach (var (company, participant) in driver.Participants)
        {
            Assert.Equal(participant, Participant.Replay(driver.ParticipantEvents[company]));
        }
    }

    private static void CompareWithModel(DomainDriver driver, ReferenceModel model)
    {
        var edition = driver.Edition;
        Assert.Equal(model.EditionVersion, edition.Version);
        Assert.Equal(model.EditionLast, edition.LastRecordedAt);
        Assert.Equal(model.EditionVersion, driver.EditionEvents.Count);
        foreach (var line in Enum.GetValues<BudgetLine>())
        {
            var balance = edition.Budget[line];
            Assert.Equal((line, model.Allocated[line], model.Reserved[line], model.Spent[line]), (line, Cents(balance.Allocated), Cents(balance.Reserved), Cents(balance.Spent)));
        }

        Assert.Equal(model.ReleasedCents, Cents(edition.Budget.Actions.Released));
        Assert.Equal(model.Participants.Count, edition.AdmittedCount);
        Assert.Equal(model.Applications.Keys.Order(), driver.Edition.Applications.Keys.Select(k => int.Parse(k.Value[1..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        for (int s = 1; s < ReferenceModel.SessionSeats.Length; s++)
        {
            Assert.Equal(model.Attendance[s], edition.AttendanceAt("S" + s));
        }

        Assert.Equal(model.Participants.Keys.Order(), driver.Participants.Keys.Order());
        foreach (var (company, expected) in model.Participants)
        {
            var p = driver.Participants[company];
            Assert.Equal(
                (company, expected.Version, expected.Status, expected.GrantedCents, expected.ReservationLeft, expected.ConsultancyCents),
                (company, p.Version, p.Status, Cents(p.SupportGranted), Cents(p.ReservationLeft), Cents(p.ConsultancyCost)));
            Assert.Equal(expected.Version, driver.ParticipantEvents[company].Count);
            Assert.Equal((company, expected.Last, expected.EditionSeen, expected.Pills), (company, p.LastRecordedAt, p.EditionVersionSeen, p.Pills.Count));
            Assert.Equal((expected.Sessions.Count, expected.Tutorials.Count, expected.Swot, expected.Roadmap, expected.Surveyed), (p.SessionsAttended.Count, p.Tutorials.Count, p.Swot.Status, p.Roadmap.Status, p.Survey is not null));
            Assert.Equal(expected.Claims.Count, p.Claims.Count);
            foreach (var (claim, k) in expected.Claims)
            {
                var record = p.Claims["K" + claim];
                Assert.Equal(k.Verified, record.Verification is not null);
                if (record.Verification is { } v)
                {
                    Assert.Equal((k.ApprovedCents, k.GrantedCents), (Cents(v.Decision.Approved), Cents(v.Decision.Granted)));
                }
            }
        }
    }

    /// <summary>The invariants, checked on the domain alone: what must hold whatever the model says.</summary>
    private static void CheckInvariants(DomainDriver driver, ReferenceModel model)
    {
        var edition = driver.Edition;
        var ledger = edition.Budget;
        foreach (var line in ledger.Lines)
        {
            Assert.False(line.Available.IsNegative, $"{line.Line}: available below zero");
            Assert.False(line.Reserved.IsNegative, $"{line.Line}: reserved below zero");
            Assert.False(line.Spent.IsNegative, $"{line.Line}: spent below zero");
            Assert.Equal(line.Allocated, line.Available + line.Reserved + line.Spent);
        }

        Assert.Equal(edition.Annuity.Budget.Total, ledger.TotalAllocated);
        Assert.True(edition.AdmittedCount <= edition.Annuity.Capacity, "more participants than seats");
        foreach (var (id, session) in edition.Sessions)
        {
            Assert.True(edition.AttendanceAt(id) <= session.Capacity, $"session {id} over capacity");
        }

        var participants = driver.Participants.Values.ToList();
        var zero = Money.Zero(Currency.EUR);
        var cap = driver.Rules.Promotion.CapPerCompany;
        Assert.Equal(participants.Aggregate(zero, (sum, p) => sum + p.ReservationLeft), ledger.Actions.Reserved);
        Assert.Equal(participants.Aggregate(zero, (sum, p) => sum + p.SupportGranted), ledger.Actions.Spent);
        Assert.Equal(participants.Aggregate(zero, (sum, p) => sum + p.ConsultancyCost), ledger.Consultancy.Spent);
        Assert.Equal(cap.Multiply(participants.Count), ledger.Actions.Reserved + ledger.Actions.Spent + ledger.Actions.Released);
        foreach (var p in participants)
        {
            Assert.True(p.SupportGranted <= cap, $"{p.Id} granted {p.SupportGranted}, over the cap {cap}");
            Assert.False(p.ReservationLeft.IsNegative, $"{p.Id}: reservation below zero");
            Assert.Equal(p.ReservationLeft, edition.ReservationOf(p.Id));
            Assert.Equal(p.Terms.Cap, p.SupportGranted + p.ReservationLeft + (p.IsFinal ? p.Terms.Cap - p.SupportGranted : zero));
            var granted = zero;
            foreach (var record in p.Claims.Values)
            {
                if (record.Verification is { Decision: var d })
                {
                    Assert.Equal(d.Approved, d.Granted + d.NotSupported);
                    Assert.False(d.Granted.IsNegative);
                    granted += d.Granted;
                }
            }

            Assert.Equal(p.SupportGranted, granted);
        }

        Assert.Equal(model.CapCents * participants.Count, model.Reserved[BudgetLine.Actions] + model.Spent[BudgetLine.Actions] + model.ReleasedCents);
    }

    private static long Cents(Money money) => money.MinorUnits;
}
