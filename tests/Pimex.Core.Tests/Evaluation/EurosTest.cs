using Ardalis.Result;
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using static Pimex.Tests.Admission.ZlotyRegion;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Evaluation;

/// <summary>
/// A programme in zloty reports its spend to the funds in euros: each line's spend of each month
/// at the Commission's monthly accounting rate of the month it was recorded in (Regulation (EU)
/// No 1303/2013, art. 133(2), for the 2016 edition; Regulation (EU) 2021/1060, art. 86(2), after),
/// each line's euros split between its funds at their co-financing rates. Every figure below is
/// computed by hand.
/// </summary>
public class EurosTest
{
    private static readonly DateTimeZone Warsaw = DateTimeZoneProviders.Tzdb["Europe/Warsaw"];

    // May at 4.40, June at 4.35; a rate of 30 June of its own (4.50, for the SME test) must not be taken for June's.
    private const string MayAndJune = """{ "PLN": [ { "month": "2016-05", "perEuro": 4.40, "source": "InforEuro, May 2016" }, { "month": "2016-06", "perEuro": 4.35, "source": "InforEuro, June 2016" }, { "date": "2016-06-30", "perEuro": 4.50, "source": "ECB, 30 June 2016" } ] }""";

    private static Rulebook Zloty(string rates) => Load().WithExchangeRates(Must(ExchangeRates.Parse(rates)));

    /// <summary>
    /// Three direct spends: PLN 1,000.00 on training on 10 May; PLN 2,500.00 on training at 22:30 UTC on
    /// 31 May, which is 00:30 on 1 June in Warsaw (June's spend); PLN 333.33 on consultancy on 15 June.
    /// </summary>
    private static (EditionReport Report, Expenditure Expenditure, EditionSession Session) Year(Rulebook rulebook)
    {
        var session = Must(EditionSession.Open(rulebook, 2016, Ctx(Manager, At(2016, 1, 10))));
        Must(session.RecordExpense(BudgetLine.Training, Zl(1_000m), "trainers", Ctx(Manager, At(2016, 5, 10))));
        Must(session.RecordExpense(BudgetLine.Training, Zl(2_500m), "training pills", Ctx(Manager, Instant.FromUtc(2016, 5, 31, 22, 30))));
        Must(session.RecordExpense(BudgetLine.Consultancy, Zl(333.33m), "senior consultant", Ctx(Manager, At(2016, 6, 15))));
        // The region inherits Extremadura's Spanish reports; these read them in English.
        var report = Must(EditionReport.Create(session.Edition, session.Participants.Values, rulebook)) with { Language = ReportLanguage.English };
        return (report, Expenditure.Of(session.Events, rulebook), session);
    }

    [Fact]
    public void Expenditure_CountsEachSpendInTheMonthOfItsInstantInTheProgrammesZone()
    {
        var (_, expenditure, _) = Year(Zloty(MayAndJune));

        Assert.Equal(
            [
                new MonthlySpend(new YearMonth(2016, 5), BudgetLine.Training, Zl(1_000m)),
                new MonthlySpend(new YearMonth(2016, 6), BudgetLine.Training, Zl(2_500m)),
                new MonthlySpend(new YearMonth(2016, 6), BudgetLine.Consultancy, Zl(333.33m)),
            ],
            expenditure.Months);
        Assert.Equal(Zl(3_500m), expenditure.SpentOn(BudgetLine.Training));
        Assert.Equal(Zl(0m), expenditure.SpentOn(BudgetLine.Actions));
        Assert.Equal(Warsaw, expenditure.Zone);
    }

