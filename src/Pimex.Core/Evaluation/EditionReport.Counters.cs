using Pimex.Admission;
using Pimex.Editions;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.Evaluation;

/// <content>The counters a report is made of, and the one place a report is made from them.</content>
public sealed partial record EditionReport
{
    /// <summary>
    /// The counters of a report: filled by one pass over the participants (<see cref="Create"/>)
    /// or from the sums a tally keeps (<see cref="EditionTally.ToReport"/>), then turned into the
    /// report by <see cref="Report"/>, so that both ways make the same report the same way.
    /// </summary>
    internal sealed class Counters
    {
        private readonly EditionId edition;
        private readonly LocalDate rulesDate;
        private readonly Rulebook rulebook;
        private readonly RuleSet rules;
        private readonly int[] scores;
        private readonly Dictionary<string, (long Sum, int Count)> questions = new(StringComparer.Ordinal);
        private readonly int[] bySize = new int[4];
        private readonly Money zero;
        private int admitted;
        private int completed;
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

        private Counters(EditionId edition, LocalDate rulesDate, Rulebook rulebook, RuleSet rules, Currency currency)
        {
            this.edition = edition;
            this.rulesDate = rulesDate;
            this.rulebook = rulebook;
            this.rules = rules;
            scores = new int[Scale.ScaleMax - Scale.ScaleMin + 1];
            zero = Money.Zero(currency);
            supportTotal = zero;
            supportMax = zero;
        }

        private SurveyRules Scale => rules.Survey;

        /// <summary>
        /// Empty counters for an edition, with the rules it applies: Invalid when the rulebook is
        /// not the edition's (<see cref="EditionErrors.WrongEdition"/>), has no rules in force on
        /// its date, or has a survey scale wider than a report counts
        /// (<see cref="EvaluationErrors.ScaleTooWide"/>).
        /// </summary>
        public static Result<Counters> Start(EditionId edition, LocalDate rulesDate, Currency currency, Rulebook rulebook)
        {
            ArgumentNullException.ThrowIfNull(rulebook);
            var found = Editions.Edition.RulesOf(edition, rulesDate, rulebook, ReportLanguage.English);
            if (!found.IsSuccess)
            {
                return Result.Invalid(found.ValidationErrors);
            }

            // A loaded rulebook's scale runs upwards (PIMEX-RB-015 otherwise): only its width is checked here.
            var scale = found.Value.Survey;
            if (scale.ScaleMax - scale.ScaleMin >= MaxScalePoints)
            {
                return Result.Invalid(Refusal("rulebook", EvaluationErrors.ScaleTooWide, scale.ScaleMin, scale.ScaleMax, MaxScalePoints));
            }

            return new Counters(edition, rulesDate, rulebook, found.Value, currency);
        }

        /// <summary>
        /// Counts every participant of an edition, in one pass: Invalid when one is of another
        /// edition (<see cref="EditionErrors.WrongEdition"/>), scored outside the survey scale, or
        /// when they are not as many as the edition admitted.
        /// </summary>
        /// <exception cref="ArgumentException">A participant is null.</exception>
        public Result<Counters> Count(Edition of, IEnumerable<Participant> participants)
        {
            foreach (var participant in participants)
            {
                if (participant is null)
                {
                    throw new ArgumentException($"null is not a participant of {of.Id}.", nameof(participants));
                }

                if (participant.Id.Edition != of.Id)
                {
                    return Result.Invalid(Refusal("participants", EditionErrors.WrongEdition + ".participant", participant.Id, of.Id));
                }

                if (Add(participant) is { } outOfScale)
                {
                    return Result.Invalid(outOfScale);
                }
            }

            return admitted == of.AdmittedCount
                ? this
                : Result.Invalid(Refusal("participants", EvaluationErrors.ParticipantsNotTheEditions, admitted, of.Id, of.AdmittedCount));
        }

        /// <summary>
        /// Takes the sums a tally keeps: Invalid when it is not whole (<see cref="EditionTally.IsWhole"/>)
        /// or counted an overall score outside the survey scale.
        /// </summary>
        public Result<Counters> Count(EditionTally tally)
        {
            if (!tally.IsWhole)
            {
                return Result.Invalid(Refusal("participants", EvaluationErrors.ParticipantsNotTheEditions + ".tally", tally.Admitted, tally.Edition, tally.CompaniesAdmitted));
            }

            foreach (var (score, count) in tally.Scores)
            {
                bool inScale = score >= Scale.ScaleMin && score <= Scale.ScaleMax;
                if (count > 0 && !inScale)
                {
                    return Result.Invalid(Refusal("participants", EvaluationErrors.ScoreOutsideScale + ".tally", tally.Edition, score, Scale.ScaleMin, Scale.ScaleMax));
                }

                if (inScale)
                {
                    scores[score - Scale.ScaleMin] = count;
                }
            }

            foreach (var (question, count) in tally.QuestionCounts)
            {
                if (count > 0)
                {
                    questions[question] = (tally.QuestionSums.TryGetValue(question, out var sum) ? sum : 0L, count);
                }
            }

            for (int i = 0; i < bySize.Length; i++)
            {
                bySize[i] = tally.BySize.TryGetValue((SizeClass)i, out var n) ? n : 0;
            }

            admitted = tally.Admitted;
            completed = tally.Completed;
            active = tally.Active;
            withdrawn = tally.Withdrawn;
            excluded = tally.Excluded;
            sessionsCommitted = tally.SessionsCommitted;
            sessionsAttended = tally.SessionsAttended;
            sessionsTowardsCommitment = tally.SessionsTowardsCommitment;
            tutorialsCommitted = tally.TutorialsCommitted;
            tutorialsHeld = tally.TutorialsHeld;
            tutorialsTowardsCommitment = tally.TutorialsTowardsCommitment;
            pills = tally.Pills;
            consultancyHours = tally.ConsultancyHours;
            swotSubmitted = tally.SwotSubmitted;
            swotAccepted = tally.SwotAccepted;
            roadmapSubmitted = tally.RoadmapSubmitted;
            roadmapAccepted = tally.RoadmapAccepted;
            supportTotal = tally.SupportTotal;
            supportMax = tally.SupportMax;
            supported = tally.Supported;
            reachedCap = tally.ReachedCap;
            nonFinancial = tally.NonFinancial;
            responses = tally.Responses;
            scoreSum = tally.ScoreSum;
            return this;
        }

