using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Editions;
using Pimex.Participation;

namespace Pimex.Tests.Reliability;

/// <summary>
/// The laws of time, over random command sequences at random instants with facts at random
/// dates (the runs of the model-based test, back-dated commands and calendar edges included),
/// checked on the domain's own events alone, without the reference model: whatever a command is
/// and whenever it says it happens, what the domain accepts is a history that can have happened.
/// </summary>
/// <remarks>
/// Environment: <c>PIMEX_TIME_LAW_RUNS</c> sets the number of sequences (100 by default).
/// </remarks>
public class TimeLaws
{
    [Fact]
    public void NoAcceptedCommand_RecordsAFactAfterItsOwnDate_OrBeforeWhatItDependsOn()
    {
        Prop.ForAll(ReliabilityArbitraries.Runs(), (ModelRun run) => Run(run, CheckFacts))
            .Check(ReliabilityRuns.Checking(ReliabilityRuns.TimeLawSequences));
    }

    [Fact]
    public void NoAcceptedCommand_MovesTheLastInstantOfTheEditionOrOfAnyParticipantBackwards()
    {
        Prop.ForAll(ReliabilityArbitraries.Runs(), (ModelRun run) => Run(run, CheckClocks))
            .Check(ReliabilityRuns.Checking(ReliabilityRuns.TimeLawSequences));
    }

    /// <summary>What one accepted command did: the state before, the instant, the new events.</summary>
    private sealed record Step(
        ModelCommand Command,
        Instant At,
        Edition EditionBefore,
        IReadOnlyDictionary<int, Participant> ParticipantsBefore,
        IReadOnlyList<EditionEvent> NewEditionEvents,
        IReadOnlyDictionary<int, IReadOnlyList<ParticipantEvent>> NewParticipantEvents);

