using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// <returns>
    /// The report; or Invalid when the rulebook is not the edition's
    /// (<see cref="EditionErrors.WrongEdition"/>) or has no rules in force on its date, when its
    /// survey scale is wider than <see cref="MaxScalePoints"/> (<see cref="EvaluationErrors.ScaleTooWide"/>),
    /// when a participant belongs to another edition (<see cref="EditionErrors.WrongEdition"/>) or
    /// scored outside the scale (<see cref="EvaluationErrors.ScoreOutsideScale"/>), or when the
    /// number of participants is not the edition's (<see cref="EvaluationErrors.ParticipantsNotTheEditions"/>).
    /// The first problem found is the one said.
    /// </returns>
    /// <exception cref="ArgumentException">A participant is null.</exception>
    public static Result<EditionReport> Create(Edition edition, IEnumerable<Participant> participants, Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(edition);
        ArgumentNullException.ThrowIfNull(participants);
        ArgumentNullException.ThrowIfNull(rulebook);
        return Counters.Start(edition.Id, edition.RulesDate, edition.Budget.Actions.Allocated.Currency, rulebook)
            .Bind(counters => counters.Count(edition, participants))
            .Map(counters => counters.Report(edition.Version, edition.Annuity.Capacity, edition.Sessions.Count, edition.Budget));
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

        ReportJson.Write(w, "budget", Budget, ReportJson.Default.BudgetFigures);
        ReportJson.Write(w, "support", Support, ReportJson.Default.SupportFigures);
        w.WriteMoney("costPerCompletedParticipant", CostPerCompletedParticipant);

        // The satisfaction figures as they are, each question with its label in the report's language.
        var satisfaction = JsonSerializer.SerializeToNode(Satisfaction, ReportJson.Default.SatisfactionFigures)!.AsObject();
        satisfaction["questions"] = new JsonArray([.. Satisfaction.Questions.Select(q => new JsonObject
        {
            ["question"] = q.Question,
            ["label"] = Label(q.Question, Language),
            ["responses"] = q.Responses,
            ["mean"] = q.Mean,
        })]);
        w.WritePropertyName("satisfaction");
        satisfaction.WriteTo(w);
        WriteIndicators(w);
        WriteEuros(w);
        w.WriteEndObject();
    }

    private void WriteEuros(Utf8JsonWriter w)
    {
        if (InEuros is not { } euros)
        {
            w.WriteNull("inEuros");
            return;
        }

        w.WriteStartObject("inEuros");
        w.WriteString("rateMonth", ReportFormat.Name(euros.RateMonth));
        w.WriteStartArray("months");
        foreach (var month in euros.Months)
        {
            w.WriteStartObject();
            w.WriteString("month", month.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture));
            w.WriteString("line", ReportFormat.Name(month.Line));
            w.WriteMoney("spent", month.Spent);
            w.WriteNumber("perEuro", month.Rate.PerEuro);
            w.WriteString("rateSource", month.Rate.Source);
            w.WriteMoney("euros", month.Euros);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("lines");
        foreach (var line in euros.Lines)
        {
            w.WriteStartObject();
            w.WriteString("line", ReportFormat.Name(line.Line));
            w.WriteMoney("spent", line.Spent);
            w.WriteMoney("euros", line.Euros);
            w.WriteStartArray("funding");
            foreach (var share in line.Funding)
            {
                w.WriteStartObject();
                w.WriteString("fund", share.Fund);
                w.WriteRate("rate", share.Rate);
                w.WriteMoney("euros", share.Amount);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("funds");
        foreach (var fund in euros.Funds)
        {
            w.WriteStartObject();
            w.WriteString("fund", fund.Fund);
            w.WriteMoney("amount", fund.Amount);
            w.WriteMoney("euros", fund.Euros);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteMoney("total", euros.Total);
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

}
