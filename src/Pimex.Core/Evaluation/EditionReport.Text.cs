using System.Text;

namespace Pimex.Evaluation;

/// <summary>The edition report's language, labels and plain-text rendering.</summary>
public sealed partial record EditionReport
{
    /// <summary>The language the rulebook names for its reports (English when it names none); <see cref="ToText()"/> writes in it.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.English;

    /// <summary>The rulebook's human labels of survey questions and expense categories, per language.</summary>
    public EquatableArray<ReportLabel> Labels { get; init; }

    /// <summary>The common indicators of the programming period in force; null when the rulebook dates none for the edition.</summary>
    public IndicatorFigures? Indicators { get; init; }

    /// <summary>
    /// The date the figures are as of: the host says it (the date of the last event it applied,
    /// or the day it prints the report), since the library reads no clock; null when not said.
    /// </summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>The report as plain-text tables, one per section, in the rulebook's language.</summary>
    /// <returns>The text.</returns>
    public string ToText() => ToText(Language);

    /// <summary>The report as plain-text tables, one per section, in a given language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The text.</returns>
    public string ToText(ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var l = language;
        var p = Participants;
        var t = Training;
        var d = Deliverables;
        var s = Support;
        var q = Satisfaction;
        var text = new StringBuilder();
        text.Append(l.Format("edition.title", Edition)).Append('\n')
            .Append(l.Format("edition.subtitle", l.Date(RulesDate), l.Number(EditionVersion), Currency.Code)).Append('\n');
        if (AsOf is { } asOf)
        {
            text.Append(l.Format("common.asOf", l.Date(asOf))).Append('\n');
        }

        text.Append('\n');
        Section(text, l.Term("participants.title"), Figures(
            l,
            ("participants.capacity", l.Number(p.Capacity)),
            ("participants.admitted", l.Number(p.Admitted)),
            ("participants.active", l.Number(p.Active)),
            ("participants.completed", l.Number(p.Completed)),
            ("participants.withdrawn", l.Number(p.Withdrawn)),
            ("participants.excluded", l.Number(p.Excluded)),
            ("participants.completionRate", l.Percent(p.CompletionRate))));
        Section(text, l.Term("training.title"), Figures(
            l,
            ("training.sessionsScheduled", l.Number(t.GroupSessionsScheduled)),
            ("training.sessionsCommitted", l.Number(t.GroupSessionsCommitted)),
            ("training.sessionsAttended", l.Number(t.GroupSessionsAttended)),
            ("training.attendanceRate", l.Percent(t.AttendanceRate)),
            ("training.tutorialsCommitted", l.Number(t.TutorialsCommitted)),
            ("training.tutorialsHeld", l.Number(t.TutorialsHeld)),
            ("training.tutorialRate", l.Percent(t.TutorialRate)),
            ("training.pills", l.Number(t.TrainingPillsAttended)),
            ("training.consultancyHours", l.Number(t.ConsultancyHours)),
            ("training.swotSubmitted", l.Number(d.SwotSubmitted)),
            ("training.swotAccepted", l.Number(d.SwotAccepted)),
            ("training.swotRate", l.Percent(d.SwotCompletionRate)),
            ("training.roadmapSubmitted", l.Number(d.RoadmapSubmitted)),
            ("training.roadmapAccepted", l.Number(d.RoadmapAccepted)),
            ("training.roadmapRate", l.Percent(d.RoadmapCompletionRate))));

        var lines = new List<string[]>
        {
            l.Header("budget.line", "budget.allocated", "budget.reserved", "budget.spent", "budget.released", "budget.available", "budget.execution"),
        };
        foreach (var line in Budget.Lines)
        {
            lines.Add(BalanceRow(l, LineName(l, line.Line), line.Balance));
        }

        lines.Add(BalanceRow(l, l.Term("common.total"), Budget.Total));
        Section(text, l.Term("budget.title"), TextTable.Render(lines) + l.Term("budget.note") + "\n");

        var funding = new List<string[]> { l.Header("budget.line", "funding.fund", "funding.rate", "funding.amount") };
        foreach (var line in Budget.Lines)
        {
            foreach (var share in line.Funding)
            {
                funding.Add([LineName(l, line.Line), Label(share.Fund, l), l.Percent(share.Rate), l.Money(share.Amount)]);
            }
        }

        foreach (var fund in Budget.Funds)
        {
            funding.Add([l.Term("funding.allLines"), Label(fund.Fund, l), string.Empty, l.Money(fund.Amount)]);
        }

        Section(text, l.Term("funding.title"), TextTable.Render(funding));
        if (InEuros is { } euros)
        {
            var months = new List<string[]> { l.Header("budget.line", "euros.month", "budget.spent", "euros.rate", "euros.amount") };
            foreach (var month in euros.Months)
            {
                months.Add([LineName(l, month.Line), month.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture), l.Money(month.Spent), l.ExactNumber(month.Rate.PerEuro), l.Money(month.Euros)]);
            }

            var shares = new List<string[]> { l.Header("budget.line", "funding.fund", "funding.amount", "euros.amount") };
            foreach (var line in euros.Lines)
            {
                shares.Add([LineName(l, line.Line), string.Empty, l.Money(line.Spent), l.Money(line.Euros)]);
                foreach (var share in line.Funding)
                {
                    shares.Add([string.Empty, Label(share.Fund, l), string.Empty, l.Money(share.Amount)]);
                }
            }

            foreach (var fund in euros.Funds)
            {
                shares.Add([l.Term("funding.allLines"), Label(fund.Fund, l), l.Money(fund.Amount), l.Money(fund.Euros)]);
            }

            shares.Add([l.Term("common.total"), string.Empty, l.Money(Budget.Total.Spent), l.Money(euros.Total)]);
            Section(text, l.Term("euros.title"), TextTable.Render(months) + "\n" + TextTable.Render(shares) + l.Term("euros.note") + "\n");
        }