    /// <summary>Runs the commands on the domain; checks each accepted one.</summary>
    private static void Run(ModelRun run, Action<DomainDriver, Step> check)
    {
        var driver = DomainDriver.Open(ModelRulebooks.All[run.Rulebook], run);
        for (int i = 0; i < run.Commands.Length; i++)
        {
            var command = run.Commands[i];
            var at = ModelTime.Resolve(command, stream => driver.LastOf(stream, command.Company));
            var editionBefore = driver.Edition;
            var participantsBefore = new Dictionary<int, Participant>(driver.Participants);
            var editionCount = driver.EditionEvents.Count;
            var participantCounts = driver.ParticipantEvents.ToDictionary(kv => kv.Key, kv => kv.Value.Count);
            if (driver.Execute(command, at) != Outcome.Ok)
            {
                // A refused command changes nothing.
                Assert.Same(editionBefore, driver.Edition);
                Assert.Equal(editionCount, driver.EditionEvents.Count);
                Assert.All(participantsBefore, kv => Assert.Same(kv.Value, driver.Participants[kv.Key]));
                Assert.Equal(participantsBefore.Count, driver.Participants.Count);
                continue;
            }

            var step = new Step(
                command,
                at,
                editionBefore,
                participantsBefore,
                [.. driver.EditionEvents.Skip(editionCount)],
                driver.ParticipantEvents.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ParticipantEvent>)[.. kv.Value.Skip(participantCounts.GetValueOrDefault(kv.Key))]));
            try
            {
                check(driver, step);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new InvalidOperationException($"step {i + 1}, {command} at {at}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>
    /// Every event of the command is recorded at its instant; the instant is in the calendar and
    /// not before the last event of the edition or of any participant the command changes (a
    /// joint command: not before the edition's even when the edition records nothing); and no
    /// aggregate's last instant goes back.
    /// </summary>
    private static void CheckClocks(DomainDriver driver, Step step)
    {
        Assert.True(ModelTime.InCalendar(step.At), $"accepted at {step.At}, outside the calendar");
        Assert.All(step.NewEditionEvents, e => Assert.Equal(step.At, e.RecordedAt));
        Assert.All(step.NewParticipantEvents.Values.SelectMany(e => e), e => Assert.Equal(step.At, e.RecordedAt));

        Assert.True(driver.Edition.LastRecordedAt >= step.EditionBefore.LastRecordedAt, $"the edition went back from {step.EditionBefore.LastRecordedAt} to {driver.Edition.LastRecordedAt}");
        if (step.NewEditionEvents.Count > 0)
        {
            Assert.True(step.At >= step.EditionBefore.LastRecordedAt, $"edition events at {step.At}, before its last event at {step.EditionBefore.LastRecordedAt}");
            Assert.Equal(step.At, driver.Edition.LastRecordedAt);
        }

        foreach (var (company, participant) in driver.Participants)
        {
            var events = step.NewParticipantEvents.GetValueOrDefault(company) ?? [];
            if (step.ParticipantsBefore.TryGetValue(company, out var before))
            {
                Assert.True(participant.LastRecordedAt >= before.LastRecordedAt, $"C{company} went back from {before.LastRecordedAt} to {participant.LastRecordedAt}");
                if (events.Count > 0)
                {
                    Assert.True(step.At >= before.LastRecordedAt, $"C{company}: events at {step.At}, before its last event at {before.LastRecordedAt}");
                }
            }

            if (events.Count > 0)
            {
                Assert.Equal(step.At, participant.LastRecordedAt);
            }

            if (events.Any(e => e.EditionVersion is not null))
            {
                // Recorded together with the edition: in time for the edition too.
                Assert.True(step.At >= step.EditionBefore.LastRecordedAt, $"C{company}: a joint change at {step.At}, before the edition's last event at {step.EditionBefore.LastRecordedAt}");
            }
        }
    }

    /// <summary>
    /// Each fact the command records is dated neither after the command's local date nor before
    /// what it depends on.
    /// </summary>
    private static void CheckFacts(DomainDriver driver, Step step)
    {
        var zone = driver.Rulebook.TimeZone;
        var today = step.At.InZone(zone).Date;
        foreach (var e in step.NewEditionEvents.OfType<ApplicationReceived>())
        {
            Assert.Equal(today, e.AppliedOn);
        }

        foreach (var (company, events) in step.NewParticipantEvents)
        {
            var stream = driver.ParticipantEvents[company];
            var earlier = stream.Take(stream.Count - events.Count).ToList();
            var participant = driver.Participants[company];
            var admittedOn = participant.Terms.AdmittedOn;
            foreach (var e in events)
            {
                switch (e)
                {
                    case ParticipantAdmitted a:
                        {
                            // Admission: on the command's date, not before the application (its
                            // instant and its date), not before the edition's rules take effect.
                            Assert.Equal(today, a.Terms.AdmittedOn);
                            var applied = driver.EditionEvents.OfType<ApplicationReceived>().Single(r => r.Application.Company == a.Participant.Company);
                            Assert.True(applied.RecordedAt <= step.At, $"admitted at {step.At}, before the application at {applied.RecordedAt}");
                            Assert.True(applied.AppliedOn <= a.Terms.AdmittedOn, $"admitted on {a.Terms.AdmittedOn}, before applying on {applied.AppliedOn}");
                            Assert.True(a.Terms.AdmittedOn >= driver.Edition.RulesDate, $"admitted on {a.Terms.AdmittedOn}, before the rules of {driver.Edition.RulesDate}");
                            break;
                        }

                    case SessionAttended s:
                        Assert.Equal(driver.Edition.Sessions[s.Session].Date, s.Date);
                        NotAfter(s.Date, today, "session " + s.Session);
                        NotBefore(s.Date, admittedOn, "session " + s.Session, "the admission");
                        break;
                    case TutorialHeld t:
                        NotAfter(t.Tutorial.Date, today, "tutorial " + t.Tutorial.Id);
                        NotBefore(t.Tutorial.Date, admittedOn, "tutorial " + t.Tutorial.Id, "the admission");
                        break;
                    case TrainingPillAttended p:
                        NotAfter(p.Pill.Date, today, "pill");
                        NotBefore(p.Pill.Date, admittedOn, "pill", "the admission");
                        break;
                    case ClaimSubmitted c:
                        NotAfter(c.Claim.InvoiceDate, today, "invoice " + c.Claim.InvoiceId);
                        break;
                    case ClaimVerified v:
                        {
                            // Verification: after the submission it verifies; the grant is dated
                            // on the command's date, on or after the invoice.
                            var submitted = earlier.OfType<ClaimSubmitted>().Single(c => c.Claim.Id == v.ClaimId);
                            Assert.True(submitted.RecordedAt <= step.At, $"claim {v.ClaimId} verified at {step.At}, before its submission at {submitted.RecordedAt}");
                            Assert.Equal(today, v.GrantedOn);
                            NotBefore(v.GrantedOn, submitted.RecordedAt.InZone(zone).Date, "grant of " + v.ClaimId, "the claim's submission");
                            NotBefore(v.GrantedOn, submitted.Claim.InvoiceDate, "grant of " + v.ClaimId, "the invoice");
                            break;
                        }

                    case SwotReviewed r:
                        {
                            var reviewed = earlier.OfType<SwotSubmitted>().Single(x => x.Version == r.Version);
                            Assert.True(reviewed.RecordedAt <= step.At, $"SWOT v{r.Version} reviewed at {step.At}, before its submission at {reviewed.RecordedAt}");
                            break;
                        }

                    case RoadmapReviewed r:
                        {
                            var reviewed = earlier.OfType<RoadmapSubmitted>().Single(x => x.Version == r.Version);
                            Assert.True(reviewed.RecordedAt <= step.At, $"roadmap v{r.Version} reviewed at {step.At}, before its submission at {reviewed.RecordedAt}");
                            break;
                        }

                    case ParticipationCompleted or ParticipantWithdrew or ParticipantExcluded:
                        // An exit closes every fact before it: none is dated or recorded after it.
                        Assert.All(earlier, x => Assert.True(x.RecordedAt <= step.At, $"{e.GetType().Name} at {step.At}, before {x.GetType().Name} at {x.RecordedAt}"));
                        Assert.All(FactDates(earlier), d => NotAfter(d.Date, today, d.What + " (closed by " + e.GetType().Name + ")"));
                        break;
                    case SurveyAnswered:
                        {
                            var completed = earlier.OfType<ParticipationCompleted>().SingleOrDefault();
                            Assert.True(completed is not null, "survey answered before completion");
                            Assert.True(completed.RecordedAt <= step.At, $"survey at {step.At}, before the completion at {completed.RecordedAt}");
                            break;
                        }
                }
            }
        }
    }

    private static IEnumerable<(string What, LocalDate Date)> FactDates(IEnumerable<ParticipantEvent> events)
    {
        foreach (var e in events)
        {
            switch (e)
            {
                case ParticipantAdmitted a:
                    yield return ("admission", a.Terms.AdmittedOn);
                    break;
                case SessionAttended s:
                    yield return ("session " + s.Session, s.Date);
                    break;
                case TutorialHeld t:
                    yield return ("tutorial " + t.Tutorial.Id, t.Tutorial.Date);
                    break;
                case TrainingPillAttended p:
                    yield return ("pill", p.Pill.Date);
                    break;
                case ClaimSubmitted c:
                    yield return ("invoice " + c.Claim.InvoiceId, c.Claim.InvoiceDate);
                    break;
                case ClaimVerified v:
                    yield return ("grant of " + v.ClaimId, v.GrantedOn);
                    break;
            }
        }
    }

    private static void NotAfter(LocalDate fact, LocalDate commandDate, string what) =>
        Assert.True(fact <= commandDate, $"{what} dated {fact:uuuu-MM-dd}, after the command's date {commandDate:uuuu-MM-dd}");

    private static void NotBefore(LocalDate fact, LocalDate dependency, string what, string dependsOn) =>
        Assert.True(fact >= dependency, $"{what} dated {fact:uuuu-MM-dd}, before {dependsOn} on {dependency:uuuu-MM-dd}");
}
