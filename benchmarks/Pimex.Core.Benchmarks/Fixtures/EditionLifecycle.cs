using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>
/// A 2016 Extremadura edition driven through the domain's own verbs, to obtain realistic event
/// streams: each participant is admitted, gets a technician, attends the 3 group sessions, hosts
/// the 3 tutorials, attends a training pill, receives 4 hours of consultancy, has its SWOT
/// returned once then accepted, its roadmap accepted, submits 3 expense claims (the third capped),
/// completes and answers the survey: <see cref="EventsPerParticipant"/> events. Every step is
/// taken by all companies before the next, so that time moves forward in every stream.
/// </summary>
internal sealed class EditionLifecycle
{
    /// <summary>How many events each participant's stream holds.</summary>
    public const int EventsPerParticipant = 24;

    private static readonly Actor Manager = Actor.ProgrammeManager("mgr-1");
    private static readonly Actor Tech = Actor.Technician("tech-1");
    private static readonly Actor Verifier = Actor.Technician("tech-2");

    private readonly Rulebook rulebook = Rulebook.Extremadura;
    private readonly List<EditionEvent> editionEvents = [];
    private readonly List<ParticipantEvent[]> participantStreams = [];
    private Edition edition;

    private EditionLifecycle()
    {
        var opened = Must(Edition.Open(rulebook, 2016, new CommandContext(Manager, Eur.At(new LocalDate(2016, 1, 10)))));
        edition = opened.Aggregate;
        editionEvents.AddRange(opened.Events);
    }

    /// <summary>The edition after every participant completed.</summary>
    public Edition Edition => edition;

    /// <summary>The edition's stream.</summary>
    public IReadOnlyList<EditionEvent> EditionEvents => editionEvents;

    /// <summary>Each participant's stream.</summary>
    public IReadOnlyList<ParticipantEvent[]> ParticipantStreams => participantStreams;

