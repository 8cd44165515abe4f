using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Pimex.Promotion;
using Pimex.Rulebooks;

namespace Pimex.Tests.Reliability;

/// <summary>Who issues a command, relative to the company it is about.</summary>
public enum Who
{
    /// <summary>The company's own representative.</summary>
    Representative,

    /// <summary>The representative of another company.</summary>
    OtherRepresentative,

    /// <summary>Technician <c>tech-1</c>.</summary>
    Technician,

    /// <summary>Technician <c>tech-2</c>.</summary>
    SecondTechnician,

    /// <summary>Programme manager <c>mgr-1</c>.</summary>
    Manager,

    /// <summary>Senior consultant <c>cons-1</c>.</summary>
    Consultant,
}

/// <summary>What a company declares when it applies.</summary>
public enum ApplicantKind
{
    /// <summary>A small enterprise of Extremadura with no aid declared.</summary>
    Sme,

    /// <summary>300 staff: not an SME.</summary>
    Large,

    /// <summary>Established in another region (PT11).</summary>
    Elsewhere,

    /// <summary>EUR 1,800 of de minimis aid received in 2015.</summary>
    SomeAid,

    /// <summary>EUR 199,000 of de minimis aid received in 2015.</summary>
    NearCeiling,

    /// <summary>EUR 250,000 of aid received in 2012, outside every look-back.</summary>
    OldAid,
}

/// <summary>The amount of a partial approval, relative to the claim's eligible amount.</summary>
public enum PartialAmount
{
    /// <summary>Zero.</summary>
    Zero,

    /// <summary>One cent.</summary>
    OneCent,

    /// <summary>Half, rounded down to the cent.</summary>
    Half,

    /// <summary>One cent less than eligible.</summary>
    EligibleLessACent,

    /// <summary>All of it (not a partial approval).</summary>
    Eligible,

    /// <summary>One cent more than eligible.</summary>
    EligiblePlusACent,
}

/// <summary>
/// A command of the model-based test, about company <c>C{Company}</c>. It carries the run's
/// clock when it is issued and when it says it happens (<see cref="When"/>): usually at the
/// clock, sometimes back-dated before a stream's last event or at an edge of the calendar.
/// </summary>
/// <param name="Company">The company's index.</param>
public abstract record ModelCommand(int Company)
{
    /// <summary>The run's clock when the command is issued (it never goes back).</summary>
    public Instant Clock { get; init; }

    /// <summary>When the command says it happens.</summary>
    public When When { get; init; } = When.OnTheClock;
}

/// <summary>The company applies (on the command's date: in the applications window or not).</summary>
public sealed record Apply(int Company, ApplicantKind Kind) : ModelCommand(Company);

/// <summary>The programme manager admits the company.</summary>
public sealed record Admit(int Company, bool Stale) : ModelCommand(Company);

/// <summary>
/// Attendance at session S1 (40 seats), S2 (40), S3 (2), S4 (1), or S9 (not scheduled).
/// <paramref name="OldEdition"/> is 0 for the current edition, or k for the edition as it was k
/// versions before the newest one the participant acted on (a host that kept a stale edition).
/// </summary>
public sealed record Attend(int Company, int Session, Who Actor, bool Stale, int OldEdition) : ModelCommand(Company);

/// <summary>A tutorial T0..T3, at the premises or not, dated <paramref name="Date"/>.</summary>
public sealed record HoldTutorial(int Company, int Tutorial, bool AtPremises, FactDate Date, Who Actor) : ModelCommand(Company);

/// <summary>A training pill dated <paramref name="Date"/>, attended by management or by someone the rulebook does not name.</summary>
public sealed record RecordPill(int Company, FactDate Date, bool AllowedRole, Who Actor) : ModelCommand(Company);

/// <summary>The company submits its SWOT analysis, complete or with an empty quadrant.</summary>
public sealed record SubmitSwot(int Company, bool Complete, Who Actor) : ModelCommand(Company);

/// <summary>Staff accept or return the SWOT analysis.</summary>
public sealed record ReviewSwot(int Company, bool Accept, Who Actor) : ModelCommand(Company);

