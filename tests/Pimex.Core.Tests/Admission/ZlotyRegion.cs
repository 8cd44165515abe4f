using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Support;

namespace Pimex.Tests.Admission;

/// <summary>
/// An invented partner region in zloty (PLN) that inherits Extremadura's EU amounts in euros: its
/// own cap (PLN 10,000), hourly rate, budget and regions, no in-kind aid valued, and the exchange
/// rates each test hands it.
/// </summary>
internal static class ZlotyRegion
{
    public static readonly Currency Pln = Currency.FromCode("PLN");

    public static Money Zl(decimal amount) => Money.Of(amount, Pln);

    /// <summary>The partner's JSON, with one PLN rate per (day, units per euro).</summary>
    public static string Json(params (string Date, decimal PerEuro)[] rates) => RulebookJsonEdits.Partner(p =>
    {
        p["id"] = "lower-silesia";
        p["name"] = "An invented region in zloty";
        p["currency"] = "PLN";
        p["timeZone"] = "Europe/Warsaw";
        p.Override("promotion.capPerCompany", "PLN 10000.00");
        p.Override("support.consultantHourlyRate", "PLN 300.00");
        p.Override("aid.inKindValuation", "none");
        p.Override("eligibility.regions", new JsonArray("PL51"));
        if (rates.Length > 0)
        {
            p["exchangeRates"] = new JsonObject
            {
                ["PLN"] = new JsonArray([.. rates.Select(r => (JsonNode)new JsonObject
                {
                    ["date"] = r.Date,
                    ["perEuro"] = r.PerEuro,
                    ["source"] = "ECB euro foreign exchange reference rate of " + r.Date,
                })]),
            };
        }

        var annuity = RulebookJsonEdits.Extremadura().Annuity2016().DeepClone().AsObject();
        annuity["budget"] = new JsonObject
        {
            ["actions"] = "PLN 300000.00",
            ["training"] = "PLN 20000.00",
            ["consultancy"] = "PLN 30000.00",
            ["total"] = "PLN 350000.00",
        };
        annuity.Remove("source");
        p["annuities"] = new JsonObject { ["2016"] = annuity };
    });

    public static Rulebook Load(params (string Date, decimal PerEuro)[] rates) =>
        Scenario.Must(Rulebook.Load(Json(rates), Rulebook.Extremadura));

    /// <summary>An application of an autonomous company in PL514 with its figures in zloty for the period ending on <paramref name="periodEnd"/>.</summary>
    public static CompanyApplication Application(decimal turnover, decimal balanceSheet, LocalDate? periodEnd, params AidReceived[] declaredAid) =>
        new(
            new CompanyId("PL1"),
            "PL514",
            new CompanyProfile(new EnterpriseFigures(20m, Zl(turnover), Zl(balanceSheet)), default) { PeriodEnd = periodEnd },
            new EquatableArray<AidReceived>(declaredAid));

    /// <summary>The admission check of an application received on 2016-02-01 and decided on <paramref name="decided"/>.</summary>
    public static AdmissionCheck Evaluate(Rulebook rulebook, CompanyApplication application, LocalDate decided)
    {
        var rules = rulebook.On(new LocalDate(2016, 1, 15)).Value;
        var annuity = rulebook.Annuity(2016).Value;
        return AdmissionEligibility.Evaluate(application, new LocalDate(2016, 2, 1), decided, rules, rulebook.On(decided).Value.Aid.Regime, annuity, 0, annuity.Budget.Actions);
    }

    public static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
