using System.Text;
using System.Text.Json;

namespace Pimex.Evaluation;

/// <summary>One edition's line of the programme report.</summary>
/// <param name="Year">The edition's year.</param>
/// <param name="Edition">The edition.</param>
/// <param name="Participants">Participants admitted that year.</param>
/// <param name="Completed">Participants that completed.</param>
/// <param name="CompletionRate">Completed over admitted.</param>
/// <param name="SatisfactionMean">The edition's mean overall satisfaction score; null without responses.</param>
/// <param name="Cumulative">Participants since the programme started: those before the data, plus every year up to this one.</param>
public sealed record ProgrammeYear(int Year, EditionId Edition, int Participants, int Completed, Rate CompletionRate, decimal? SatisfactionMean, int Cumulative);

/// <summary>
/// The programme across editions: participants per year and cumulative since the first
/// edition, with each year's completion and satisfaction. Built from edition reports, so it
/// holds no per-participant data; immutable, with value equality.
/// </summary>
/// <remarks>
/// Participants are participations: a company that took part in two editions counts twice,
/// as the edition reports hold no company ids. Years without an edition in the data are simply
/// absent.
/// </remarks>
/// <param name="RulebookId">The programme's rulebook (every edition's); null for a report of no edition.</param>
/// <param name="ParticipantsBefore">Participants of earlier editions not in the data, as the caller states them (the seed: "more than 500 companies since 2002").</param>
/// <param name="Years">One line per edition, by year.</param>
/// <param name="TotalParticipants">Participants since the programme started: <paramref name="ParticipantsBefore"/> plus every edition's.</param>
public sealed record ProgrammeReport(string? RulebookId, int ParticipantsBefore, EquatableArray<ProgrammeYear> Years, int TotalParticipants)
{
    /// <summary>The language of the editions' rulebook (that of the latest edition; English for a report of no edition); <see cref="ToText()"/> writes in it.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The programme report of some editions of one programme.</summary>
    /// <param name="editions">Edition reports of one rulebook, each edition once, in any order.</param>
    /// <param name="participantsBefore">Participants of earlier editions not in <paramref name="editions"/>; not negative.</param>
    /// <returns>
    /// The report; or Invalid for editions of several rulebooks (<see cref="EvaluationErrors.SeveralProgrammes"/>),
    /// an edition given twice (<see cref="EvaluationErrors.EditionGivenTwice"/>) or a negative
    /// <paramref name="participantsBefore"/> (<see cref="EvaluationErrors.NegativeParticipantsBefore"/>).
    /// </returns>
    /// <exception cref="ArgumentException">An edition report is null.</exception>
    public static Result<ProgrammeReport> Create(IEnumerable<EditionReport> editions, int participantsBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(editions);
        if (participantsBefore < 0)
        {
            return Result.Invalid(Refusal("participantsBefore", EvaluationErrors.NegativeParticipantsBefore, participantsBefore));
        }

        var sorted = new List<EditionReport>();
        foreach (var edition in editions)
        {
            ArgumentNullException.ThrowIfNull(edition, nameof(editions));
            if (sorted.Count > 0 && !string.Equals(edition.Edition.RulebookId, sorted[0].Edition.RulebookId, StringComparison.Ordinal))
            {
                return Result.Invalid(Refusal("editions", EvaluationErrors.SeveralProgrammes, edition.Edition, sorted[0].Edition.RulebookId));
            }

            sorted.Add(edition);
        }

        sorted.Sort((a, b) => a.Edition.Year.CompareTo(b.Edition.Year));
        var years = new ProgrammeYear[sorted.Count];
        int cumulative = participantsBefore;
        for (int i = 0; i < sorted.Count; i++)
        {
            var e = sorted[i];
            if (i > 0 && sorted[i - 1].Edition.Year == e.Edition.Year)
            {
                return Result.Invalid(Refusal("editions", EvaluationErrors.EditionGivenTwice, e.Edition));
            }

            var p = e.Participants;
            cumulative = checked(cumulative + p.Admitted);
            years[i] = new ProgrammeYear(e.Edition.Year, e.Edition, p.Admitted, p.Completed, p.CompletionRate, e.Satisfaction.Mean, cumulative);
        }

        return new ProgrammeReport(sorted.Count == 0 ? null : sorted[0].Edition.RulebookId, participantsBefore, new EquatableArray<ProgrammeYear>(years), cumulative)
        {
            Language = sorted.Count == 0 ? ReportLanguage.English : sorted[^1].Language,
        };
    }

    private static ValidationError Refusal(string identifier, string key, params object?[] args) =>
        DomainErrors.Refusal(ReportLanguage.English, identifier, key, args);

    /// <summary>The report as indented JSON with the stable camelCase field names of <c>docs/evaluation.md</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ReportFormat.Json(w =>
    {
        w.WriteStartObject();
        if (RulebookId is null)
        {
            w.WriteNull("rulebook");
        }
        else
        {
            w.WriteString("rulebook", RulebookId);
        }

        w.WriteNumber("participantsBefore", ParticipantsBefore);
        w.WriteStartArray("years");
        foreach (var year in Years)
        {
            JsonSerializer.Serialize(w, year, ReportJson.Default.ProgrammeYear);
        }

        w.WriteEndArray();
        w.WriteNumber("totalParticipants", TotalParticipants);
        w.WriteEndObject();
    });

    /// <summary>The report as a plain-text table, one row per year, in the rulebook's language.</summary>
    /// <returns>The text.</returns>
    public string ToText() => ToText(Language);

    /// <summary>The report as a plain-text table, one row per year, in a given language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string ToText(ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var l = language;
        var text = new StringBuilder();
        text.Append(l.Format("programme.title", RulebookId ?? l.Term("programme.none"))).Append('\n')
            .Append(l.Format("programme.before", l.Number(ParticipantsBefore))).Append('\n')
            .Append(l.Format("programme.total", l.Number(TotalParticipants))).Append("\n\n");
        var rows = new List<string[]>
        {
            l.Header("programme.year", "programme.edition", "programme.participants", "programme.completed", "programme.completion", "programme.satisfaction", "programme.cumulative"),
        };
        foreach (var y in Years)
        {
            rows.Add([y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Edition.ToString(), l.Number(y.Participants), l.Number(y.Completed), l.Percent(y.CompletionRate), l.Number(y.SatisfactionMean), l.Number(y.Cumulative)]);
        }

        return text.Append(TextTable.Render(rows)).ToString();
    }
}
