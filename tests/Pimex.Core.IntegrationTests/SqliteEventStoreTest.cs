using Ardalis.Result;
using Microsoft.Data.Sqlite;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.IntegrationTests.EventStore;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using static Pimex.IntegrationTests.EventStore.Host;

namespace Pimex.IntegrationTests;

/// <summary>
/// The event streams of a realistic 2016 edition in a real SQLite file: appended with the
/// expected-version check, read back after the file is closed and reopened, and replayed into
/// the same edition and participants; two writers at the same version: one wins, the other
/// gets a conflict.
/// </summary>
public sealed class SqliteEventStoreTest : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("pimex-store-").FullName;

    private string DatabasePath => Path.Combine(directory, "events.db");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void ARealisticEdition_RebuildsTheSameStateAfterTheDatabaseIsReopened()
    {
        Host host;
        using (var store = new SqliteEventStore(DatabasePath))
        {
            host = new Host(store, Rulebook.Extremadura);
            RunRealisticEdition(host);
        }

        using (var reopened = new SqliteEventStore(DatabasePath))
        {
            var edition = Edition.Replay(reopened.Read<EditionEvent>(host.Edition.Id.ToString()));
            Assert.Equal(host.Edition, edition);
            Assert.Equal(edition.Version, reopened.VersionOf(edition.Id.ToString()));
            foreach (var (company, expected) in host.Participants)
            {
                var participant = Participant.Replay(reopened.Read<ParticipantEvent>(expected.Id.ToString()));
                Assert.Equal(expected, participant);
                Assert.Equal(participant.Version, reopened.VersionOf(expected.Id.ToString()));
            }

            Assert.Equal(host.Edition.Version + host.Participants.Values.Sum(p => p.Version), reopened.Count());

            // The figures that matter, to the cent, from the rebuilt state.
            Assert.Equal(Eur(4900m), edition.Budget.Actions.Spent);
            Assert.Equal(Eur(0m), edition.Budget.Actions.Reserved);
            Assert.Equal(Eur(5100m), edition.Budget.Actions.Released);
            Assert.Equal(Eur(414m), edition.Budget.Consultancy.Spent);
            Assert.Equal(Eur(1200m), edition.Budget.Training.Spent);
        }
    }

    [Fact]
    public void EveryEventType_RoundTripsThroughTheSerializer_InTheRealisticEdition()
    {
        using var store = new SqliteEventStore(DatabasePath);
        var host = new Host(store, Rulebook.Extremadura);
        RunRealisticEdition(host);

        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stream in new[] { host.Edition.Id.ToString() })
        {
            types.UnionWith(store.Read<EditionEvent>(stream).Select(e => e.GetType().Name));
        }

        foreach (var p in host.Participants.Values)
        {
            types.UnionWith(store.Read<ParticipantEvent>(p.Id.ToString()).Select(e => e.GetType().Name));
        }

        Assert.Equal(PimexJson.EventTypes.Keys.Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TwoWritersAtTheSameVersion_OneWins_TheOtherGetsConflict_AndNothingOfItIsStored()
    {
        using (var setup = new SqliteEventStore(DatabasePath))
        {
            var host = new Host(setup, Rulebook.Extremadura);
            host.Open(2016);
            host.OnEdition(e => e.ReceiveApplication(Application("B1"), host.Rulebook, Ctx(Rep("B1"), 2, 1)));
            host.Admit("B1", At(3, 20));
        }

        using var first = new SqliteEventStore(DatabasePath);
        using var second = new SqliteEventStore(DatabasePath);
        var editionStream = new EditionId("extremadura", 2016).ToString();
        var participantStream = new ParticipantId(new EditionId("extremadura", 2016), new CompanyId("B1")).ToString();

        // Both writers load the same versions and decide: each request alone fits the line.
        (Edition Edition, Participant Participant) Load(SqliteEventStore s) =>
            (Edition.Replay(s.Read<EditionEvent>(editionStream)), Participant.Replay(s.Read<ParticipantEvent>(participantStream)));
        var a = Load(first);
        var b = Load(second);
        var requestA = a.Participant.RequestConsultancy(a.Edition, 100m, "Pricing", Rulebook.Extremadura, Ctx(Tech, 6, 1).Expecting(a.Participant.Version));
        var requestB = b.Participant.RequestConsultancy(b.Edition, 100m, "Logistics", Rulebook.Extremadura, Ctx(Tech2, 6, 1).Expecting(b.Participant.Version));
        Assert.True(requestA.IsSuccess && requestB.IsSuccess);

        var wonA = first.Append(Appends(requestA.Value));
        var wonB = second.Append(Appends(requestB.Value));

        Assert.True(wonA.IsSuccess);
        Assert.Equal(ResultStatus.Conflict, wonB.Status);
        Assert.Equal([CommonErrors.VersionMismatch], wonB.Codes());
        var after = Load(second);
        Assert.Equal(Eur(6900m), after.Edition.Budget.Consultancy.Spent);
        Assert.Equal(a.Edition.Version + 1, after.Edition.Version);
        Assert.Equal(a.Participant.Version + 1, after.Participant.Version);

        // The loser reloads and retries: now the line cannot pay for it, and the domain says so.
        var retry = after.Participant.RequestConsultancy(after.Edition, 100m, "Logistics", Rulebook.Extremadura, Ctx(Tech2, 6, 1).Expecting(after.Participant.Version));
        Assert.Equal(ResultStatus.Invalid, retry.Status);
        Assert.Equal([ParticipationErrors.ConsultancyLineExhausted], retry.Codes());
    }

    [Fact]
    public void WritersRacingOnSeparateConnections_ExactlyOneAppendsAtEachVersion()
    {
        using (var setup = new SqliteEventStore(DatabasePath))
        {
            var host = new Host(setup, Rulebook.Extremadura);
            host.Open(2016);
        }

        var stream = new EditionId("extremadura", 2016).ToString();
        for (int round = 0; round < 10; round++)
        {
            using var start = new Barrier(2);
            var results = new Result[2];
            var threads = Enumerable.Range(0, 2).Select(w => new Thread(() =>
            {
                using var store = new SqliteEventStore(DatabasePath);
                var edition = Edition.Replay(store.Read<EditionEvent>(stream));
                var spend = edition.RecordExpense(BudgetLine.Training, Eur(10m), $"Round {round}, writer {w}", Ctx(Manager, 5, 1).Expecting(edition.Version));
                start.SignalAndWait();
                results[w] = store.Append(new StreamAppend(stream, edition.Version, [.. spend.Value.Events]));
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Equal(1, results.Count(r => r.IsSuccess));
            Assert.Equal(1, results.Count(r => r.Status == ResultStatus.Conflict));
        }

        using var check = new SqliteEventStore(DatabasePath);
        var rebuilt = Edition.Replay(check.Read<EditionEvent>(stream));
        Assert.Equal(Eur(100m), rebuilt.Budget.Training.Spent);
        Assert.Equal(1 + 10, rebuilt.Version);
    }

    [Fact]
    public void TheUniqueKey_RefusesASecondEventAtTheSameVersion_EvenWithoutTheCheck()
    {
        using var store = new SqliteEventStore(DatabasePath);
        store.InsertRaw("extremadura-2016", 1);

        var ex = Assert.Throws<SqliteException>(() => store.InsertRaw("extremadura-2016", 1));
        Assert.Equal(19, ex.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    /// <summary>Both streams of a joint change, each expecting the version the change was computed on.</summary>
    private static StreamAppend[] Appends(ParticipationChange change) =>
    [
        new StreamAppend(change.Edition.Aggregate.Id.ToString(), change.Edition.ExpectedVersion, [.. change.Edition.Events]),
        new StreamAppend(change.Participant.Aggregate.Id.ToString(), change.Participant.ExpectedVersion, [.. change.Participant.Events]),
    ];

    /// <summary>
    /// Four companies in the 2016 edition, in time order: B1 completes (training, pill, SWOT
    /// returned then accepted, roadmap, two claims, consultancy, survey), B2 reaches the cap then
    /// withdraws, B3's claim is rejected and it withdraws, B4 is excluded; the training line pays
    /// a trainer.
    /// </summary>
    internal static void RunRealisticEdition(Host host)
    {
        var rules = host.Rulebook;
        host.Open(2016);
        foreach (var company in new[] { "B1", "B2", "B3", "B4" })
        {
            host.OnEdition(e => e.ReceiveApplication(Application(company), rules, Ctx(Rep(company), 2, 1)));
        }

        foreach (var company in new[] { "B1", "B2", "B3", "B4" })
        {
            host.Admit(company, At(3, 20));
        }

        host.On("B1", p => p.AssignTechnician("tech-1", rules, Ctx(Manager, 3, 21)));
        for (int i = 1; i <= 3; i++)
        {
            var session = new GroupSession("S" + i, new LocalDate(2016, 4 + i, 10), "Mérida", "Session " + i, 40);
            host.OnEdition(e => e.ScheduleSession(session, Ctx(Tech, 3, 25)));
        }

        host.OnEdition(e => e.RecordExpense(BudgetLine.Training, Eur(1200m), "Trainer fees, sessions 1 to 3", Ctx(Manager, 5, 2)));
        host.OnBoth("B2", (p, e) => p.RecordAttendance(e, "S1", Ctx(Tech, 5, 10)));
        for (int i = 1; i <= 3; i++)
        {
            var tutorial = new Tutorial("T" + i, new LocalDate(2016, 6, i), VenueKind.CompanyPremises, "Export diagnosis");
            host.On("B1", p => p.RecordTutorial(tutorial, Ctx(Tech, 6, 5)));
        }

        host.OnBoth("B1", (p, e) => p.RequestConsultancy(e, 4m, "Pricing for Portugal", rules, Ctx(Rep("B1"), 6, 10)));
        host.OnBoth("B2", (p, e) => p.RequestConsultancy(e, 2m, "Trade fair choice", rules, Ctx(Rep("B2"), 6, 12)));
        host.On("B1", p => p.RecordTrainingPill(new TrainingPill("Strategic planning", new LocalDate(2016, 6, 20), "management"), Ctx(Tech, 6, 20)));
        var swot = new Swot(new EquatableArray<string>(["Quality"]), new EquatableArray<string>(["No export team"]), new EquatableArray<string>(["Portugal"]), new EquatableArray<string>(["Currency risk"]));
        host.On("B1", p => p.SubmitSwot(swot, Ctx(Rep("B1"), 7, 1)));
        host.On("B1", p => p.ReviewSwot(false, "Be more specific about Portugal", Ctx(Tech, 7, 2)));
        host.On("B1", p => p.SubmitSwot(swot with { Opportunities = new EquatableArray<string>(["Lisbon food retail"]) }, Ctx(Rep("B1"), 7, 5)));
        host.On("B1", p => p.ReviewSwot(true, null, Ctx(Tech, 7, 6)));
        foreach (var session in new[] { "S1", "S2", "S3" })
        {
            host.OnBoth("B1", (p, e) => p.RecordAttendance(e, session, Ctx(Tech, 7, 11)));
        }

        var roadmap = new Roadmap(
            new DateInterval(new LocalDate(2016, 10, 1), new LocalDate(2018, 12, 31)),
            new EquatableArray<string>(["PT", "FR"]),
            new EquatableArray<string>(["First export sale in Portugal"]),
            new EquatableArray<RoadmapAction>([new RoadmapAction("SISAB Lisbon", "PT", new LocalDate(2017, 2, 15))]),
            new EquatableArray<string>(["Export share of turnover"]));
        host.On("B1", p => p.SubmitRoadmap(roadmap, Ctx(Rep("B1"), 9, 1)));
        host.On("B1", p => p.ReviewRoadmap(true, null, Ctx(Tech, 9, 2)));
        host.OnBoth("B4", (p, e) => p.Exclude(e, "Did not attend any session", Ctx(Manager, 9, 30)));
        host.On("B1", p => p.SubmitClaim(Claim("K1", 2000m), rules, Ctx(Rep("B1"), 10, 5)));
        host.On("B2", p => p.SubmitClaim(Claim("K1", 3000m), rules, Ctx(Rep("B2"), 10, 5)));
        host.On("B3", p => p.SubmitClaim(Claim("K1", 800m, category: "tradeMission"), rules, Ctx(Rep("B3"), 10, 5)));
        host.On("B1", p => p.SubmitClaim(Claim("K2", 1500m, vat: 315m, vatRecoverable: false, category: "marketStudy"), rules, Ctx(Rep("B1"), 10, 6)));
        host.OnBoth("B1", (p, e) => p.VerifyClaim(e, "K1", ClaimVerification.ApproveInFull(), rules, Ctx(Tech2, 10, 20)));
        host.OnBoth("B2", (p, e) => p.VerifyClaim(e, "K1", ClaimVerification.ApproveInFull(), rules, Ctx(Tech2, 10, 20)));
        host.OnBoth("B3", (p, e) => p.VerifyClaim(e, "K1", ClaimVerification.Reject("Invoice is for freight"), rules, Ctx(Tech2, 10, 20)));
        host.OnBoth("B1", (p, e) => p.VerifyClaim(e, "K2", ClaimVerification.ApproveInPart(Eur(400m), "Only the translation is eligible"), rules, Ctx(Tech2, 10, 21)));
        host.OnBoth("B3", (p, e) => p.Withdraw(e, "No capacity this year", Ctx(Manager, 10, 25)));
        host.OnBoth("B2", (p, e) => p.Withdraw(e, "Sold the export unit", Ctx(Rep("B2"), 11, 2)));
        host.OnBoth("B1", (p, e) => p.Complete(e, Ctx(Tech, 11, 30)));
        host.On("B1", p => p.AnswerSurvey(new SurveyAnswer(9, default(EquatableDictionary<string, int>).SetItem("tutorials", 10).SetItem("sessions", 8)), rules, Ctx(Rep("B1"), 12, 1)));
    }

    private static ExpenseClaim Claim(string id, decimal net, decimal vat = 0m, bool vatRecoverable = true, string category = "tradeFair") =>
        new(id, "INV-" + id, "B11111111", new LocalDate(2016, 10, 1), category, "Promotion expense", Eur(net), Eur(vat), vatRecoverable);
}