        /// <summary>The report of the counters, with the edition's own figures.</summary>
        /// <param name="version">The version of the edition's stream.</param>
        /// <param name="capacity">The edition's seats.</param>
        /// <param name="sessionsScheduled">Group sessions scheduled.</param>
        /// <param name="ledger">The edition's budget ledger.</param>
        public EditionReport Report(long version, int capacity, int sessionsScheduled, BudgetLedger ledger)
        {
            var currency = zero.Currency;
            var budget = BudgetOf(ledger, rules.Funding, currency);
            var on = rulesDate;
            var language = rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(on, out var code) && ReportLanguage.TryFromCode(code, out var named) ? named : ReportLanguage.English;
            var labels = rulebook.Get(Parameters.ReportLabels).TryGetValue(on, out var named2) ? named2 : default;
            var indicators = rulebook.Get(Parameters.CommonIndicators).TryGetValue(on, out var set)
                ? IndicatorFigures.Count(set, admitted, bySize, supported, nonFinancial)
                : null;
            return new EditionReport(
                edition,
                version,
                rulesDate,
                currency,
                new ParticipantCounts(capacity, admitted, active, completed, withdrawn, excluded, Rate.Ratio(completed, admitted)),
                new TrainingFigures(
                    sessionsScheduled,
                    sessionsCommitted,
                    sessionsAttended,
                    Rate.Ratio(sessionsTowardsCommitment, sessionsCommitted),
                    tutorialsCommitted,
                    tutorialsHeld,
                    Rate.Ratio(tutorialsTowardsCommitment, tutorialsCommitted),
                    pills,
                    consultancyHours),
                new DeliverableFigures(swotSubmitted, swotAccepted, Rate.Ratio(swotAccepted, admitted), roadmapSubmitted, roadmapAccepted, Rate.Ratio(roadmapAccepted, admitted)),
                budget,
                new SupportFigures(
                    rules.Promotion.CapPerCompany,
                    supportTotal,
                    admitted == 0 ? zero : Money.Of(supportTotal.Amount / admitted, currency),
                    supportMax,
                    supported,
                    reachedCap),
                completed == 0 ? null : Money.Of(budget.Total.Spent.Amount / completed, currency),
                Satisfaction())
            {
                Language = language,
                Labels = labels,
                Indicators = indicators,
            };
        }

        /// <summary>A report's refusal, in English (a report has no command context).</summary>
        private static ValidationError Refusal(string identifier, string key, params object?[] args) =>
            DomainErrors.Refusal(ReportLanguage.English, identifier, key, args);

        /// <summary>Counts one participant; null, or why its survey answer cannot be counted (a score outside the scale).</summary>
        private ValidationError? Add(Participant p)
        {
            admitted++;
            switch (p.Status)
            {
                case ParticipantStatus.Completed: completed++; break;
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

        private ValidationError? Count(Participant p, SurveyAnswer answer)
        {
            if (OutOfScale(p, null, answer.Overall) is { } problem)
            {
                return problem;
            }

            scores[answer.Overall - Scale.ScaleMin]++;
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

        private ValidationError? OutOfScale(Participant p, string? question, int score) =>
            score >= Scale.ScaleMin && score <= Scale.ScaleMax
                ? null
                : question is null
                    ? Refusal("participants", EvaluationErrors.ScoreOutsideScale, p.Id, score, Scale.ScaleMin, Scale.ScaleMax)
                    : Refusal("participants", EvaluationErrors.ScoreOutsideScale + ".question", p.Id, question, score, Scale.ScaleMin, Scale.ScaleMax);

        private SatisfactionFigures Satisfaction()
        {
            var distribution = new ScoreCount[scores.Length];
            for (int i = 0; i < scores.Length; i++)
            {
                distribution[i] = new ScoreCount(Scale.ScaleMin + i, scores[i]);
            }

            var byQuestion = new List<QuestionFigures>(questions.Count);
            foreach (var (question, (sum, count)) in questions)
            {
                byQuestion.Add(new QuestionFigures(question, count, SatisfactionFigures.MeanOf(sum, count)));
            }

            return SatisfactionFigures.Of(Scale, responses, admitted, scoreSum, distribution, byQuestion);
        }
    }
}
