using System.Globalization;
using Marten;
using NodaTime;
using Pimex.Admission;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.BackOffice.Bench;

/// <summary>One command: its HTTP form, and the change the library decided for it in memory.</summary>
public sealed record Step(
    string Phase,
    string Path,
    object? Body,
    Actor Actor,
    Instant At,
    long? IfMatch,
    Changed<Edition, EditionEvent>? Edition,
    Changed<Participant, ParticipantEvent>? Participant)
{
    public void Stage(IDocumentSession session)
    {
        var streams = new EventStreams(session);
        if (Edition is { } e)
        {
            streams.Stage(e.Aggregate.Id.ToString(), e);
        }

        if (Participant is { } p)
        {
            streams.Stage(p.Aggregate.Id.ToString(), p);
        }
    }
}

/// <summary>One region's edition: open, 30 applications, 30 admissions, 60 claims, 60 verifications.</summary>
public sealed record Plan(IReadOnlyList<Step> Steps)
{
    public static readonly string[] Phases = ["setup", "admit", "submitClaim", "verifyClaim"];

    /// <summary>A company's application, the same for every company but its id.</summary>
    public static CompanyApplication Application(string company) => new(
        new CompanyId(company),
        "ES43",
        new CompanyProfile(new EnterpriseFigures(20m, Money.Of(3_000_000m, Currency.EUR), Money.Of(2_000_000m, Currency.EUR)), default),
        new EquatableArray<AidReceived>([new AidReceived(Money.Of(12_000m, Currency.EUR), new LocalDate(2015, 5, 4), "Junta de Extremadura")]));

    public static Plan For(string region, int companies)
    {
        var rulebook = Rulebook.Extremadura;
        Instant At(int month, int day) => new LocalDateTime(2016, month, day, 10, 0).InZoneStrictly(rulebook.TimeZone).ToInstant();
        Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);
        var manager = Actor.ProgrammeManager("mgr-1");
        var tech = Actor.Technician("tech-2");
        var steps = new List<Step>();
        var root = $"/regions/{region}";
        var editionPath = root + "/editions/2016";

        var opened = Pimex.Editions.Edition.Open(rulebook, 2016, new CommandContext(manager, At(1, 10))).Value;
        steps.Add(new Step("setup", root + "/editions", new OpenEditionRequest(2016), manager, At(1, 10), null, opened, null));
        var edition = opened.Aggregate;
        var names = Enumerable.Range(1, companies).Select(i => $"B{i:00}").ToList();
        foreach (var name in names)
        {
            var application = Application(name);
            var rep = Actor.CompanyRepresentative("rep-" + name, new CompanyId(name));
            var received = edition.ReceiveApplication(application, rulebook, new CommandContext(rep, At(2, 1))).Value;
            steps.Add(new Step("setup", editionPath + "/applications", application, rep, At(2, 1), edition.Version, received, null));
            edition = received.Aggregate;
        }

        var participants = new Dictionary<string, Participant>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var admitted = edition.Admit(new CompanyId(name), rulebook, new CommandContext(manager, At(3, 20))).Value;
            steps.Add(new Step("admit", editionPath + "/admissions", new AdmitRequest(new CompanyId(name)), manager, At(3, 20), edition.Version, admitted.Edition, admitted.Participant));
            edition = admitted.Edition.Aggregate;
            participants[name] = admitted.Participant.Aggregate;
        }

        foreach (var name in names)
        {
            var rep = Actor.CompanyRepresentative("rep-" + name, new CompanyId(name));
            foreach (var claimId in new[] { "K1", "K2" })
            {
                var claim = new ExpenseClaim(claimId, "INV-" + claimId, "B11111111", new LocalDate(2016, 10, 1), "tradeFair", "Promotion expense", Eur(1_500m), Eur(0m), true);
                var p = participants[name];
                var submitted = p.SubmitClaim(claim, rulebook, new CommandContext(rep, At(10, 5))).Value;
                steps.Add(new Step("submitClaim", editionPath + "/participants/" + name + "/claims", claim, rep, At(10, 5), p.Version, null, submitted));
                participants[name] = submitted.Aggregate;
            }
        }

        foreach (var name in names)
        {
            foreach (var claimId in new[] { "K1", "K2" })
            {
                var p = participants[name];
                var verified = p.VerifyClaim(edition, claimId, ClaimVerification.ApproveInFull(), rulebook, new CommandContext(tech, At(10, 20))).Value;
                steps.Add(new Step("verifyClaim", string.Create(CultureInfo.InvariantCulture, $"{editionPath}/participants/{name}/claims/{claimId}/verification"), ClaimVerification.ApproveInFull(), tech, At(10, 20), p.Version, verified.Edition, verified.Participant));
                edition = verified.Edition.Aggregate;
                participants[name] = verified.Participant.Aggregate;
            }
        }

        return new Plan(steps);
    }
}