/// <summary>The company submits its roadmap, valid or without objectives.</summary>
public sealed record SubmitRoadmap(int Company, bool Valid, Who Actor) : ModelCommand(Company);

/// <summary>Staff accept or return the roadmap.</summary>
public sealed record ReviewRoadmap(int Company, bool Accept, Who Actor) : ModelCommand(Company);

/// <summary>An expense claim K{Claim} for invoice I{Invoice} of supplier B{Supplier}, dated <paramref name="InvoiceDate"/>.</summary>
public sealed record SubmitClaim(int Company, int Claim, int Invoice, int Supplier, long NetCents, long VatCents, bool VatRecoverable, string Category, FactDate InvoiceDate, Who Actor, bool Stale) : ModelCommand(Company);

/// <summary>Staff verify claim K{Claim} (the grant date is the command's date).</summary>
public sealed record VerifyClaim(int Company, int Claim, ClaimVerdict Verdict, PartialAmount Partial, bool BlankReason, Who Actor, bool Stale, int OldEdition) : ModelCommand(Company);

/// <summary>Senior-consultant advice: hours (mostly half-hours, sometimes a few millionths of an hour), charged to the consultancy line.</summary>
public sealed record RequestConsultancy(int Company, decimal Hours, Who Actor, bool Stale, int OldEdition) : ModelCommand(Company);

/// <summary>The company withdraws.</summary>
public sealed record Withdraw(int Company, Who Actor, bool Stale, int OldEdition) : ModelCommand(Company);

/// <summary>The programme manager excludes the company.</summary>
public sealed record Exclude(int Company, Who Actor, bool Stale, int OldEdition) : ModelCommand(Company);

/// <summary>The company answers the satisfaction survey.</summary>
public sealed record AnswerSurvey(int Company, int Score, Who Actor) : ModelCommand(Company);

/// <summary>Staff record the company's completion.</summary>
public sealed record Complete(int Company, Who Actor, int OldEdition) : ModelCommand(Company);

/// <summary>A direct spend on the training line (not about a company).</summary>
public sealed record SpendOnTraining(long Cents, Who Actor) : ModelCommand(0);

/// <summary>
/// One random run: the rulebook (an index of <see cref="ModelRulebooks.All"/>), the dates of
/// sessions S1..S4 (days from the start of the training window), and the commands.
/// </summary>
/// <param name="Rulebook">The rulebook's index.</param>
/// <param name="SessionDays">The days from the training window's start of S1..S4.</param>
/// <param name="Commands">The commands, in order.</param>
public sealed record ModelRun(int Rulebook, int[] SessionDays, ModelCommand[] Commands)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"rulebook {ModelRulebooks.All[Rulebook].Id}, sessions at training start +{string.Join("/", SessionDays)} days, {Commands.Length} commands:\n  " + string.Join("\n  ", Commands.Select(c => c.ToString()));
}

/// <summary>
/// FsCheck generators of model runs: up to 60 random commands about six companies, and in two
/// runs of three one company's way through the programme mixed in; most of them plausible, many of them refused (wrong actor, stale version, broken rule, bad time). The
/// run's clock starts around the applications window, moves to the training window after the
/// opening admissions, and then goes forward by minutes to weeks; about one command in eleven
/// after the opening is back-dated before the last event of its participant or of the edition, or sent at an edge
/// of the calendar. Facts are dated around their command's date: mostly before it, sometimes
/// after it, before the admission or outside the windows.
/// </summary>
public static class ReliabilityArbitraries
{
    /// <summary>The companies the commands are about.</summary>
    public const int Companies = 6;

    /// <summary>The longest run.</summary>
    public const int MaxCommands = 60;