    /// <summary>Runs an edition with <paramref name="participants"/> companies (at most the capacity, 30).</summary>
    /// <param name="participants">How many companies take part.</param>
    /// <returns>The edition and every stream.</returns>
    public static EditionLifecycle Run(int participants)
    {
        var run = new EditionLifecycle();
        for (int i = 1; i <= 3; i++)
        {
            run.Record(run.edition.ScheduleSession(new GroupSession("S" + i, new LocalDate(2016, 5, 1 + i), "Mérida", "Internationalisation " + i, 40), Ctx(Tech, 2016, 1, 15)));
        }

        var companies = Enumerable.Range(1, participants).Select(i => "B06" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        run.participantStreams.AddRange(run.TakePart(companies));
        return run;
    }

    /// <summary>
    /// A participant's stream rewritten for another company: the same facts, another id. Replaying
    /// copies is how large editions are built without a million commands.
    /// </summary>
    /// <param name="stream">A stream.</param>
    /// <param name="company">The other company.</param>
    /// <returns>The copied stream.</returns>
    public static ParticipantEvent[] For(ParticipantEvent[] stream, CompanyId company)
    {
        var id = new ParticipantId(stream[0].Participant.Edition, company);
        var copy = new ParticipantEvent[stream.Length];
        for (int i = 0; i < stream.Length; i++)
        {
            // The objects a report reads get their own copies, as a host that deserialises each
            // stream would have: no participant shares its terms or survey answer with another.
            copy[i] = stream[i] switch
            {
                ParticipantAdmitted a => a with { Participant = id, Terms = a.Terms with { Commitment = a.Terms.Commitment with { } } },
                SurveyAnswered s => s with { Participant = id, Answer = s.Answer with { } },
                var e => e with { Participant = id },
            };
        }

        return copy;
    }

    /// <summary>
    /// Takes every company through the programme step by step, all companies at each step, so
    /// that every command comes after the last event of the edition and of its participant.
    /// </summary>
    private List<ParticipantEvent[]> TakePart(List<string> companies)
    {
        var ids = companies.Select(c => new CompanyId(c)).ToList();
        var reps = ids.Select(id => Actor.CompanyRepresentative("rep-" + id.Value, id)).ToList();
        var events = ids.Select(_ => new List<ParticipantEvent>()).ToList();
        var participants = new Participant[ids.Count];
        var claims = new[]
        {
            Claim("C1", "tradeFair", 1_200m, new LocalDate(2016, 10, 3)),
            Claim("C2", "marketStudy", 900m, new LocalDate(2016, 10, 10)),
            Claim("C3", "promotionalMaterial", 650m, new LocalDate(2016, 11, 2)),
        };
        void Each(Func<int, Participant> step)
        {
            for (int i = 0; i < ids.Count; i++)
            {
                participants[i] = step(i);
            }
        }

        for (int i = 0; i < ids.Count; i++)
        {
            Record(edition.ReceiveApplication(Application(ids[i]), rulebook, new CommandContext(reps[i], Eur.At(new LocalDate(2016, 2, 1)))));
        }

        Each(i => Track(edition.Admit(ids[i], rulebook, Ctx(Manager, 2016, 3, 20)), events[i]));
        Each(i => Track(participants[i].AssignTechnician(Tech.Id, rulebook, Ctx(Manager, 2016, 3, 21)), events[i]));
        foreach (var session in new[] { "S1", "S2", "S3" })
        {
            Each(i => Track(participants[i].RecordAttendance(edition, session, Ctx(Tech, 2016, 6, 1)), events[i]));
        }

        Each(i =>
        {
            var p = participants[i];
            for (int t = 1; t <= 3; t++)
            {
                p = Track(p.RecordTutorial(new Tutorial("T" + t, new LocalDate(2016, 6, 2 + t), VenueKind.CompanyPremises, "Export diagnosis " + t), Ctx(Tech, 2016, 6, 2 + t)), events[i]);
            }

            return Track(p.RecordTrainingPill(new TrainingPill("Strategic planning for export", new LocalDate(2016, 6, 15), "management"), Ctx(Tech, 2016, 6, 15)), events[i]);
        });
        Each(i => Track(participants[i].RequestConsultancy(edition, 4m, "Pricing for the Portuguese market", rulebook, Ctx(reps[i], 2016, 6, 20)), events[i]));
        Each(i =>
        {
            var p = Track(participants[i].SubmitSwot(Swot("No export department"), Ctx(reps[i], 2016, 7, 1)), events[i]);
            p = Track(p.ReviewSwot(false, "Threats must name the competitors.", Ctx(Tech, 2016, 7, 4)), events[i]);
            p = Track(p.SubmitSwot(Swot("Portuguese distributors of Iberian ham"), Ctx(reps[i], 2016, 7, 8)), events[i]);
            p = Track(p.ReviewSwot(true, null, Ctx(Tech, 2016, 7, 11)), events[i]);
            p = Track(p.SubmitRoadmap(Roadmap(), Ctx(reps[i], 2016, 9, 1)), events[i]);
            p = Track(p.ReviewRoadmap(true, null, Ctx(Tech, 2016, 9, 5)), events[i]);
            foreach (var claim in claims)
            {
                p = Track(p.SubmitClaim(claim, rulebook, new CommandContext(reps[i], Eur.At(claim.InvoiceDate.PlusDays(2)))), events[i]);
            }

            return p;
        });
        // Verified once all three are in, a week apart.
        for (int c = 0; c < claims.Length; c++)
        {
            var claim = claims[c];
            var verifiedOn = new LocalDate(2016, 11, 10).PlusWeeks(c);
            Each(i => Track(participants[i].VerifyClaim(edition, claim.Id, ClaimVerification.ApproveInFull(), rulebook, new CommandContext(Verifier, Eur.At(verifiedOn))), events[i]));
        }

        Each(i => Track(participants[i].Complete(edition, Ctx(Tech, 2016, 12, 15)), events[i]));
        Each(i => Track(participants[i].AnswerSurvey(new SurveyAnswer(8, default), rulebook, Ctx(reps[i], 2016, 12, 20)), events[i]));
        if (events.Any(e => e.Count != EventsPerParticipant))
        {
            throw new InvalidOperationException($"The lifecycle made {events[0].Count} events per participant, not {EventsPerParticipant}.");
        }

        return [.. events.Select(e => e.ToArray())];
    }

    private static CompanyApplication Application(CompanyId company) => new(
        company,
        "ES43",
        new CompanyProfile(new EnterpriseFigures(20m, Eur.Of(3_000_000m), Eur.Of(2_000_000m)), default),
        new EquatableArray<AidReceived>([new AidReceived(Eur.Of(15_000m), new LocalDate(2015, 4, 1), "Junta de Extremadura")]));

    private static Swot Swot(string threat) => new(
        new EquatableArray<string>(["Iberian ham quality", "Family know-how since 1950"]),
        new EquatableArray<string>(["No export department"]),
        new EquatableArray<string>(["Growing demand in Portugal", "Gourmet retail in France"]),
        new EquatableArray<string>(["Currency risk outside the euro area", threat]));

    private static Roadmap Roadmap() => new(
        new DateInterval(new LocalDate(2016, 10, 1), new LocalDate(2018, 12, 31)),
        new EquatableArray<string>(["PT", "FR"]),
        new EquatableArray<string>(["First export sale in Portugal", "A French distributor"]),
        new EquatableArray<RoadmapAction>(
        [
            new RoadmapAction("Attend SISAB Lisbon", "PT", new LocalDate(2017, 2, 15)),
            new RoadmapAction("B2B agenda in Paris", "FR", new LocalDate(2017, 10, 10)),
        ]),
        new EquatableArray<string>(["Export share of turnover"]));

    private static ExpenseClaim Claim(string id, string category, decimal net, LocalDate date) =>
        new(id, "INV-" + id, "B11111111", date, category, "Promotion action " + id, Eur.Of(net), Eur.Of(0m), true);

    private static CommandContext Ctx(Actor actor, int year, int month, int day) => new(actor, Eur.At(new LocalDate(year, month, day)));

    private static T Must<T>(Result<T> result) =>
        result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException($"Expected success, got {result.Status}: " + string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}").Concat(result.Errors)));

    private void Record(Result<Changed<Edition, EditionEvent>> change)
    {
        var changed = Must(change);
        edition = changed.Aggregate;
        editionEvents.AddRange(changed.Events);
    }

    private Participant Track(Result<ParticipationChange> change, List<ParticipantEvent> events)
    {
        var changed = Must(change);
        Record(Result<Changed<Edition, EditionEvent>>.Success(changed.Edition));
        return Track(Result<Changed<Participant, ParticipantEvent>>.Success(changed.Participant), events);
    }

    private static Participant Track(Result<Changed<Participant, ParticipantEvent>> change, List<ParticipantEvent> events)
    {
        var changed = Must(change);
        events.AddRange(changed.Events);
        return changed.Aggregate;
    }
}
