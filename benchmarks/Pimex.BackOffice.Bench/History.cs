using System.Globalization;
using System.Text.Json.Nodes;
using Marten;
using NodaTime;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Bench;

/// <summary>
/// A history to measure commands on: an edition of so many companies, admitted, and optionally
/// one participant whose stream already holds so many events (training pills), all decided by
/// the library in memory and loaded with one raw append (with the snapshots the back office
/// would have kept); then the commands measured over HTTP
/// one at a time, after a warm-up command on each participant they touch.
/// </summary>
public sealed record History(string Name, string Region, IReadOnlyList<Step> Setup, IReadOnlyList<Step> WarmUp, IReadOnlyList<Step> Measured)
{
    /// <summary>The largest edition measured: the rulebook's 2016 capacity and actions line are set for it.</summary>
    public const int MaxCompanies = 3_000;

    /// <summary>
    /// Extremadura's rulebook with the 2016 edition's capacity set to <see cref="MaxCompanies"/>
    /// and its actions line to the cap each company reserves, times that (as <c>pimex ledger
    /// generate-big --print-rulebook</c> makes it).
    /// </summary>
    public static string RulebookJson()
    {
        var extremadura = Rulebook.Extremadura;
        var annuity = extremadura.Annuity(2016).Value;
        var cap = extremadura.On(annuity.Applications.Start).Value.Promotion.CapPerCompany;
        var root = JsonNode.Parse(extremadura.ToJson())!.AsObject();
        root["id"] = "extremadura-bench";
        root["name"] = "Extremadura, the 2016 edition for 3,000 companies (the back office's history benchmark)";
        var edition = root["annuities"]!["2016"]!.AsObject();
        var actions = Money.Of(cap.Amount * MaxCompanies, cap.Currency);
        edition["capacity"] = MaxCompanies;
        edition["budget"] = new JsonObject
        {
            ["actions"] = actions.ToString(),
            ["training"] = annuity.Budget.Training.ToString(),
            ["consultancy"] = annuity.Budget.Consultancy.ToString(),
            ["total"] = (actions + annuity.Budget.Training + annuity.Budget.Consultancy).ToString(),
        };
        return root.ToJsonString();
    }

    /// <param name="rulebook">The rulebook of <see cref="RulebookJson"/>, loaded.</param>
    /// <param name="title">What the history is, for the table.</param>
    /// <param name="region">The region (tenant) it is loaded in.</param>
    /// <param name="companies">The companies admitted to the edition.</param>
    /// <param name="participantEvents">When positive, the first participant's stream holds so many events before the measured commands, and they are all on it.</param>
    /// <param name="measured">How many commands are measured: a pill, a claim, that claim's verification (a joint change with the edition), over and over.</param>
    public static History For(Rulebook rulebook, string title, string region, int companies, int participantEvents, int measured)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        Instant At(int month, int day) => new LocalDateTime(2016, month, day, 10, 0).InZoneStrictly(rulebook.TimeZone).ToInstant();
        var manager = Actor.ProgrammeManager("mgr-1");
        var tech = Actor.Technician("tech-2");
        var editionPath = $"/regions/{region}/editions/2016";
        var setup = new List<Step>();

        var opened = Edition.Open(rulebook, 2016, new CommandContext(manager, At(1, 10))).Value;
        setup.Add(new Step("setup", string.Empty, null, manager, At(1, 10), null, opened, null));
        var edition = opened.Aggregate;
        var names = Enumerable.Range(1, companies).Select(i => string.Create(CultureInfo.InvariantCulture, $"B{i:0000}")).ToList();
        foreach (var name in names)
        {
            var rep = Actor.CompanyRepresentative("rep-" + name, new CompanyId(name));
            var received = edition.ReceiveApplication(Plan.Application(name), rulebook, new CommandContext(rep, At(2, 1))).Value;
            setup.Add(new Step("setup", string.Empty, null, rep, At(2, 1), null, received, null));
            edition = received.Aggregate;
        }

