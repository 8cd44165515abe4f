using System.Text.Json;
using Pimex.Admission;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.Evaluation;

/// <summary>
/// The evaluation of one edition: participants, training against the commitment, deliverables,
/// the budget per line with its funding breakdown, promotion support, cost per completed
/// participant and satisfaction. A pure function of the edition, its participants and its
/// rulebook (<see cref="Create"/>); immutable, with value equality.
/// </summary>
/// <remarks>
/// <para>Every rate is a <see cref="Rate"/> in [0, 1] (0 when its denominator is zero); every
/// amount is <see cref="Money"/> in the edition's currency. The budget figures are the ledger's,
/// so the report's totals are the ledger's totals.</para>
/// <para><see cref="ToJson"/> writes the stable field names of <c>docs/evaluation.md</c>;
/// <see cref="ToText()"/> renders plain-text tables in the rulebook's language, <see cref="ToText(ReportLanguage)"/> in another.</para>
/// </remarks>
/// <param name="Edition">The edition.</param>
/// <param name="EditionVersion">The version of the edition's stream the report reflects.</param>
/// <param name="RulesDate">The date whose rules the edition applies.</param>
/// <param name="Currency">The edition's currency.</param>
/// <param name="Participants">How many took part, and how they left.</param>
/// <param name="Training">Sessions, tutorials, pills and consultancy against the commitment.</param>
/// <param name="Deliverables">SWOT analyses and roadmaps.</param>
/// <param name="Budget">The budget lines, their totals and the funding breakdown.</param>
/// <param name="Support">Promotion support granted.</param>
/// <param name="CostPerCompletedParticipant">The edition's total spend over participants completed, rounded to the cent; null when nobody completed.</param>
/// <param name="Satisfaction">The satisfaction survey.</param>
public sealed partial record EditionReport(
    EditionId Edition,
    long EditionVersion,
    LocalDate RulesDate,
    Currency Currency,
    ParticipantCounts Participants,
    TrainingFigures Training,
    DeliverableFigures Deliverables,
    BudgetFigures Budget,
    SupportFigures Support,
    Money? CostPerCompletedParticipant,
    SatisfactionFigures Satisfaction)
{
    /// <summary>The widest survey scale a report accepts, in scores (the distribution has one entry per score).</summary>
    public const int MaxScalePoints = 1001;

    /// <summary>
    /// Evaluates an edition in one pass over its participants, keeping no per-participant data
    /// (only counters, sums and the score distribution), so that it scales to any number of
    /// participants.
    /// </summary>
    /// <param name="edition">The edition.</param>
    /// <param name="participants">
    /// Every participant of the edition, each once, in any order; enumerated once. Each must be
    /// of the edition and their number must be the edition's: a participant missing or given in
    /// addition is detected, one given twice in place of another is not (that would take a
    /// second pass over the edition's participants or a set of their ids, which the report
    /// avoids so that it stays one streaming pass).
    /// </param>
    /// <param name="rulebook">The edition's rulebook: the funding rates, cap and survey scale in force on <see cref="Edition.RulesDate"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">
    /// The rulebook is not the edition's or has no rules in force on its date; a participant
    /// belongs to another edition; the number of participants is not the edition's; a survey
    /// score lies outside the scale.
    /// </exception>
    public static EditionReport Create(Edition edition, IEnumerable<Participant> participants, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(rulebook);
        var found = edition.RulesFrom(rulebook);
        if (!found.IsSuccess)
        {
            throw new ArgumentException(string.Join(" ", found.ValidationErrors.Select(e => e.ErrorMessage)), nameof(rulebook));
        }

        var rules = found.Value;
        // A loaded rulebook's scale runs upwards (PIMEX-RB-015 otherwise): only its width is checked here.
        if (rules.Survey.ScaleMax - rules.Survey.ScaleMin >= MaxScalePoints)
        {
            throw new ArgumentException($"The survey scale {rules.Survey.ScaleMin} to {rules.Survey.ScaleMax} is not a scale of at most {MaxScalePoints} scores.", nameof(rulebook));
        }

        var currency = edition.Ledger.Actions.Allocated.Currency;
        var tally = new Tally(rules.Survey, currency);
        foreach (var participant in participants)
        {
            if (participant is null || participant.Id.Edition != edition.Id)
            {
                throw new ArgumentException($"{participant?.Id.ToString() ?? "null"} is not a participant of {edition.Id}.", nameof(participants));
            }

            if (tally.Add(participant) is { } outOfScale)
            {
                throw new ArgumentException(outOfScale, nameof(participants));
            }
        }

        if (tally.Admitted != edition.AdmittedCount)
        {
            throw new ArgumentException($"{tally.Admitted} participants were given, but {edition.Id} admitted {edition.AdmittedCount}: give each of them once.", nameof(participants));
        }

        var budget = BudgetOf(edition.Ledger, rules.Funding, currency);
        var on = edition.RulesDate;
        var language = rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(on, out var code) && ReportLanguage.TryFromCode(code, out var named) ? named : ReportLanguage.English;
        var labels = rulebook.Get(Parameters.ReportLabels).TryGetValue(on, out var named2) ? named2 : default;
        var indicators = rulebook.Get(Parameters.CommonIndicators).TryGetValue(on, out var set) ? tally.Indicators(set) : null;
        return new EditionReport(
            edition.Id,
            edition.Version,
            edition.RulesDate,
            currency,
            tally.Counts(edition.Annuity.Capacity),
            tally.Training(edition.Sessions.Count),
            tally.Deliverables(),
            budget,
            tally.Support(rules.Promotion.CapPerCompany),
            tally.Completed == 0 ? null : Money.Of(budget.Total.Spent.Amount / tally.Completed, currency),
            tally.Satisfaction())
        {
            Language = language,
            Labels = labels,
            Indicators = indicators,
        };
    }

    /// <summary>The report as indented JSON with the stable camelCase field names of <c>docs/evaluation.md</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReportFormat.Json(WriteJson);

    internal static BudgetFigures BudgetOf(BudgetLedger ledger, FundingRules funding, Currency currency)
    {
        var lines = new BudgetLineFigures[3];
        var zero = Money.Zero(currency);
        Money allocated = zero, reserved = zero, spent = zero, released = zero, available = zero;
        int i = 0;
        foreach (var balance in ledger.Lines)
        {
            lines[i++] = new BudgetLineFigures(
                balance.Line,
                balance.Allocated,
                balance.Reserved,
                balance.Spent,
                balance.Released,
                balance.Available,
                balance.ExecutionRate,
                FundingBreakdown.Split(balance.Spent, funding.For(balance.Line)));
            allocated += balance.Allocated;
            reserved += balance.Reserved;
            spent += balance.Spent;
            released += balance.Released;
            available += balance.Available;
        }

        var total = new BudgetTotals(allocated, reserved, spent, released, available, Rate.Ratio(spent.Amount, allocated.Amount));
        var funds = FundingBreakdown.Totals(lines.Select(l => l.Funding), currency);
        return new BudgetFigures(new EquatableArray<BudgetLineFigures>(lines), total, funds);
    }

    private void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("edition", Edition.ToString());
        w.WriteString("rulebook", Edition.RulebookId);
        w.WriteNumber("year", Edition.Year);
        w.WriteNumber("editionVersion", EditionVersion);
        w.WriteDate("rulesDate", RulesDate);
        if (AsOf is { } asOf)
        {
            w.WriteDate("asOf", asOf);
        }
        else
        {
            w.WriteNull("asOf");
        }

        w.WriteString("language", Language.Code);
        w.WriteString("currency", Currency.Code);

        ReportJson.Write(w, "participants", Participants, ReportJson.Default.ParticipantCounts);
        ReportJson.Write(w, "training", Training, ReportJson.Default.TrainingFigures);
        ReportJson.Write(w, "deliverables", Deliverables, ReportJson.Default.DeliverableFigures);

        w.WriteStartObject("budget");
        w.WriteStartArray("lines");
        foreach (var line in Budget.Lines)
        {
            w.WriteStartObject();
            w.WriteString("line", ReportFormat.Name(line.Line));
            WriteBalance(w, line.Balance);
            w.WriteStartArray("funding");
            foreach (var share in line.Funding)
            {
                JsonSerializer.Serialize(w, share, ReportJson.Default.FundAmount);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ReportJson.Write(w, "total", Budget.Total, ReportJson.Default.BudgetTotals);
        w.WriteStartArray("funds");
        foreach (var fund in Budget.Funds)
        {
            JsonSerializer.Serialize(w, fund, ReportJson.Default.FundTotal);
        }

        w.WriteEndArray();
        w.WriteEndObject();

        ReportJson.Write(w, "support", Support, ReportJson.Default.SupportFigures);
        w.WriteMoney("costPerCompletedParticipant", CostPerCompletedParticipant);

        w.WriteStartObject("satisfaction");
        w.WriteNumber("scaleMin", Satisfaction.ScaleMin);
        w.WriteNumber("scaleMax", Satisfaction.ScaleMax);
        w.WriteNumber("responses", Satisfaction.Responses);
        w.WriteRate("responseRate", Satisfaction.ResponseRate);
        w.WriteNumber("mean", Satisfaction.Mean);
        w.WriteNumber("median", Satisfaction.Median);
        w.WriteStartArray("distribution");
        foreach (var score in Satisfaction.Distribution)
        {
            JsonSerializer.Serialize(w, score, ReportJson.Default.ScoreCount);
        }

        w.WriteEndArray();
        w.WriteStartArray("questions");
        foreach (var question in Satisfaction.Questions)
        {
            w.WriteStartObject();
            w.WriteString("question", question.Question);
            w.WriteString("label", Label(question.Question, Language));
            w.WriteNumber("responses", question.Responses);
            w.WriteNumber("mean", question.Mean);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        WriteIndicators(w);
        w.WriteEndObject();
    }

    private void WriteIndicators(Utf8JsonWriter w)
    {
        if (Indicators is null)
        {
            w.WriteNull("indicators");
            return;
        }

        w.WriteStartObject("indicators");
        w.WriteString("period", Indicators.Set.Period);
        if (Indicators.Set.Reference is null)
        {
            w.WriteNull("reference");
        }
        else
        {
            w.WriteString("reference", Indicators.Set.Reference);
        }

        w.WriteStartArray("counts");
        foreach (var count in Indicators.Counts)
        {
            w.WriteStartObject();
            w.WriteString("code", count.Code);
            if (count.Size is { } size)
            {
                w.WriteString("sizeClass", IndicatorFigures.SizeName(size));
            }
            else
            {
                w.WriteNull("sizeClass");
            }

            w.WriteNumber("enterprises", count.Enterprises);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBalance(Utf8JsonWriter w, BudgetTotals b)
    {
        w.WriteMoney("allocated", b.Allocated);
        w.WriteMoney("reserved", b.Reserved);
        w.WriteMoney("spent", b.Spent);
        w.WriteMoney("released", b.Released);
        w.WriteMoney("available", b.Available);
        w.WriteRate("executionRate", b.ExecutionRate);
    }

    /// <summary>The running counters of the single pass over participants.</summary>
    private sealed class Tally
    {
        private readonly SurveyRules scale;
        private readonly int[] scores;
        private readonly Dictionary<string, (long Sum, int Count)> questions = new(StringComparer.Ordinal);
        private readonly Money zero;
        private int active;
        private int withdrawn;
        private int excluded;
        private int sessionsCommitted;
        private int sessionsAttended;
        private int sessionsTowardsCommitment;
        private int tutorialsCommitted;
        private int tutorialsHeld;
        private int tutorialsTowardsCommitment;
        private int pills;
        private decimal consultancyHours;
        private int swotSubmitted;
        private int swotAccepted;
        private int roadmapSubmitted;
        private int roadmapAccepted;
        private Money supportTotal;
        private Money supportMax;
        private int supported;
        private int reachedCap;
        private int responses;
        private long scoreSum;
        private int nonFinancial;
        private readonly int[] bySize = new int[4];

        public Tally(SurveyRules scale, Currency currency)
        {
            this.scale = scale;
            scores = new int[scale.ScaleMax - scale.ScaleMin + 1];
            zero = Money.Zero(currency);
            supportTotal = zero;
            supportMax = zero;
        }

        public int Admitted { get; private set; }

        public int Completed { get; private set; }

        /// <summary>Counts one participant.</summary>
        /// <returns>Null, or why its survey answer cannot be counted (a score outside the scale).</returns>
        public string? Add(Participant p)
        {
            Admitted++;
            switch (p.Status)
            {
                case ParticipantStatus.Completed: Completed++; break;
                case ParticipantStatus.Withdrawn: withdrawn++; break;
                case ParticipantStatus.Excluded: excluded++; break;
                default: active++; break;
            }

            var commitment = p.Terms.Commitment;
            sessionsCommitted += commitment.GroupSessions;
            sessionsAttended += p.SessionsAttended.Count;
            sessionsTowardsCommitment += Math.Min(p.SessionsAttended.Count, commitment.GroupSessions);
            tutorialsCommitted += commitment.Tutorials;
            tutorialsHeld += p.Tutorials.Count;
            tutorialsTowardsCommitment += Math.Min(p.Tutorials.Count, commitment.Tutorials);
            pills += p.Pills.Count;
            consultancyHours += p.ConsultancyHours;
            swotSubmitted += p.Swot.Versions.Count > 0 ? 1 : 0;
            swotAccepted += p.Swot.IsAccepted ? 1 : 0;
            roadmapSubmitted += p.Roadmap.Versions.Count > 0 ? 1 : 0;
            roadmapAccepted += p.Roadmap.IsAccepted ? 1 : 0;

            var granted = p.SupportGranted;
            supportTotal += granted;
            supportMax = Money.Max(supportMax, granted);
            supported += granted.IsPositive ? 1 : 0;
            reachedCap += p.ReachedCap ? 1 : 0;
            nonFinancial += p.SessionsAttended.Count > 0 || p.Tutorials.Count > 0 || p.Pills.Count > 0 || p.ConsultancyHours > 0 || p.Technician is not null ? 1 : 0;
            bySize[Math.Clamp((int)p.Terms.SizeClass, 0, 3)]++;

            return p.Survey is { } answer ? Count(p, answer) : null;
        }

        public ParticipantCounts Counts(int capacity) =>
            new(capacity, Admitted, active, Completed, withdrawn, excluded, Rate.Ratio(Completed, Admitted));

        public IndicatorFigures Indicators(IndicatorSet set) => IndicatorFigures.Count(set, Admitted, bySize, supported, nonFinancial);

        public TrainingFigures Training(int sessionsScheduled) => new(
            sessionsScheduled,
            sessionsCommitted,
            sessionsAttended,
            Rate.Ratio(sessionsTowardsCommitment, sessionsCommitted),
            tutorialsCommitted,
            tutorialsHeld,
            Rate.Ratio(tutorialsTowardsCommitment, tutorialsCommitted),
            pills,
            consultancyHours);

        public DeliverableFigures Deliverables() => new(
            swotSubmitted,
            swotAccepted,
            Rate.Ratio(swotAccepted, Admitted),
            roadmapSubmitted,
            roadmapAccepted,
            Rate.Ratio(roadmapAccepted, Admitted));

        public SupportFigures Support(Money cap) => new(
            cap,
            supportTotal,
            Admitted == 0 ? zero : Money.Of(supportTotal.Amount / Admitted, zero.Currency),
            supportMax,
            supported,
            reachedCap);

        public SatisfactionFigures Satisfaction()
        {
            var distribution = new ScoreCount[scores.Length];
            for (int i = 0; i < scores.Length; i++)
            {
                distribution[i] = new ScoreCount(scale.ScaleMin + i, scores[i]);
            }

            var byQuestion = new List<QuestionFigures>(questions.Count);
            foreach (var (question, (sum, count)) in questions)
            {
                byQuestion.Add(new QuestionFigures(question, count, SatisfactionFigures.MeanOf(sum, count)));
            }

            return SatisfactionFigures.Of(scale, responses, Admitted, scoreSum, distribution, byQuestion);
        }

        private string? Count(Participant p, SurveyAnswer answer)
        {
            if (OutOfScale(p, null, answer.Overall) is { } problem)
            {
                return problem;
            }

            scores[answer.Overall - scale.ScaleMin]++;
            scoreSum += answer.Overall;
            responses++;
            if (answer.Questions.Count == 0)
            {
                return null;
            }

            foreach (var (question, score) in answer.Questions)
            {
                if (OutOfScale(p, question, score) is { } wrong)
                {
                    return wrong;
                }

                var (sum, count) = questions.TryGetValue(question, out var q) ? q : default;
                questions[question] = (sum + score, count + 1);
            }

            return null;
        }

        private string? OutOfScale(Participant p, string? question, int score) =>
            score >= scale.ScaleMin && score <= scale.ScaleMax
                ? null
                : $"{p.Id} scored {(question is null ? "overall" : "question " + question)} {score}, outside the survey scale {scale.ScaleMin} to {scale.ScaleMax}.";
    }
}
