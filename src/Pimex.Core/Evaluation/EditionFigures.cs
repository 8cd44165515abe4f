using Pimex.Editions;
using Pimex.Rulebooks;

namespace Pimex.Evaluation;

/// <summary>
/// How many companies took part in an edition and how they left it. Every admitted participant
/// is in exactly one of active, completed, withdrawn or excluded.
/// </summary>
/// <param name="Capacity">How many companies the annuity admits at most.</param>
/// <param name="Admitted">Participants admitted: every participant of the edition, whatever its status.</param>
/// <param name="Active">Participants not yet completed, withdrawn or excluded (status admitted or in training).</param>
/// <param name="Completed">Participants that completed the programme.</param>
/// <param name="Withdrawn">Participants that withdrew.</param>
/// <param name="Excluded">Participants the programme manager excluded.</param>
/// <param name="CompletionRate">Completed over admitted; 0 when nobody was admitted.</param>
public sealed record ParticipantCounts(int Capacity, int Admitted, int Active, int Completed, int Withdrawn, int Excluded, Rate CompletionRate);

/// <summary>Training against the commitment each participant signed (its terms).</summary>
/// <param name="GroupSessionsScheduled">Group sessions the edition scheduled.</param>
/// <param name="GroupSessionsCommitted">The sum over participants of the group sessions each committed to attend.</param>
/// <param name="GroupSessionsAttended">Attendances recorded at group sessions, in total (a participant may attend more than it committed to).</param>
/// <param name="AttendanceRate">
/// Attendance against the commitment: the sum over participants of min(sessions attended,
/// sessions committed), over <paramref name="GroupSessionsCommitted"/>. Every admitted
/// participant counts, withdrawn and excluded ones too: the rate measures how much of the
/// signed commitment was met. Sessions beyond a participant's commitment do not raise it, so it
/// lies in [0, 1]; 0 when nothing was committed.
/// </param>
/// <param name="TutorialsCommitted">The sum over participants of the tutorials each committed to host.</param>
/// <param name="TutorialsHeld">Tutorials held, in total.</param>
/// <param name="TutorialRate">Like the attendance rate: the sum of min(tutorials held, committed) over <paramref name="TutorialsCommitted"/>.</param>
/// <param name="TrainingPillsAttended">Training pills attended, in total.</param>
/// <param name="ConsultancyHours">Hours of senior-consultant advice, in total.</param>
public sealed record TrainingFigures(
    int GroupSessionsScheduled,
    int GroupSessionsCommitted,
    int GroupSessionsAttended,
    Rate AttendanceRate,
    int TutorialsCommitted,
    int TutorialsHeld,
    Rate TutorialRate,
    int TrainingPillsAttended,
    decimal ConsultancyHours);

/// <summary>The SWOT analyses and international roadmaps: both are required to complete.</summary>
/// <param name="SwotSubmitted">Participants that submitted at least one version of their SWOT analysis.</param>
/// <param name="SwotAccepted">Participants whose SWOT analysis is accepted.</param>
/// <param name="SwotCompletionRate">SWOT analyses accepted over participants admitted.</param>
/// <param name="RoadmapSubmitted">Participants that submitted at least one version of their roadmap.</param>
/// <param name="RoadmapAccepted">Participants whose roadmap is accepted.</param>
/// <param name="RoadmapCompletionRate">Roadmaps accepted over participants admitted.</param>
public sealed record DeliverableFigures(
    int SwotSubmitted,
    int SwotAccepted,
    Rate SwotCompletionRate,
    int RoadmapSubmitted,
    int RoadmapAccepted,
    Rate RoadmapCompletionRate);

/// <summary>
/// One budget line, as the edition's ledger holds it (allocated = reserved + spent + available,
/// to the cent), and what each fund pays of its spend.
/// </summary>
/// <param name="Line">The line.</param>
/// <param name="Allocated">The annuity's allocation.</param>
/// <param name="Reserved">Reserved for participants and not yet spent.</param>
/// <param name="Spent">Spent.</param>
/// <param name="Released">Released back from reservations (a running total).</param>
/// <param name="Available">Neither reserved nor spent.</param>
/// <param name="ExecutionRate">Spent over allocated; 0 for a line allocated nothing.</param>
/// <param name="Funding">Each fund's share of <paramref name="Spent"/> at the rulebook's co-financing rate; the shares add up to the spend, to the cent.</param>
public sealed record BudgetLineFigures(
    BudgetLine Line,
    Money Allocated,
    Money Reserved,
    Money Spent,
    Money Released,
    Money Available,
    Rate ExecutionRate,
    EquatableArray<FundAmount> Funding)
{
    /// <summary>The line's balance alone, in the shape of <see cref="BudgetTotals"/>.</summary>
    internal BudgetTotals Balance => new(Allocated, Reserved, Spent, Released, Available, ExecutionRate);
}

