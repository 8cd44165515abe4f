using FsCheck;
using FsCheck.Fluent;
using Pimex.Promotion;

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

/// <summary>A command of the model-based test, about company <c>C{Company}</c>.</summary>
/// <param name="Company">The company's index.</param>
public abstract record ModelCommand(int Company);

/// <summary>The company applies (on time, or five days after the window).</summary>
public sealed record Apply(int Company, ApplicantKind Kind, bool Late) : ModelCommand(Company);

/// <summary>The programme manager admits the company.</summary>
public sealed record Admit(int Company, bool Stale) : ModelCommand(Company);

/// <summary>Attendance at session S1 (40 seats), S2 (40), S3 (2), S4 (1), or S9 (not scheduled).</summary>
public sealed record Attend(int Company, int Session, Who Actor, bool Stale) : ModelCommand(Company);

/// <summary>A tutorial T0..T3, at the premises or not, in the training window or not.</summary>
public sealed record HoldTutorial(int Company, int Tutorial, bool AtPremises, bool InWindow, Who Actor) : ModelCommand(Company);

/// <summary>The company submits its SWOT analysis, complete or with an empty quadrant.</summary>
public sealed record SubmitSwot(int Company, bool Complete, Who Actor) : ModelCommand(Company);

/// <summary>Staff accept or return the SWOT analysis.</summary>
public sealed record ReviewSwot(int Company, bool Accept, Who Actor) : ModelCommand(Company);

/// <summary>The company submits its roadmap, valid or without objectives.</summary>
public sealed record SubmitRoadmap(int Company, bool Valid, Who Actor) : ModelCommand(Company);

/// <summary>Staff accept or return the roadmap.</summary>
public sealed record ReviewRoadmap(int Company, bool Accept, Who Actor) : ModelCommand(Company);

/// <summary>An expense claim K{Claim} for invoice I{Invoice} of supplier B{Supplier}.</summary>
public sealed record SubmitClaim(int Company, int Claim, int Invoice, int Supplier, long NetCents, long VatCents, bool VatRecoverable, string Category, bool InWindow, Who Actor, bool Stale) : ModelCommand(Company);

/// <summary>Staff verify claim K{Claim}, in May (before the model ceiling drops) or in October.</summary>
public sealed record VerifyClaim(int Company, int Claim, ClaimVerdict Verdict, PartialAmount Partial, bool BlankReason, bool InOctober, Who Actor, bool Stale) : ModelCommand(Company);

/// <summary>Senior-consultant advice: half-hours, charged to the consultancy line.</summary>
public sealed record RequestConsultancy(int Company, int HalfHours, Who Actor, bool Stale) : ModelCommand(Company);

/// <summary>The company withdraws.</summary>
public sealed record Withdraw(int Company, Who Actor, bool Stale) : ModelCommand(Company);

/// <summary>The company answers the satisfaction survey.</summary>
public sealed record AnswerSurvey(int Company, int Score, Who Actor) : ModelCommand(Company);

/// <summary>Staff record the company's completion.</summary>
public sealed record Complete(int Company, Who Actor) : ModelCommand(Company);

/// <summary>A direct spend on the training line (not about a company).</summary>
public sealed record SpendOnTraining(long Cents, Who Actor) : ModelCommand(0);

/// <summary>One random run: the rulebook (an index of <see cref="ModelRulebooks.All"/>) and the commands.</summary>
/// <param name="Rulebook">The rulebook's index.</param>
/// <param name="Commands">The commands, in order.</param>
public sealed record ModelRun(int Rulebook, ModelCommand[] Commands)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"rulebook {ModelRulebooks.All[Rulebook].Id}, {Commands.Length} commands:\n  " + string.Join("\n  ", Commands.Select(c => c.ToString()));
}

/// <summary>
/// FsCheck generators of model runs: up to 60 commands about six companies, most of them
/// plausible, many of them refused (wrong actor, stale version, broken rule).
/// </summary>
public static class ReliabilityArbitraries
{
    /// <summary>The companies the commands are about.</summary>
    public const int Companies = 6;

    /// <summary>The longest run.</summary>
    public const int MaxCommands = 60;

    private static readonly Gen<bool> StaleGen = Gen.Frequency((7, Gen.Constant(false)), (1, Gen.Constant(true)));

