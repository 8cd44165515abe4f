using Pimex.Rulebooks;

namespace Pimex.Participation;

/// <summary>The rule of a satisfaction survey answer, beside its error code (<see cref="ParticipationErrors"/>).</summary>
[RuleConcept("Satisfaction survey")]
internal static class SurveyAnswerRules
{
    /// <summary>
    /// The overall score and each question's score (in the order of the questions' codes) lie on
    /// the rulebook's scale: one error per score outside it.
    /// </summary>
    [Rule(ParticipationErrors.ScoreOutOfScale, "survey.scaleMin", "survey.scaleMax")]
    internal static void ScoresInScale(List<ValidationError> errors, ReportLanguage language, SurveyAnswer answer, SurveyRules scale)
    {
        InScale(errors, language, "overall", answer.Overall, scale);
        foreach (var (question, score) in answer.Questions.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            InScale(errors, language, "questions." + question, score, scale);
        }
    }

    private static void InScale(List<ValidationError> errors, ReportLanguage language, string field, int score, SurveyRules scale)
    {
        if (score < scale.ScaleMin || score > scale.ScaleMax)
        {
            errors.Add(DomainErrors.Refusal(language, field, ParticipationErrors.ScoreOutOfScale, score, scale.ScaleMin, scale.ScaleMax));
        }
    }
}