/// <summary>The three budget lines added up.</summary>
/// <param name="Allocated">The edition's budget.</param>
/// <param name="Reserved">Reserved, all lines.</param>
/// <param name="Spent">Spent, all lines.</param>
/// <param name="Released">Released, all lines.</param>
/// <param name="Available">Available, all lines.</param>
/// <param name="ExecutionRate">Spent over allocated.</param>
public sealed record BudgetTotals(Money Allocated, Money Reserved, Money Spent, Money Released, Money Available, Rate ExecutionRate);

/// <summary>The edition's budget: each line, the totals, and what each fund pays of the spend.</summary>
/// <param name="Lines">The lines: actions, training, consultancy.</param>
/// <param name="Total">The lines added up.</param>
/// <param name="Funds">Each fund's share of the total spend, over every line (adds up to <see cref="BudgetTotals.Spent"/>, to the cent).</param>
public sealed record BudgetFigures(EquatableArray<BudgetLineFigures> Lines, BudgetTotals Total, EquatableArray<FundTotal> Funds);

/// <summary>Promotion support granted to the participants (the actions line's spend).</summary>
/// <param name="CapPerCompany">The rulebook's cap per company in force for the edition.</param>
/// <param name="Total">The sum of every participant's support granted.</param>
/// <param name="Mean">The total over participants admitted, rounded to the cent; zero when nobody was admitted.</param>
/// <param name="Max">The most support granted to one participant; zero when nobody was admitted.</param>
/// <param name="Supported">Participants granted some support.</param>
/// <param name="ReachedCap">Participants whose support reached their cap.</param>
public sealed record SupportFigures(Money CapPerCompany, Money Total, Money Mean, Money Max, int Supported, int ReachedCap);

/// <summary>How many answers gave one overall score.</summary>
/// <param name="Score">The score.</param>
/// <param name="Count">How many participants gave it.</param>
public sealed record ScoreCount(int Score, int Count);

/// <summary>The answers to one optional question of the survey.</summary>
/// <param name="Question">The question's id.</param>
/// <param name="Responses">How many participants scored it.</param>
/// <param name="Mean">Their mean score, rounded to two decimals.</param>
public sealed record QuestionFigures(string Question, int Responses, decimal Mean);

/// <summary>The satisfaction survey: one answer per participant, on the rulebook's scale.</summary>
/// <param name="ScaleMin">The lowest score of the scale (0 in Extremadura).</param>
/// <param name="ScaleMax">The highest score of the scale (10).</param>
/// <param name="Responses">Participants that answered.</param>
/// <param name="ResponseRate">Responses over participants admitted.</param>
/// <param name="Mean">The mean overall score, rounded to two decimals half away from zero; null without responses.</param>
/// <param name="Median">The median overall score (the mean of the two middle scores for an even number of responses), computed from the distribution; null without responses.</param>
/// <param name="Distribution">How many answers gave each overall score, one entry per score of the scale, lowest first.</param>
/// <param name="Questions">Each optional question answered, by id in ordinal order.</param>
public sealed record SatisfactionFigures(
    int ScaleMin,
    int ScaleMax,
    int Responses,
    Rate ResponseRate,
    decimal? Mean,
    decimal? Median,
    EquatableArray<ScoreCount> Distribution,
    EquatableArray<QuestionFigures> Questions)
{
    /// <summary>
    /// The figures from the counts of one pass over the answers (the report's and the tally's
    /// one home for the mean, the median and the order of the questions).
    /// </summary>
    internal static SatisfactionFigures Of(SurveyRules scale, int responses, int admitted, long scoreSum, ScoreCount[] distribution, List<QuestionFigures> byQuestion)
    {
        byQuestion.Sort((a, b) => string.CompareOrdinal(a.Question, b.Question));
        return new SatisfactionFigures(
            scale.ScaleMin,
            scale.ScaleMax,
            responses,
            Rate.Ratio(responses, admitted),
            responses == 0 ? null : MeanOf(scoreSum, responses),
            MedianOf(distribution, responses),
            new EquatableArray<ScoreCount>(distribution),
            new EquatableArray<QuestionFigures>(byQuestion));
    }

    /// <summary>A mean of scores, to two decimals.</summary>
    internal static decimal MeanOf(long sum, int count) =>
        decimal.Round((decimal)sum / count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The median from the counts: the middle score, or the mean of the two middle ones.</summary>
    private static decimal? MedianOf(ScoreCount[] distribution, int responses)
    {
        if (responses == 0)
        {
            return null;
        }

        int lowRank = (responses - 1) / 2;
        int highRank = responses / 2;
        int? low = null;
        long seen = 0;
        foreach (var (score, count) in distribution)
        {
            seen += count;
            if (low is null && seen > lowRank)
            {
                low = score;
            }

            if (seen > highRank)
            {
                return (low!.Value + score) / 2m;
            }
        }

        throw new InvalidOperationException("The distribution holds fewer answers than were counted.");
    }
}
