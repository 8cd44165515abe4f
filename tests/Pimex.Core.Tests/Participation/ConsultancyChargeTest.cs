using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;
using static Pimex.Tests.Support.Scenario;

namespace Pimex.Tests.Participation;

/// <summary>
/// Consultancy that would charge nothing: hours whose cost at the rulebook's hourly rate rounds
/// to zero in the currency's minor unit are refused (<see cref="ParticipationErrors.ConsultancyChargesNothing"/>),
/// as a direct spend of zero is; the smallest hours that charge one minor unit are accepted.
/// </summary>
public class ConsultancyChargeTest
{
    private static readonly Lazy<Rulebook> Yen = new(InYen);

    /// <summary>A partner with Extremadura's 2016 annuity and consultancy at <paramref name="rate"/> an hour.</summary>
    private static Rulebook PartnerAt(string rate) => Rulebook.Load(
        RulebookJsonEdits.Partner(p => p.WithExtremadura2016().Override("support.consultantHourlyRate", rate)),
        Rulebook.Extremadura).Value;

    /// <summary>
    /// Extremadura's rulebook restated in yen (a currency with no minor unit), every amount the
    /// same number of yen as it was euros, and consultancy at JPY 8,000 an hour.
    /// </summary>
    private static Rulebook InYen()
    {
        var json = RulebookJsonEdits.Extremadura(root =>
        {
            root["id"] = "yen-region";
            root["currency"] = "JPY";
        });
        json = Regex.Replace(json, "\"EUR (\\d+)\\.00\"", "\"JPY $1\"");
        var root = JsonNode.Parse(json)!.AsObject();
        root.Timeline("support.consultantHourlyRate")[0]!["value"] = "JPY 8000";

        // The SME amounts EU law sets in euros stay in euros; the company's yen convert at the rate of its period's end.
        foreach (var parameter in Parameters.All.Where(p => p.FixedCurrency == Currency.EUR && p.Group == "sme"))
        {
            foreach (var entry in root.Timeline(parameter.Name))
            {
                entry!["value"] = "EUR " + entry["value"]!.GetValue<string>()[4..] + ".00";
            }
        }

        root["exchangeRates"] = new JsonObject { ["JPY"] = new JsonArray(new JsonObject { ["date"] = "2015-12-31", ["perEuro"] = 131.07m, ["source"] = "ECB euro foreign exchange reference rate, 31 December 2015" }) };
        var loaded = Rulebook.Load(root.ToJsonString());
        Assert.True(loaded.IsSuccess, string.Join("; ", loaded.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorMessage}")));
        return loaded.Value;
    }

    /// <summary>An edition of the rulebook with B1 admitted, its figures in the rulebook's currency.</summary>
    private static Scenario WithB1(Rulebook? rulebook = null)
    {
        var s = Open(rulebook);
        var currency = s.Rulebook.Currency;
        var figures = new EnterpriseFigures(20m, Money.Of(3_000_000m, currency), Money.Of(2_000_000m, currency));
        s.ApplyFor(new CompanyApplication(new CompanyId("B1"), "ES43", new CompanyProfile(figures, default) { PeriodEnd = new LocalDate(2015, 12, 31) }, new EquatableArray<AidReceived>([]))).Admit("B1");
        return s;
    }

    private static Result<ParticipationChange> Request(Scenario s, decimal hours, ReportLanguage? language = null) =>
        s.Participant("B1").RequestConsultancy(s.Edition, hours, "Pricing for France", s.Rulebook, new CommandContext(Rep("B1"), At(2016, 6, 1)) { Language = language ?? ReportLanguage.English });

    private static void AssertChargesNothingAndChangesNothing(Scenario s, Result<ParticipationChange> result)
    {
        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal([ParticipationErrors.ConsultancyChargesNothing], result.Codes());
        Assert.Equal("hours", Assert.Single(result.ValidationErrors).Identifier);
        Assert.True(s.Edition.Budget.Consultancy.Spent.IsZero);
        Assert.Equal(0m, s.Participant("B1").ConsultancyHours);
        Assert.True(s.Participant("B1").ConsultancyCost.IsZero);
    }

    [Fact]
    public void RequestConsultancy_WhenATenMillionthOfAnHour_IsRefusedAndChangesNothing()
    {
        // Issue 30, item 6: accepted before, with FundsSpent EUR 0.00 and ConsultancyProvided charging nothing.
        var s = WithB1();

        var result = Request(s, 0.0000001m);

        AssertChargesNothingAndChangesNothing(s, result);
    }

    [Fact]
    public void RequestConsultancy_WhenTheHoursCostExactlyHalfACent_ChargesOneCent()
    {
        // At EUR 50.00 an hour, 0.0001 hours cost EUR 0.005: rounded away from zero, one cent.
        var s = WithB1(PartnerAt("EUR 50.00"));

        var result = Request(s, 0.0001m);

        Assert.True(result.IsSuccess);
        Assert.Equal(Eur(0.01m), result.Value.Participant.Aggregate.ConsultancyCost);
        Assert.Equal(Eur(0.01m), Assert.IsType<FundsSpent>(Assert.Single(result.Value.Edition.Events)).Amount);
        Assert.Equal(Eur(0.01m), result.Value.Edition.Aggregate.Budget.Consultancy.Spent);
    }

    [Fact]
    public void RequestConsultancy_WhenTheHoursCostJustUnderHalfACent_IsRefused()
    {
        var s = WithB1(PartnerAt("EUR 50.00"));

        var result = Request(s, 0.0000999999m);

        AssertChargesNothingAndChangesNothing(s, result);
    }

    [Theory]
    [InlineData("0.0000725", true)] // EUR 0.0050025: one cent
    [InlineData("0.0000724", false)] // EUR 0.0049956: nothing
    public void RequestConsultancy_AtExtremadurasRate_ChargesFromTheSmallestHoursThatCostHalfACent(string hours, bool accepted)
    {
        var s = WithB1();

        var result = Request(s, decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture));

        if (accepted)
        {
            Assert.True(result.IsSuccess);
            Assert.Equal(Eur(0.01m), result.Value.Participant.Aggregate.ConsultancyCost);
        }
        else
        {
            AssertChargesNothingAndChangesNothing(s, result);
        }
    }

