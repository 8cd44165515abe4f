using Pimex.Rulebooks;

namespace Pimex.Tests.Reliability;

/// <summary>
/// The rulebooks the reliability tests run editions under: Extremadura itself (30 seats, EUR
/// 75,000 for promotion actions), and two partner rulebooks built on it whose limits bind within
/// a few commands.
/// </summary>
internal static class ModelRulebooks
{
    /// <summary>
    /// A tight 2016 edition: 4 seats, but an actions line of EUR 7,000 that reserves the EUR
    /// 2,500 cap of two participants only (a withdrawal frees a seat's worth), and a consultancy
    /// line of EUR 345 (five hours at EUR 69).
    /// </summary>
    public const string TightJson = """
        {
          "id": "model-tight",
          "name": "Model: tight edition",
          "extends": "extremadura",
          "illustrative": true,
          "annuities": {
            "2016": {
              "budget": { "actions": "EUR 7000.00", "training": "EUR 1000.00", "consultancy": "EUR 345.00", "total": "EUR 8345.00" },
              "capacity": 4,
              "windows": {
                "applications": { "start": "2016-01-15", "end": "2016-03-15" },
                "training": { "start": "2016-04-01", "end": "2016-11-30" },
                "expenses": { "start": "2016-04-01", "end": "2016-12-31" }
              }
            }
          }
        }
        """;

    /// <summary>
    /// Other numbers: a commitment of one session, one tutorial and one training pill (so that runs reach completion often), 75 % support intensity, a EUR 1,000 cap, EUR 72.50 an hour, tutorials
    /// anywhere, any region, no in-kind aid, 3 seats (the actions line of EUR 4,000 would fund 4 caps), and a de minimis
    /// ceiling that drops to EUR 2,500 from June 2016, so that support granted after it is
    /// limited by the ceiling.
    /// </summary>
    public const string OtherNumbersJson = """
        {
          "id": "model-other",
          "name": "Model: other numbers",
          "extends": "extremadura",
          "illustrative": true,
          "overrides": {
            "commitment": {
              "groupSessions": [ { "from": "2002-01-01", "value": 1 } ],
              "tutorials": [ { "from": "2002-01-01", "value": 1 } ],
              "trainingPills": [ { "from": "2002-01-01", "value": 1 } ],
              "tutorialVenue": [ { "from": "2002-01-01", "value": "any" } ]
            },
            "promotion": {
              "capPerCompany": [ { "from": "2002-01-01", "value": "EUR 1000.00" } ],
              "supportIntensity": [ { "from": "2002-01-01", "value": "75%" } ]
            },
            "support": { "consultantHourlyRate": [ { "from": "2002-01-01", "value": "EUR 72.55" } ] },
            "aid": {
              "inKindValuation": [ { "from": "2002-01-01", "value": "none" } ],
              "regime": [
                { "from": "2014-01-01", "value": { "name": "EU 1407/2013", "ceiling": "EUR 200000.00", "period": { "kind": "fiscalYears", "years": 3 } } },
                { "from": "2016-06-01", "value": { "name": "Model low ceiling", "ceiling": "EUR 2500.00", "period": { "kind": "rollingYears", "years": 3 } } }
              ]
            },
            "eligibility": { "regions": [ { "from": "2002-01-01", "value": [] } ] }
          },
          "annuities": {
            "2016": {
              "budget": { "actions": "EUR 4000.00", "training": "EUR 500.00", "consultancy": "EUR 1000.00", "total": "EUR 5500.00" },
              "capacity": 3,
              "windows": {
                "applications": { "start": "2016-01-15", "end": "2016-03-15" },
                "training": { "start": "2016-04-01", "end": "2016-11-30" },
                "expenses": { "start": "2016-04-01", "end": "2016-12-31" }
              }
            }
          }
        }
        """;

    public static Rulebook Tight { get; } = Load(TightJson);

    public static Rulebook OtherNumbers { get; } = Load(OtherNumbersJson);

    /// <summary>The rulebooks by index, for generators.</summary>
    public static IReadOnlyList<Rulebook> All { get; } = [Rulebook.Extremadura, Tight, OtherNumbers];

    private static Rulebook Load(string json)
    {
        var result = Rulebook.Load(json, Rulebook.Extremadura);
        return result.IsSuccess
            ? result.Value
            : throw new InvalidOperationException("A model rulebook does not load: " + string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}")));
    }
}