    [Fact]
    public void WithEuros_ConvertsEachMonthAtItsMonthlyRate_AndSplitsEachLineBetweenItsFunds()
    {
        var rulebook = Zloty(MayAndJune);
        var (report, expenditure, _) = Year(rulebook);

        var euros = Must(report.WithEuros(expenditure, rulebook)).InEuros!;

        Assert.Equal(ExpenditureRateMonth.RecordedMonth, euros.RateMonth);
        // 1,000.00 / 4.40 = 227.2727... = 227.27; 2,500.00 / 4.35 = 574.7126... = 574.71;
        // 333.33 / 4.35 = 76.6275... = 76.63. The day's own rate of 30 June (4.50) is not June's.
        Assert.Equal(
            [
                (new YearMonth(2016, 5), BudgetLine.Training, Zl(1_000m), 4.40m, Eur(227.27m)),
                (new YearMonth(2016, 6), BudgetLine.Training, Zl(2_500m), 4.35m, Eur(574.71m)),
                (new YearMonth(2016, 6), BudgetLine.Consultancy, Zl(333.33m), 4.35m, Eur(76.63m)),
            ],
            euros.Months.Select(m => (m.Month, m.Line, m.Spent, m.Rate.PerEuro, m.Euros)));
        Assert.Equal("InforEuro, June 2016", euros.Months[1].Rate.Source);

        // Training: 227.27 + 574.71 = 801.98; ESF 80 % = 641.584, Regional 20 % = 160.396: the cent
        // left by rounding goes to the larger remainder, Regional's: 641.58 and 160.40.
        // Consultancy: 76.63; ERDF 61.304, Regional 15.326: 61.30 and 15.33. Actions spent nothing.
        Assert.Equal(
            [
                (BudgetLine.Actions, Zl(0m), Eur(0m), "ERDF 0.00, Regional 0.00"),
                (BudgetLine.Training, Zl(3_500m), Eur(801.98m), "ESF 641.58, Regional 160.40"),
                (BudgetLine.Consultancy, Zl(333.33m), Eur(76.63m), "ERDF 61.30, Regional 15.33"),
            ],
            euros.Lines.Select(l => (l.Line, l.Spent, l.Euros, string.Join(", ", l.Funding.Select(f => $"{f.Fund} {f.Amount.Amount:0.00}")))));

        // Over the lines, beside each fund's share in zloty (ESF 2,800.00; Regional 700.00 + 66.67; ERDF 266.66).
        Assert.Equal(
            [
                new FundInEuros("ERDF", Zl(266.66m), Eur(61.30m)),
                new FundInEuros("Regional", Zl(766.67m), Eur(175.73m)),
                new FundInEuros("ESF", Zl(2_800m), Eur(641.58m)),
            ],
            euros.Funds);
        Assert.Equal(Eur(878.61m), euros.Total);
    }

    [Fact]
    public void WithEuros_WhenAMonthHasNoMonthlyRate_RefusesOncePerMonth_NamingTheCurrencyAndTheMonth()
    {
        // June has spend on two lines and no monthly rate (its 30th has a day's rate only): one refusal.
        var rulebook = Zloty("""{ "PLN": [ { "month": "2016-05", "perEuro": 4.40, "source": "InforEuro" }, { "date": "2016-06-30", "perEuro": 4.50, "source": "ECB" } ] }""");
        var (report, expenditure, _) = Year(rulebook);

        var result = report.WithEuros(expenditure, rulebook);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal((EvaluationErrors.NoMonthlyRate, "month"), (error.ErrorCode, error.Identifier));
        Assert.Equal(
            "No monthly exchange rate of PLN for 2016-06 converts lower-silesia-2016's spend of that month to euros: add the Commission's accounting rate of that month (InforEuro) to the rulebook's exchangeRates.",
            error.ErrorMessage);
    }

    [Fact]
    public void WithEuros_WhenNoMonthHasARate_SaysEveryMonthAtOnce()
    {
        var rulebook = Zloty("""{ "PLN": [ { "date": "2016-05-10", "perEuro": 4.40, "source": "ECB" } ] }""");
        var (report, expenditure, _) = Year(rulebook);

        var result = report.WithEuros(expenditure, rulebook);

        // A day's own rate does not stand for its month: May and June both lack one, in order.
        Assert.Collection(
            result.ValidationErrors,
            e => Assert.Contains("PLN for 2016-05 ", e.ErrorMessage, StringComparison.Ordinal),
            e => Assert.Contains("PLN for 2016-06 ", e.ErrorMessage, StringComparison.Ordinal));
        Assert.All(result.ValidationErrors, e => Assert.Equal(EvaluationErrors.NoMonthlyRate, e.ErrorCode));
    }

    [Fact]
    public void WithEuros_WhenTheReportIsInAnotherLanguage_RefusesInIt()
    {
        var rulebook = Zloty("""{ "PLN": [ { "month": "2016-05", "perEuro": 4.40, "source": "InforEuro" } ] }""");
        var (report, expenditure, _) = Year(rulebook);
        Assert.True(ReportLanguage.TryFromCode("pl", out var polish));

        var result = (report with { Language = polish }).WithEuros(expenditure, rulebook);

        Assert.Equal(
            "Brak miesięcznego kursu PLN na 2016-06, który przeliczyłby wydatki lower-silesia-2016 z tego miesiąca na euro: dodaj do kursów walut programu kurs księgowy Komisji z tego miesiąca.",
            Assert.Single(result.ValidationErrors).ErrorMessage);
    }

