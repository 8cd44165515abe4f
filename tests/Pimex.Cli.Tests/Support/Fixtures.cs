namespace Pimex.Cli.Tests.Support;

/// <summary>Small rulebooks and ledgers for the tests.</summary>
internal static class Fixtures
{
    /// <summary>
    /// A partner rulebook over the embedded Extremadura one: another name, zone and cap, and a
    /// 2016 annuity of its own with Extremadura's figures (a partner does not inherit its
    /// base's annuities), so that it can replay the 2016 edition.
    /// </summary>
    public const string Partner = """
        {
          "id": "podravje",
          "name": "PIMEX - Podravje (illustrative)",
          "extends": "extremadura",
          "illustrative": true,
          "timeZone": "Europe/Ljubljana",
          "overrides": {
            "promotion": {
              "capPerCompany": [ { "from": "2002-01-01", "value": "EUR 3000.00" } ]
            },
            "eligibility": {
              "regions": [ { "from": "2002-01-01", "value": [ "SI03" ] } ]
            }
          },
          "annuities": {
            "2016": {
              "budget": { "actions": "EUR 75000.00", "training": "EUR 5000.00", "consultancy": "EUR 8280.00", "total": "EUR 88280.00" },
              "capacity": 30,
              "windows": {
                "applications": { "start": "2016-01-15", "end": "2016-03-15" },
                "training": { "start": "2016-04-01", "end": "2016-11-30" },
                "expenses": { "start": "2016-04-01", "end": "2016-12-31" }
              }
            }
          }
        }
        """;

    /// <summary>A partner rulebook with three problems: an unknown parameter, a bad amount, a wrong type.</summary>
    public const string BrokenPartner = """
        {
          "id": "broken",
          "name": "Broken partner",
          "extends": "extremadura",
          "overrides": {
            "promotion": {
              "capPerCompany": [ { "from": "2002-01-01", "value": "EUR two thousand" } ],
              "coffeeAllowance": [ { "from": "2002-01-01", "value": "EUR 5.00" } ]
            },
            "commitment": {
              "groupSessions": [ { "from": "2002-01-01", "value": "three" } ]
            }
          }
        }
        """;

    public const string Manager = "\"actor\":{\"id\":\"manager-1\",\"role\":\"programmeManager\"}";

    public const string Technician = "\"actor\":{\"id\":\"technician-1\",\"role\":\"technician\"}";

    public const string Company = "B06000001";

    public const string Representative = "\"actor\":{\"id\":\"rep-1\",\"role\":\"companyRepresentative\",\"company\":\"B06000001\"}";

    public static string Open(string at = "2016-01-11T09:00:00Z") =>
        $"{{\"command\":\"openEdition\",\"at\":\"{at}\",{Manager},\"year\":2016}}";

    public static string Apply(string company = Company) =>
        $"{{\"command\":\"apply\",\"at\":\"2016-02-01T10:00:00Z\",{Manager},\"company\":\"{company}\",\"region\":\"ES43\",\"staff\":12,\"turnover\":\"EUR 1500000.00\",\"balanceSheet\":\"EUR 900000.00\"}}";

    public static string Admit(string company = Company) =>
        $"{{\"command\":\"admit\",\"at\":\"2016-03-21T09:00:00Z\",{Manager},\"company\":\"{company}\"}}";

    public static string Claim(string claim, string invoice, string net = "EUR 1200.00") =>
        $"{{\"command\":\"submitClaim\",\"at\":\"2016-06-01T09:00:00Z\",{Representative},\"company\":\"{Company}\",\"claim\":\"{claim}\",\"invoice\":\"{invoice}\",\"supplier\":\"B28000002\",\"invoiceDate\":\"2016-05-20\",\"category\":\"tradeFair\",\"description\":\"Stand\",\"net\":\"{net}\",\"vat\":\"EUR 0.00\",\"vatRecoverable\":true}}";

    public static string Verify(string claim) =>
        $"{{\"command\":\"verifyClaim\",\"at\":\"2016-06-10T09:00:00Z\",{Technician},\"company\":\"{Company}\",\"claim\":\"{claim}\",\"verdict\":\"approvedInFull\"}}";

    /// <summary>Lines joined into a ledger.</summary>
    public static string Ledger(params string[] lines) => string.Join("\n", lines) + "\n";
}
