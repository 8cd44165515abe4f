using FsCheck;
using FsCheck.Fluent;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Funding;
using Pimex.Monetary;
using Pimex.Participation;

namespace Pimex.Tests.Evaluation;

/// <summary>How a generated participant stands at the end.</summary>
public enum ExitKind
{
    /// <summary>Still active.</summary>
    Active,

    /// <summary>Completed.</summary>
    Complete,

    /// <summary>Withdrew.</summary>
    Withdraw,

    /// <summary>Excluded.</summary>
    Exclude,
}

/// <summary>What one generated participant does; <see cref="EditionSpec.Build"/> turns it into events.</summary>
/// <param name="Sessions">Group sessions attended (at most those scheduled).</param>
/// <param name="Tutorials">Tutorials held.</param>
/// <param name="Pills">Training pills attended.</param>
/// <param name="Swot">0 not submitted, 1 returned, 2 accepted.</param>
/// <param name="Roadmap">0 not submitted, 1 returned, 2 accepted.</param>
/// <param name="GrantsInCents">Support grants, cut to what is left of the cap.</param>
/// <param name="ConsultancyHours">Hours of consultancy (at most 4, so 30 participants fit the 2016 line).</param>
/// <param name="Overall">The overall survey score, if it answered.</param>
/// <param name="Question">A score for one optional question, if any.</param>
/// <param name="Exit">How it ends.</param>
public sealed record ParticipantSpec(
    int Sessions,
    int Tutorials,
    int Pills,
    int Swot,
    int Roadmap,
    EquatableArray<long> GrantsInCents,
    int ConsultancyHours,
    int? Overall,
    int? Question,
    ExitKind Exit);

/// <summary>A generated edition of the 2016 annuity: up to its 30 participants, sessions, a training spend.</summary>
/// <param name="SessionsScheduled">Group sessions scheduled.</param>
/// <param name="TrainingSpendInCents">Spent directly on the training line (at most the line).</param>
/// <param name="Participants">The participants.</param>
public sealed record EditionSpec(int SessionsScheduled, long TrainingSpendInCents, EquatableArray<ParticipantSpec> Participants)
{
    /// <summary>Replays the events of the scenario into a consistent edition and participants.</summary>
    /// <returns>The edition and its participants.</returns>
    internal (Edition Edition, Participant[] Participants) Build() => Builder().Build();

    /// <summary>The scenario's events, stream by stream: the edition's, then each participant's.</summary>
    /// <returns>The builder holding the streams.</returns>
    internal EditionBuilder Builder()
    {
        var b = EditionBuilder.For2016().Sessions(SessionsScheduled);
        if (TrainingSpendInCents > 0)
        {
            b.Spend(BudgetLine.Training, TrainingSpendInCents / 100m);
        }

        for (int i = 0; i < Participants.Count; i++)
        {
            var spec = Participants[i];
            var p = b.Admit($"B{i:D7}").Attend(Math.Min(spec.Sessions, SessionsScheduled)).Tutorials(spec.Tutorials).Pills(spec.Pills);
            if (spec.Swot > 0)
            {
                p.Swot(accepted: spec.Swot == 2);
            }

            if (spec.Roadmap > 0)
            {
                p.Roadmap(accepted: spec.Roadmap == 2);
            }

            foreach (var cents in spec.GrantsInCents)
            {
                var grant = Money.Min(Money.FromMinorUnits(cents, Currency.EUR), p.ReservationLeft);
                if (grant.IsPositive)
                {
                    p.Grant(grant.Amount);
                }
            }

            if (spec.ConsultancyHours > 0)
            {
                p.Consult(spec.ConsultancyHours);
            }

            if (spec.Overall is { } overall)
            {
                if (spec.Question is { } question)
                {
                    p.Answer(overall, ("usefulness", question));
                }
                else
                {
                    p.Answer(overall);
                }
            }

            _ = spec.Exit switch
            {
                ExitKind.Complete => p.Complete(),
                ExitKind.Withdraw => p.Withdraw(),
                ExitKind.Exclude => p.Exclude(),
                _ => p,
            };
        }

        return b;
    }
}

/// <summary>A spend and the funds that share it, for the funding breakdown's law.</summary>
/// <param name="SpentInCents">The spend.</param>
/// <param name="Shares">One to four funds whose rates add up to 100 %.</param>
public sealed record FundingCase(long SpentInCents, EquatableArray<FundShare> Shares);

/// <summary>The generators of the evaluation's properties (FsCheck 3: Gen LINQ and ToArbitrary).</summary>
public static class EvaluationArbitraries
{
    private static readonly Gen<int?> Score =
        Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 10).Select(s => (int?)s)));

    private static readonly Gen<long> GrantInCents =
        Gen.Frequency((4, Gen.Choose(1, 100_000).Select(c => (long)c)), (1, Gen.Constant(250_000L)));

    private static readonly Gen<ParticipantSpec> Participant =
        from sessions in Gen.Choose(0, 5)
        from tutorials in Gen.Choose(0, 5)
        from pills in Gen.Choose(0, 2)
        from swot in Gen.Choose(0, 2)
        from roadmap in Gen.Choose(0, 2)
        from grantCount in Gen.Choose(0, 3)
        from grants in GrantInCents.ArrayOf(grantCount)
        from hours in Gen.Choose(0, 4)
        from overall in Score
        from question in Score
        from exit in Gen.Elements(ExitKind.Active, ExitKind.Complete, ExitKind.Withdraw, ExitKind.Exclude)
        select new ParticipantSpec(sessions, tutorials, pills, swot, roadmap, new EquatableArray<long>(grants), hours, overall, question, exit);

    /// <summary>Editions of the 2016 annuity with 0 to 30 participants.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<EditionSpec> Editions() =>
        (from scheduled in Gen.Choose(0, 5)
         from training in Gen.Choose(0, 500_000)
         from count in Gen.Choose(0, 30)
         from participants in Participant.ArrayOf(count)
         select new EditionSpec(scheduled, training, new EquatableArray<ParticipantSpec>(participants)))
        .ToArbitrary();

    /// <summary>Spends up to about EUR 86 million, split between one to four funds whose rates (in basis points) add up to 100 %.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FundingCase> FundingCases() =>
        (from spent in Gen.Frequency((3, Gen.Choose(0, 1_000)), (2, Gen.Choose(0, int.MaxValue)))
         from scale in Gen.Choose(1, 4)
         from funds in Gen.Choose(1, 4)
         from cuts in Gen.Choose(0, 10_000).ArrayOf(funds - 1)
         select new FundingCase(spent * (long)scale, Shares(cuts)))
        .ToArbitrary();

    private static EquatableArray<FundShare> Shares(int[] cuts)
    {
        var points = cuts.Append(0).Append(10_000).Order().ToArray();
        var shares = new List<FundShare>();
        for (int i = 1; i < points.Length; i++)
        {
            shares.Add(new FundShare("F" + i, Rate.FromFraction((points[i] - points[i - 1]) / 10_000m)));
        }

        return shares.Exists(s => s.Rate > Rate.Zero)
            ? new EquatableArray<FundShare>(shares)
            : throw new InvalidOperationException("The rates add up to 100 %: one is positive.");
    }
}