    [Fact]
    public void WithEuros_WhenTheExpenditureMissesASpend_RefusesIt()
    {
        var rulebook = Zloty(MayAndJune);
        var (report, _, session) = Year(rulebook);
        var partial = Expenditure.Of(session.Events.Take(session.Events.Count - 1), rulebook);

        var result = report.WithEuros(partial, rulebook);

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal((EvaluationErrors.ExpenditureNotTheEditions, "expenditure"), (error.ErrorCode, error.Identifier));
        Assert.Equal(
            "The expenditure's months add up to PLN 0.00 on the consultancy line, but lower-silesia-2016 spent PLN 333.33 on it: build it from the edition's whole stream.",
            error.ErrorMessage);
    }

    [Fact]
    public void WithEuros_WhenTheExpenditureIsInAnotherCurrency_RefusesIt()
    {
        var rulebook = Zloty(MayAndJune);
        var (report, _, _) = Year(rulebook);

        var result = report.WithEuros(Expenditure.None(Currency.EUR, Warsaw), rulebook);

        var error = Assert.Single(result.ValidationErrors);
        Assert.Equal(EvaluationErrors.ExpenditureNotTheEditions, error.ErrorCode);
        Assert.Equal("The expenditure is in EUR, but lower-silesia-2016 is in PLN.", error.ErrorMessage);
    }

    [Fact]
    public void WithEuros_WhenTheRulebookIsAnotherProgrammes_RefusesIt()
    {
        var rulebook = Zloty(MayAndJune);
        var (report, expenditure, _) = Year(rulebook);

        var result = report.WithEuros(expenditure, Rulebook.Extremadura);

        Assert.Equal(EditionErrors.WrongEdition, Assert.Single(result.ValidationErrors).ErrorCode);
    }

    [Fact]
    public void WithEuros_WhenTheProgrammeIsInEuros_LeavesTheReportAsItIs()
    {
        var session = Must(EditionSession.Open(Rulebook.Extremadura, 2016, Ctx(Manager, At(2016, 1, 10))));
        Must(session.RecordExpense(BudgetLine.Training, Eur(1_200m), "trainers", Ctx(Manager, At(2016, 5, 10))));
        var report = Must(EditionReport.Create(session.Edition, session.Participants.Values, Rulebook.Extremadura));

        var same = Must(report.WithEuros(Expenditure.Of(session.Events, Rulebook.Extremadura), Rulebook.Extremadura));

        Assert.Same(report, same);
        Assert.Null(same.InEuros);
        Assert.Contains("\"inEuros\": null", same.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_WithEuros_PrintsEachMonthAndEachFundInEurosBesideTheZloty()
    {
        var rulebook = Zloty(MayAndJune);
        var (report, expenditure, _) = Year(rulebook);

        var text = Must(report.WithEuros(expenditure, rulebook)).ToText();

        Assert.Contains("The spend in euros, for the funds", text, StringComparison.Ordinal);
        Assert.Contains("training     2016-06  PLN 2,500.00  4.35           €574.71", text, StringComparison.Ordinal);
        Assert.Contains("all lines          ESF              PLN 2,800.00        €641.58", text, StringComparison.Ordinal);
        Assert.Contains("total                               PLN 3,833.33        €878.61", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The spend in euros", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_WithEuros_WritesTheDocumentedFields()
    {
        var rulebook = Zloty(MayAndJune);
        var (report, expenditure, _) = Year(rulebook);

        using var json = System.Text.Json.JsonDocument.Parse(Must(report.WithEuros(expenditure, rulebook)).ToJson());
        var euros = json.RootElement.GetProperty("inEuros");

        Assert.Equal("recordedMonth", euros.GetProperty("rateMonth").GetString());
        var june = euros.GetProperty("months")[1];
        Assert.Equal(("2016-06", "training", 2500.00m, 4.35m, "InforEuro, June 2016", 574.71m), (june.GetProperty("month").GetString(), june.GetProperty("line").GetString(), june.GetProperty("spent").GetDecimal(), june.GetProperty("perEuro").GetDecimal(), june.GetProperty("rateSource").GetString(), june.GetProperty("euros").GetDecimal()));
        var training = euros.GetProperty("lines")[1];
        Assert.Equal(("training", 801.98m, "ESF", 80m, 641.58m), (training.GetProperty("line").GetString(), training.GetProperty("euros").GetDecimal(), training.GetProperty("funding")[0].GetProperty("fund").GetString(), training.GetProperty("funding")[0].GetProperty("rate").GetDecimal(), training.GetProperty("funding")[0].GetProperty("euros").GetDecimal()));
        var regional = euros.GetProperty("funds")[1];
        Assert.Equal(("Regional", 766.67m, 175.73m), (regional.GetProperty("fund").GetString(), regional.GetProperty("amount").GetDecimal(), regional.GetProperty("euros").GetDecimal()));
        Assert.Equal(878.61m, euros.GetProperty("total").GetDecimal());
    }
}