    private static readonly Gen<bool> MostlyTrue = Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)));

    private static Gen<Who> Mostly(Who usual) => Gen.Frequency((6, Gen.Constant(usual)), (1, Gen.Elements(Enum.GetValues<Who>())));

    /// <summary>Commands about the first <paramref name="companies"/> companies.</summary>
    private static Gen<ModelCommand> CommandGen(int companies)
    {
        var companyGen = Gen.Choose(0, companies - 1);
        return Gen.Frequency(
        (2, from c in companyGen
            from kind in Gen.Frequency((6, Gen.Constant(ApplicantKind.Sme)), (3, Gen.Elements(Enum.GetValues<ApplicantKind>())))
            from late in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (ModelCommand)new Apply(c, kind, late)),
        (2, from c in companyGen from stale in StaleGen select (ModelCommand)new Admit(c, stale)),
        (5, from c in companyGen
            from s in Gen.Frequency((8, Gen.Choose(1, 4)), (1, Gen.Constant(9)))
            from who in Mostly(Who.Technician)
            from stale in StaleGen
            select (ModelCommand)new Attend(c, s, who, stale)),
        (5, from c in companyGen
            from t in Gen.Choose(0, 3)
            from premises in MostlyTrue
            from inWindow in MostlyTrue
            from who in Gen.Frequency((4, Gen.Constant(Who.Technician)), (2, Gen.Constant(Who.Consultant)), (2, Gen.Elements(Enum.GetValues<Who>())))
            select (ModelCommand)new HoldTutorial(c, t, premises, inWindow, who)),
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
            from inWindow in MostlyTrue
            from who in Gen.Frequency((5, Gen.Constant(Who.Representative)), (1, Gen.Constant(Who.Technician)), (1, Gen.Elements(Enum.GetValues<Who>())))
            from stale in StaleGen
            select (ModelCommand)new SubmitClaim(c, claim, invoice, supplier, net, vat, recoverable, category, inWindow, who, stale)),
        (5, from c in companyGen
            from claim in Gen.Choose(0, 2)
            from verdict in Gen.Frequency((4, Gen.Constant(ClaimVerdict.ApprovedInFull)), (2, Gen.Constant(ClaimVerdict.ApprovedInPart)), (1, Gen.Constant(ClaimVerdict.Rejected)))
            from partial in Gen.Elements(Enum.GetValues<PartialAmount>())
            from blank in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
            from october in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
            from who in Gen.Frequency((5, Gen.Constant(Who.SecondTechnician)), (2, Gen.Constant(Who.Technician)), (1, Gen.Elements(Enum.GetValues<Who>())))
            from stale in StaleGen
            select (ModelCommand)new VerifyClaim(c, claim, verdict, partial, blank, october, who, stale)),
        (3, from c in companyGen
            from halfHours in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 12)), (1, Gen.Choose(13, 240)))
            from who in Mostly(Who.Representative)
            from stale in StaleGen
            select (ModelCommand)new RequestConsultancy(c, halfHours, who, stale)),
        (1, from c in companyGen from who in Mostly(Who.Representative) from stale in StaleGen select (ModelCommand)new Withdraw(c, who, stale)),
        (1, from c in companyGen from score in Gen.Choose(-1, 11) from who in Mostly(Who.Representative) select (ModelCommand)new AnswerSurvey(c, score, who)),
        (3, from c in companyGen from who in Mostly(Who.Technician) select (ModelCommand)new Complete(c, who)),
        (1, from cents in Gen.Frequency((1, Gen.Constant(0L)), (4, Gen.Choose(1, 60_000).Select(x => (long)x)), (1, Gen.Elements(100_000L, 500_000L, 500_001L)))
            from who in Mostly(Who.Manager)
            select (ModelCommand)new SpendOnTraining(cents, who)));
    }

    /// <summary>Most companies apply and are admitted first, so that the commands after find participants.</summary>
    private static Gen<ModelCommand[]> Opening(int companies) =>
        from joins in Gen.ArrayOf(
            Gen.Frequency(
                (5, from kind in Gen.Frequency((6, Gen.Constant(ApplicantKind.Sme)), (2, Gen.Elements(Enum.GetValues<ApplicantKind>())))
                    from late in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
                    select (ApplicantKind?)kind),
                (1, Gen.Constant<ApplicantKind?>(null))),
            companies)
        from late in Gen.Frequency((12, Gen.Constant(false)), (1, Gen.Constant(true)))
        select joins
            .SelectMany((kind, c) => kind is { } k ? new ModelCommand[] { new Apply(c, k, late && c == 0), new Admit(c, Stale: false) } : [])
            .ToArray();

    // Most runs are about two or three companies, so that each of them goes deep (training,
    // deliverables, claims, completion); some about all six, so that seats and lines run out.
    private static readonly Gen<ModelRun> RunGen =
        from rulebook in Gen.Choose(0, ModelRulebooks.All.Count - 1)
        from companies in Gen.Frequency((1, Gen.Constant(1)), (4, Gen.Constant(2)), (3, Gen.Constant(3)), (2, Gen.Constant(Companies)))
        from opening in Opening(companies)
        from length in Gen.Frequency((1, Gen.Choose(1, 20)), (3, Gen.Choose(21, MaxCommands)))
        from commands in Gen.ArrayOf(CommandGen(companies), Math.Max(length - opening.Length, 0))
        select new ModelRun(rulebook, [.. opening.Take(length), .. commands]);

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