        var participants = new Dictionary<string, Participant>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var admitted = edition.Admit(new CompanyId(name), rulebook, new CommandContext(manager, At(3, 20))).Value;
            setup.Add(new Step("setup", string.Empty, null, manager, At(3, 20), null, admitted.Edition, admitted.Participant));
            edition = admitted.Edition.Aggregate;
            participants[name] = admitted.Participant.Aggregate;
        }

        // The measured participants: twenty of the edition's, spread over it, or the one with a long stream.
        var touched = participantEvents > 0 ? [names[0]] : names.Where((_, i) => i % Math.Max(1, companies / 20) == 0).Take(20).ToList();
        if (participantEvents > 0)
        {
            var p = participants[names[0]];
            for (int i = 0; p.Version < participantEvents; i++)
            {
                var pill = new TrainingPill("Pill " + i.ToString(CultureInfo.InvariantCulture), new LocalDate(2016, 6, 1 + (i % 28)), "management");
                var attended = p.RecordTrainingPill(pill, new CommandContext(tech, At(7, 10))).Value;
                setup.Add(new Step("setup", string.Empty, null, tech, At(7, 10), null, null, attended));
                p = attended.Aggregate;
            }

            participants[names[0]] = p;
        }

        Step Pill(string name, int i, Instant at)
        {
            var p = participants[name];
            var pill = new TrainingPill("Measured " + i.ToString(CultureInfo.InvariantCulture), new LocalDate(2016, 9, 1 + (Math.Abs(i) % 28)), "management");
            var attended = p.RecordTrainingPill(pill, new CommandContext(tech, at)).Value;
            participants[name] = attended.Aggregate;
            return new Step("pill", $"{editionPath}/participants/{name}/pills", pill, tech, at, p.Version, null, attended);
        }

        var warmUp = touched.Select((name, i) => Pill(name, -1 - i, At(10, 1))).ToList();
        var steps = new List<Step>();
        string? claimId = null;
        string? claimant = null;
        for (int i = 0; i < measured; i++)
        {
            var at = At(10, 5).Plus(Duration.FromSeconds(i));
            switch (i % 3)
            {
                case 0:
                    steps.Add(Pill(touched[(i / 3) % touched.Count], i, at));
                    break;
                case 1:
                    {
                        claimant = touched[(i / 3) % touched.Count];
                        claimId = "K" + i.ToString(CultureInfo.InvariantCulture);
                        var p = participants[claimant];
                        var rep = Actor.CompanyRepresentative("rep-" + claimant, new CompanyId(claimant));
                        var claim = new ExpenseClaim(claimId, "INV-" + claimId, "B11111111", new LocalDate(2016, 10, 1), "tradeFair", "Promotion expense", Money.Of(5m, Currency.EUR), Money.Of(0m, Currency.EUR), true);
                        var submitted = p.SubmitClaim(claim, rulebook, new CommandContext(rep, at)).Value;
                        participants[claimant] = submitted.Aggregate;
                        steps.Add(new Step("submitClaim", $"{editionPath}/participants/{claimant}/claims", claim, rep, at, p.Version, null, submitted));
                        break;
                    }

                default:
                    {
                        var p = participants[claimant!];
                        var verified = p.VerifyClaim(edition, claimId!, ClaimVerification.ApproveInFull(), rulebook, new CommandContext(tech, at)).Value;
                        participants[claimant!] = verified.Participant.Aggregate;
                        edition = verified.Edition.Aggregate;
                        steps.Add(new Step("verifyClaim", $"{editionPath}/participants/{claimant}/claims/{claimId}/verification", ClaimVerification.ApproveInFull(), tech, at, p.Version, verified.Edition, verified.Participant));
                        break;
                    }
            }
        }

        return new History(title, region, setup, warmUp, steps);
    }

    /// <summary>
    /// Appends the setup in one transaction: each stream started whole with all its events, and
    /// each stream's latest snapshot as the back office would have written it, had it appended
    /// these events one command at a time (every <paramref name="snapshotInterval"/> events,
    /// <see cref="BackOfficeOptions.SnapshotInterval"/>).
    /// </summary>
    public async Task LoadAsync(IDocumentStore store, int snapshotInterval)
    {
        ArgumentNullException.ThrowIfNull(store);
        var snapshots = new Dictionary<string, StreamSnapshot>(StringComparer.Ordinal);
        void Snapshot<TAggregate, TEvent>(Changed<TAggregate, TEvent> change)
            where TAggregate : IEventSourced
            where TEvent : DomainEvent
        {
            if (StreamSnapshot.Crosses(change.ExpectedVersion, change.Aggregate.Version, snapshotInterval))
            {
                var snapshot = StreamSnapshot.Of(change.Aggregate);
                snapshots[snapshot.Id] = snapshot;
            }
        }

        var streams = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        void Add(string stream, IEnumerable<object> events)
        {
            if (!streams.TryGetValue(stream, out var list))
            {
                streams[stream] = list = [];
            }

            list.AddRange(events);
        }

        foreach (var step in Setup)
        {
            if (step.Edition is { } e)
            {
                Add(e.Aggregate.Id.ToString(), e.Events);
                Snapshot(e);
            }

            if (step.Participant is { } p)
            {
                Add(p.Aggregate.Id.ToString(), p.Events);
                Snapshot(p);
            }
        }

        await using var session = store.LightweightSession(Region);
        foreach (var (stream, events) in streams)
        {
            session.Events.StartStream(stream, [.. events]);
        }

        foreach (var snapshot in snapshots.Values)
        {
            session.Store(snapshot);
        }

        await session.SaveChangesAsync();
    }
}