    private static readonly Gen<bool> StaleGen = Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true)));

    private static readonly Gen<bool> MostlyTrue = Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)));

    private static readonly Gen<int> OldEditionGen = Gen.Frequency((12, Gen.Constant(0)), (1, Gen.Choose(1, 3)));

    private static readonly AnnuityRules[] Annuities = [.. ModelRulebooks.All.Select(r => r.Annuity(2016).Value)];

    /// <summary>A fact's date: mostly on or before its command's date, sometimes after it, far before it, or any day around the edition.</summary>
    private static readonly Gen<FactDate> TrainingDateGen = Gen.Frequency(
        (6, Gen.Choose(-20, 0).Select(d => new FactDate(d))),
        (2, Gen.Constant(new FactDate(0))),
        (1, Gen.Choose(1, 3).Select(d => new FactDate(d))),
        (1, Gen.Choose(-200, -21).Select(d => new FactDate(d))),
        (1, Gen.Choose(0, 548).Select(d => new FactDate(0, new LocalDate(2015, 10, 1).PlusDays(d)))));

    private static readonly Gen<FactDate> InvoiceDateGen = Gen.Frequency(
        (6, Gen.Choose(-60, 0).Select(d => new FactDate(d))),
        (1, Gen.Choose(1, 5).Select(d => new FactDate(d))),
        (1, Gen.Choose(0, 548).Select(d => new FactDate(0, new LocalDate(2015, 10, 1).PlusDays(d)))));

    private static readonly Gen<Duration> BackByGen = Gen.Elements(
        Duration.Zero, Duration.Epsilon, Duration.FromSeconds(1), Duration.FromHours(1), Duration.FromDays(1), Duration.FromDays(30));

    /// <summary>When a command says it happens: mostly at the clock.</summary>
    private static readonly Gen<When> WhenGen = Gen.Frequency(
        (176, Gen.Constant(When.OnTheClock)),
        (8, BackByGen.Select(by => (When)new BackFrom(LastEventOf.Participant, by))),
        (8, BackByGen.Select(by => (When)new BackFrom(LastEventOf.Edition, by))),
        (6, Gen.Elements(ModelTime.Edges).Select(e => (When)new Edge(e))),
        (1, Gen.Elements(ModelTime.FutureEdges).Select(e => (When)new Edge(e))));

    /// <summary>How far the clock moves between two commands of the opening (applications and admissions).</summary>
    private static readonly Gen<Duration> OpeningStepGen = Gen.Frequency(
        (1, Gen.Constant(Duration.Zero)),
        (3, Gen.Choose(1, 600).Select(m => Duration.FromMinutes(m))),
        (2, Gen.Choose(1, 72).Select(h => Duration.FromHours(h))));

    /// <summary>How far the clock moves between two later commands: about four days on average, so that a long run reaches the autumn.</summary>
    private static readonly Gen<Duration> StepGen =
        from step in Gen.Frequency(
            (1, Gen.Constant(Duration.Zero)),
            (3, Gen.Choose(1, 600).Select(m => Duration.FromMinutes(m))),
            (4, Gen.Choose(1, 48).Select(h => Duration.FromHours(h))),
            (2, Gen.Choose(2, 10).Select(d => Duration.FromDays(d))),
            (1, Gen.Choose(10, 40).Select(d => Duration.FromDays(d))))
        from seconds in Gen.Choose(0, 59)
        select step + Duration.FromSeconds(seconds);

    private static Gen<Who> Mostly(Who usual) => Gen.Frequency((6, Gen.Constant(usual)), (1, Gen.Elements(Enum.GetValues<Who>())));

    /// <summary>Commands about the first <paramref name="companies"/> companies.</summary>
    private static Gen<ModelCommand> CommandGen(int companies)
    {
        var companyGen = Gen.Choose(0, companies - 1);
        return Gen.Frequency(
        (2, from c in companyGen
            from kind in Gen.Frequency((6, Gen.Constant(ApplicantKind.Sme)), (3, Gen.Elements(Enum.GetValues<ApplicantKind>())))
            select (ModelCommand)new Apply(c, kind)),
        (2, from c in companyGen from stale in StaleGen select (ModelCommand)new Admit(c, stale)),
        (5, from c in companyGen
            from s in Gen.Frequency((8, Gen.Choose(1, 4)), (1, Gen.Constant(9)))
            from who in Mostly(Who.Technician)
            from stale in StaleGen
            from old in OldEditionGen
            select (ModelCommand)new Attend(c, s, who, stale, old)),
        (5, from c in companyGen
            from t in Gen.Choose(0, 3)
            from premises in MostlyTrue
            from date in TrainingDateGen
            from who in Gen.Frequency((4, Gen.Constant(Who.Technician)), (2, Gen.Constant(Who.Consultant)), (2, Gen.Elements(Enum.GetValues<Who>())))
            select (ModelCommand)new HoldTutorial(c, t, premises, date, who)),
        (2, from c in companyGen
            from date in TrainingDateGen
            from role in MostlyTrue
            from who in Mostly(Who.Technician)
            select (ModelCommand)new RecordPill(c, date, role, who)),
        (3, from c in companyGen from complete in MostlyTrue from who in Mostly(Who.Representative) select (ModelCommand)new SubmitSwot(c, complete, who)),
        (3, from c in companyGen from accept in MostlyTrue from who in Mostly(Who.Technician) select (ModelCommand)new ReviewSwot(c, accept, who)),
        (3, from c in companyGen from valid in MostlyTrue from who in Mostly(Who.Representative) select (ModelCommand)new SubmitRoadmap(c, valid, who)),
        (3, from c in companyGen from accept in MostlyTrue from who in Mostly(Who.Technician) select (ModelCommand)new ReviewRoadmap(c, accept, who)),
        (5, from c in companyGen
            from claim in Gen.Choose(0, 2)
            from invoice in Gen.Choose(0, 2)
            from supplier in Gen.Choose(1, 2)
            from net in Gen.Frequency((1, Gen.Constant(0L)), (6, Gen.Choose(1, 400_000).Select(x => (long)x)), (2, Gen.Elements(250_000L, 100_000L, 99_999L, 250_001L, 1L)))
            from vat in Gen.Elements(0L, 21_00L, 52_50L, 12_345L)
            from recoverable in Gen.Elements(true, false)
            from category in Gen.Frequency((6, Gen.Elements("tradeFair", "marketStudy", "tradeMission")), (1, Gen.Elements("distributionNetwork", "overheads", "spaceTourism")))
            from date in InvoiceDateGen
            from who in Gen.Frequency((5, Gen.Constant(Who.Representative)), (1, Gen.Constant(Who.Technician)), (1, Gen.Elements(Enum.GetValues<Who>())))
            from stale in StaleGen
            select (ModelCommand)new SubmitClaim(c, claim, invoice, supplier, net, vat, recoverable, category, date, who, stale)),
        (5, from c in companyGen
            from claim in Gen.Choose(0, 2)
            from verdict in Gen.Frequency((4, Gen.Constant(ClaimVerdict.ApprovedInFull)), (2, Gen.Constant(ClaimVerdict.ApprovedInPart)), (1, Gen.Constant(ClaimVerdict.Rejected)))
            from partial in Gen.Elements(Enum.GetValues<PartialAmount>())
            from blank in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
            from who in Gen.Frequency((5, Gen.Constant(Who.SecondTechnician)), (2, Gen.Constant(Who.Technician)), (1, Gen.Elements(Enum.GetValues<Who>())))
            from stale in StaleGen
            from old in OldEditionGen
            select (ModelCommand)new VerifyClaim(c, claim, verdict, partial, blank, who, stale, old)),
        (3, from c in companyGen
            from hours in Gen.Frequency(
                (1, Gen.Constant(0m)),
                (6, Gen.Choose(1, 12).Select(halfHours => halfHours / 2m)),
                (1, Gen.Choose(13, 240).Select(halfHours => halfHours / 2m)),

                // Around the smallest hours that charge a cent: 0.0000725 h at EUR 69.00 costs
                // EUR 0.0050025 (one cent), 0.00007 h EUR 0.00483 (nothing), but EUR 0.0050785 at
                // the other-numbers rulebook's EUR 72.55.
                (1, Gen.Elements(0.0000001m, 0.00006m, 0.00007m, 0.0000724m, 0.0000725m)))
            from who in Mostly(Who.Representative)
            from stale in StaleGen
            from old in OldEditionGen
            select (ModelCommand)new RequestConsultancy(c, hours, who, stale, old)),
        (1, Gen.OneOf(
            from c in companyGen from who in Mostly(Who.Representative) from stale in StaleGen from old in OldEditionGen select (ModelCommand)new Withdraw(c, who, stale, old),
            from c in companyGen from who in Mostly(Who.Manager) from stale in StaleGen from old in OldEditionGen select (ModelCommand)new Exclude(c, who, stale, old))),
        (2, from c in companyGen from score in Gen.Choose(-1, 11) from who in Mostly(Who.Representative) select (ModelCommand)new AnswerSurvey(c, score, who)),
        (3, from c in companyGen from who in Mostly(Who.Technician) from old in OldEditionGen select (ModelCommand)new Complete(c, who, old)),
        (1, from cents in Gen.Frequency((1, Gen.Constant(0L)), (4, Gen.Choose(1, 60_000).Select(x => (long)x)), (1, Gen.Elements(100_000L, 500_000L, 500_001L)))
            from who in Mostly(Who.Manager)
            select (ModelCommand)new SpendOnTraining(cents, who)));
    }

    /// <summary>
    /// Most companies apply and are admitted first, so that the commands after find participants;
    /// some only apply, and may be admitted later, after sessions already held.
    /// </summary>
    private static Gen<ModelCommand[]> Opening(int companies) =>
        from joins in Gen.ArrayOf(
            Gen.Frequency(
                (5, Gen.Frequency((6, Gen.Constant(ApplicantKind.Sme)), (2, Gen.Elements(Enum.GetValues<ApplicantKind>()))).Select(k => (ApplicantKind?)k)),
                (1, Gen.Constant<ApplicantKind?>(null))),
            companies)
        from admitted in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(true)), (1, Gen.Constant(false))), companies)
        select joins
            .SelectMany((kind, c) => kind is { } k ? (admitted[c] ? new ModelCommand[] { new Apply(c, k), new Admit(c, Stale: false) } : [new Apply(c, k)]) : [])
            .ToArray();

    /// <summary>
    /// One company's way through the whole programme under a rulebook's commitment (its
    /// tutorials and pills, both deliverables, a claim and its verification, its sessions,
    /// completion and the survey), each command plausible:
    /// mixed into the random commands, in order, so that runs reach completion and the survey
    /// often, while the commands around them still interfere.
    /// </summary>
    private static Gen<ModelCommand[]> Journey(int rulebook, int companies)
    {
        var commitment = ModelRulebooks.All[rulebook].On(Annuities[rulebook].Applications.Start).Value.Commitment;
        return from c in Gen.Choose(0, companies - 1)
               from tutorialDays in Gen.ArrayOf(Gen.Choose(-5, 0), commitment.Tutorials)
               from pillDays in Gen.ArrayOf(Gen.Choose(-5, 0), commitment.TrainingPills)
               from net in Gen.Choose(1, 300_000)
               from invoiceDays in Gen.Choose(-30, 0)
               from score in Gen.Choose(1, 10)
               select (ModelCommand[])
               [
                   .. tutorialDays.Select((d, t) => new HoldTutorial(c, t, AtPremises: true, new FactDate(d), Who.Technician)),
                   .. pillDays.Select(d => new RecordPill(c, new FactDate(d), AllowedRole: true, Who.Technician)),
                   new SubmitSwot(c, Complete: true, Who.Representative),
                   new ReviewSwot(c, Accept: true, Who.Technician),
                   new SubmitRoadmap(c, Valid: true, Who.Representative),
                   new ReviewRoadmap(c, Accept: true, Who.Technician),
                   new SubmitClaim(c, 0, 0, 1, net, 0, VatRecoverable: true, "tradeFair", new FactDate(invoiceDays), Who.Representative, Stale: false),
                   new VerifyClaim(c, 0, ClaimVerdict.ApprovedInFull, PartialAmount.Eligible, BlankReason: false, Who.SecondTechnician, Stale: false, OldEdition: 0),

                   // Sessions last: by then the clock has most likely passed their dates.
                   .. Enumerable.Range(1, commitment.GroupSessions).Select(s => new Attend(c, s, Who.Technician, Stale: false, OldEdition: 0)),
                   new Complete(c, Who.Technician, OldEdition: 0),
                   new AnswerSurvey(c, score, Who.Representative),
               ];
    }

    /// <summary>Mixes two lists of commands at random, each keeping its order.</summary>
    private static Gen<ModelCommand[]> Mixed(ModelCommand[] first, ModelCommand[] second) =>
        from picks in Gen.Shuffle(Enumerable.Range(0, first.Length + second.Length).Select(i => i < first.Length).ToArray())
        select Merge(first, second, picks);

    private static ModelCommand[] Merge(ModelCommand[] first, ModelCommand[] second, bool[] fromFirst)
    {
        int i = 0, j = 0;
        return [.. fromFirst.Select(pick => pick ? first[i++] : second[j++])];
    }

    /// <summary>
    /// Gives each command its clock and its time: the opening from the start (on the first day of
    /// the applications window, or up to three days before it) and at the clock, the rest from the
    /// start of the training window (give or take ten days) on, each step forward, some of them
    /// back-dated or at an edge.
    /// </summary>
    private static ModelCommand[] Timed(Rulebook rulebook, AnnuityRules annuity, ModelCommand[] commands, int opening, int daysBeforeWindow, int trainingDay, Duration[] steps, When[] whens)
    {
        var clock = ModelTime.Local(rulebook, annuity.Applications.Start.PlusDays(-daysBeforeWindow), 8, 0);
        var training = ModelTime.Local(rulebook, annuity.Training.Start.PlusDays(trainingDay), 8, 0);
        var timed = new ModelCommand[commands.Length];
        for (int i = 0; i < commands.Length; i++)
        {
            clock = i == opening && training > clock ? training : clock + steps[i];
            timed[i] = commands[i] with { Clock = clock, When = i < opening ? When.OnTheClock : whens[i] };
        }

        return timed;
    }

    // Most runs are about two or three companies, so that each of them goes deep (training,
    // deliverables, claims, completion); some about all six, so that seats and lines run out.
    private static readonly Gen<ModelRun> RunGen =
        from rulebook in Gen.Choose(0, ModelRulebooks.All.Count - 1)
        from sessionDays in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 45)), (1, Gen.Choose(0, 243))), 4)
        from companies in Gen.Frequency((1, Gen.Constant(1)), (4, Gen.Constant(2)), (3, Gen.Constant(3)), (2, Gen.Constant(Companies)))
        from opening in Opening(companies)
        from length in Gen.Frequency((1, Gen.Choose(1, 20)), (3, Gen.Choose(21, MaxCommands)))
        from random in Gen.ArrayOf(CommandGen(companies), Math.Max(length - opening.Length, 0))
        from journey in Gen.Frequency((2, Journey(rulebook, companies)), (1, Gen.Constant(Array.Empty<ModelCommand>())))
        from commands in Mixed(random, length > opening.Length ? journey : [])
        from daysBefore in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
        from trainingDay in Gen.Choose(-10, 10)
        from openingSteps in Gen.ArrayOf(OpeningStepGen, Math.Min(opening.Length, length))
        let all = (ModelCommand[])[.. opening.Take(length), .. commands]
        from steps in Gen.ArrayOf(StepGen, all.Length - Math.Min(opening.Length, length))
        from whens in Gen.ArrayOf(WhenGen, all.Length)
        select new ModelRun(rulebook, sessionDays, Timed(ModelRulebooks.All[rulebook], Annuities[rulebook], all, Math.Min(opening.Length, length), daysBefore, trainingDay, [.. openingSteps, .. steps], whens));

    /// <summary>Random runs; a failing run shrinks by dropping commands.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ModelRun> Runs() => Arb.From(RunGen, Shrink);

    private static IEnumerable<ModelRun> Shrink(ModelRun run)
    {
        var commands = run.Commands;
        for (int size = commands.Length / 2; size >= 1; size /= 2)
        {
            for (int start = 0; start + size <= commands.Length; start += size)
            {
                yield return run with { Commands = [.. commands[..start], .. commands[(start + size)..]] };
            }
        }
    }
}