        Section(text, l.Term("support.title"), Figures(
            l,
            ("support.cap", l.Money(s.CapPerCompany)),
            ("support.total", l.Money(s.Total)),
            ("support.mean", l.Money(s.Mean)),
            ("support.max", l.Money(s.Max)),
            ("support.supported", l.Number(s.Supported)),
            ("support.reachedCap", l.Number(s.ReachedCap)),
            ("support.costPerCompleted", l.Money(CostPerCompletedParticipant))));
        Section(text, l.Format("satisfaction.title", l.Number(q.ScaleMin), l.Number(q.ScaleMax)), Figures(
            l,
            ("satisfaction.responses", l.Number(q.Responses)),
            ("satisfaction.responseRate", l.Percent(q.ResponseRate)),
            ("satisfaction.mean", l.Number(q.Mean)),
            ("satisfaction.median", l.Number(q.Median))));

        var distribution = new List<string[]> { l.Header("satisfaction.score", "satisfaction.answers") };
        foreach (var score in q.Distribution)
        {
            distribution.Add([l.Number(score.Score), l.Number(score.Count)]);
        }

        Section(text, l.Term("satisfaction.scoresTitle"), TextTable.Render(distribution));
        if (q.Questions.Count > 0)
        {
            var questions = new List<string[]> { l.Header("satisfaction.question", "satisfaction.responses", "satisfaction.mean") };
            foreach (var question in q.Questions)
            {
                questions.Add([Label(question.Question, l), l.Number(question.Responses), l.Number(question.Mean)]);
            }

            Section(text, l.Term("satisfaction.questionsTitle"), TextTable.Render(questions));
        }

        if (Indicators is { } indicators)
        {
            var rows = new List<string[]> { l.Header("indicators.code", "indicators.indicator", "indicators.enterprises") };
            foreach (var count in indicators.Counts)
            {
                rows.Add(count.Size is { } size
                    ? [string.Empty, l.Term($"indicator.{count.Code}.{IndicatorFigures.SizeName(size)}"), l.Number(count.Enterprises)]
                    : [count.Code, l.Term("indicator." + count.Code), l.Number(count.Enterprises)]);
            }

            Section(text, l.Format("indicators.title", indicators.Set.Period), TextTable.Render(rows) + l.Term("indicators.note") + "\n");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// The human label of a survey question, an expense category or a fund in a language: the
    /// rulebook's, else the language's neutral one (<see cref="ReportLanguage.TryGetNeutralLabel"/>:
    /// "Regional budget"), else the code.
    /// </summary>
    /// <param name="code">The code, such as <c>promotionSupport</c>.</param>
    /// <param name="language">The language.</param>
    /// <returns>The label.</returns>
    public string Label(string code, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        foreach (var label in Labels)
        {
            if (label.Text.Length > 0 && string.Equals(label.Code, code, StringComparison.Ordinal) && string.Equals(label.Language, language.Code, StringComparison.Ordinal))
            {
                return label.Text;
            }
        }

        return language.TryGetNeutralLabel(code, out var neutral) ? neutral : code;
    }

    /// <summary>The name of a budget line in a language.</summary>
    /// <param name="language">The language.</param>
    /// <param name="line">The line.</param>
    /// <returns>The name.</returns>
    internal static string LineName(ReportLanguage language, Editions.BudgetLine line) => language.Term("line." + ReportFormat.Name(line));

    private static string Figures(ReportLanguage l, params (string Key, string Value)[] rows) =>
        TextTable.Render([[l.Term("common.figure"), l.Term("common.value")], .. rows.Select(r => new[] { l.Term(r.Key), r.Value })]);

    private static void Section(StringBuilder text, string title, string table) =>
        text.Append(title).Append('\n').Append(table).Append('\n');

    private static string[] BalanceRow(ReportLanguage l, string name, BudgetTotals b) =>
        [name, l.Money(b.Allocated), l.Money(b.Reserved), l.Money(b.Spent), l.Money(b.Released), l.Money(b.Available), l.Percent(b.ExecutionRate)];
}