    [Fact]
    public void RequestConsultancy_InYen_ChargesOneYenFromHalfAYen()
    {
        // At JPY 8,000 an hour, 0.0000625 hours cost JPY 0.5: rounded away from zero, one yen.
        var s = WithB1(Yen.Value);

        var result = Request(s, 0.0000625m);

        Assert.True(result.IsSuccess);
        Assert.Equal(Money.Of(1m, Currency.FromCode("JPY")), result.Value.Participant.Aggregate.ConsultancyCost);
    }

    [Fact]
    public void RequestConsultancy_InYen_WhenJustUnderHalfAYen_IsRefused()
    {
        var s = WithB1(Yen.Value);

        var result = Request(s, 0.0000624m);

        AssertChargesNothingAndChangesNothing(s, result);
        Assert.Contains("JPY 1", Assert.Single(result.ValidationErrors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestConsultancy_WhenTheRulebooksRateIsZero_IsRefusedWhateverTheHours()
    {
        var s = WithB1(PartnerAt("EUR 0.00"));

        var result = Request(s, 4m);

        AssertChargesNothingAndChangesNothing(s, result);
    }

    [Theory]
    [InlineData("en", "0.0000001 hours at EUR 69.00 an hour cost nothing once rounded to EUR 0.01, the smallest amount that can be charged.")]
    [InlineData("es", "0,0000001 horas a 69,00 € la hora no cuestan nada una vez redondeadas a 0,01 €, el menor importe que se puede cargar.")]
    [InlineData("sl", "0,0000001 ur po 69,00 € na uro ne stane nič, ko se zaokroži na 0,01 €, najmanjši znesek, ki ga je mogoče zaračunati.")]
    public void RequestConsultancy_WhenItChargesNothing_SaysSoInTheCommandsLanguage(string code, string expected)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));
        var s = WithB1();

        var result = Request(s, 0.0000001m, language);

        Assert.Equal(expected, Assert.Single(result.ValidationErrors).ErrorMessage);
    }

    [Fact]
    public void RequestConsultancy_WhenHoursAreNotPositive_StillSaysInvalidHoursFirst()
    {
        var s = WithB1(PartnerAt("EUR 0.00"));

        var result = Request(s, 0m);

        Assert.Equal([ParticipationErrors.InvalidHours], result.Codes());
    }
}
