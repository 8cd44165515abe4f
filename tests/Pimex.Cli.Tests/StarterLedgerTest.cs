using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Rulebooks;

namespace Pimex.Cli.Tests;

/// <summary>
/// <c>pimex ledger new</c>: a starter ledger runs under its rulebook with no refusal, and is
/// causally ordered by construction, whatever the rulebook's commitment, windows and scale.
/// </summary>
public class StarterLedgerTest
{
    /// <summary>
    /// A demanding partner: an autumn call with its rules from the first day of applications,
    /// five sessions, one tutorial anywhere, two pills, any region, a 1-to-5 survey, a training
    /// window of two weeks and expenses only after it.
    /// </summary>
    private const string Demanding = """
        {
          "id": "demanding",
          "name": "Demanding partner",
          "extends": "extremadura",
          "timeZone": "America/New_York",
          "overrides": {
            "commitment": {
              "groupSessions": [ { "from": "2025-10-01", "value": 5 } ],
              "tutorials": [ { "from": "2025-10-01", "value": 1 } ],
              "tutorialVenue": [ { "from": "2025-10-01", "value": "any" } ],
              "trainingPills": [ { "from": "2025-10-01", "value": 2 } ]
            },
            "eligibility": { "regions": [ { "from": "2025-10-01", "value": [] } ] },
            "survey": {
              "scaleMin": [ { "from": "2025-10-01", "value": 1 } ],
              "scaleMax": [ { "from": "2025-10-01", "value": 5 } ]
            }
          },
          "annuities": {
            "2026": {
              "budget": { "actions": "EUR 10000.00", "training": "EUR 1000.00", "consultancy": "EUR 1000.00", "total": "EUR 12000.00" },
              "capacity": 3,
              "windows": {
                "applications": { "start": "2025-10-01", "end": "2025-10-02" },
                "training": { "start": "2026-03-01", "end": "2026-03-14" },
                "expenses": { "start": "2026-05-01", "end": "2026-05-31" }
              }
            }
          }
        }
        """;

    public static TheoryData<string, int, int> Editions => new()
    {
        { "extremadura", 2016, 1 },
        { "extremadura", 2016, 30 },
        { "maribor", 2026, 1 },
        { "maribor", 2026, 20 },
        { "demanding", 2026, 1 },
        { "demanding", 2026, 3 },
    };

    private static Rulebook Load(string name) => name switch
    {
        "extremadura" => Rulebook.Extremadura,
        "maribor" => Rulebook.Load(File.ReadAllText(Path.Combine(DocsCommands.Root, "docs", "rulebooks", "maribor.json")), Rulebook.Extremadura).Value,
        _ => Rulebook.Load(Demanding, Rulebook.Extremadura).Value,
    };

    [Theory]
    [MemberData(nameof(Editions))]
    public void New_RunsUnderItsRulebookWithNoRefusalAndCompletesEveryCompany(string rulebook, int year, int companies)
    {
        var rules = Load(rulebook);
        var text = StarterLedger.Write(rules, year, rulebook, companies).Value;

        var read = LedgerReader.Read(text);
        Assert.True(read.IsSuccess, string.Join("\n", read.Errors));
        var outcome = LedgerRunner.Run(rules, read.Entries);

        Assert.Empty(outcome.Refused.SelectMany(r => r.Lines()));
        Assert.Equal(companies, outcome.Participants.Count);
        Assert.All(outcome.Participants, p => Assert.Equal(Pimex.Participation.ParticipantStatus.Completed, p.Status));
    }

    [Theory]
    [InlineData("extremadura", 2016)]
    [InlineData("maribor", 2026)]
    public void New_TheFirstCompanyDeclaresALinkedHolding_WhoseFiguresAndAidItsAdmissionCounts(string rulebook, int year)
    {
        var rules = Load(rulebook);
        var read = LedgerReader.Read(StarterLedger.Write(rules, year, rulebook, 2).Value);
        var outcome = LedgerRunner.Run(rules, read.Entries);

        var admitted = outcome.EditionEvents.OfType<Pimex.Editions.CompanyAdmitted>().First();
        var sme = Assert.IsType<Pimex.Admission.SmeAssessment>(admitted.Sme);
        Assert.Equal(
            [Pimex.Admission.SmeTreatment.Own, Pimex.Admission.SmeTreatment.Linked],
            sme.Lines.Select(l => l.Treatment));
        Assert.Equal(2, sme.Periods.Count);
        var first = outcome.Participants.Single(p => p.Terms.DeclaredAid.Count > 0);
        var aid = Assert.Single(first.Terms.DeclaredAid);
        Assert.Equal(("Sample Holding", rules.On(rules.Annuity(year).Value.Applications.Start).Value.Promotion.CapPerCompany), (aid.Recipient, aid.Amount));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void New_IsCausallyOrdered(string rulebook, int year, int companies)
    {
        var rules = Load(rulebook);
        var zone = rules.TimeZone;
        var rulesDate = rules.Annuity(year).Value.Applications.Start;
        var lines = StarterLedger.Write(rules, year, rulebook, companies).Value
            .Split('\n')
            .Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        var sessions = new Dictionary<string, LocalDate>();
        var submitted = new Dictionary<(string, string), Instant>();
        var last = Instant.MinValue;
        LocalDate Date(JsonElement e, string name) => LocalDatePattern.Iso.Parse(e.GetProperty(name).GetString()!).Value;

        foreach (var line in lines)
        {
            var command = line.GetProperty("command").GetString()!;
            var at = InstantPattern.ExtendedIso.Parse(line.GetProperty("at").GetString()!).Value;
            var day = at.InZone(zone).Date;
            string company = line.TryGetProperty("company", out var c) ? c.GetString()! : string.Empty;
            Assert.True(at >= last, $"{command} at {at} goes back before {last}");
            Assert.True(day >= rulesDate, $"{command} on {day}, before the rules date {rulesDate}");
            last = at;
            switch (command)
            {
                case "scheduleSession":
                    sessions[line.GetProperty("session").GetString()!] = Date(line, "date");
                    break;
                case "recordAttendance":
                    Assert.True(day >= sessions[line.GetProperty("session").GetString()!]);
                    break;
                case "recordTutorial" or "recordTrainingPill":
                    Assert.True(Date(line, "date") <= day);
                    break;
                case "submitClaim":
                    Assert.True(Date(line, "invoiceDate") <= day);
                    submitted[(company, "claim")] = at;
                    break;
                case "verifyClaim":
                    Assert.True(at > submitted[(company, "claim")]);
                    break;
                case "submitSwot" or "submitRoadmap":
                    submitted[(company, command)] = at;
                    break;
                case "reviewSwot":
                    Assert.True(at > submitted[(company, "submitSwot")]);
                    break;
                case "reviewRoadmap":
                    Assert.True(at > submitted[(company, "submitRoadmap")]);
                    break;
                case "complete":
                    submitted[(company, command)] = at;
                    break;
                case "answerSurvey":
                    Assert.True(at > submitted[(company, "complete")]);
                    break;
            }
        }
    }

    [Fact]
    public void New_WhenTheYearHasNoAnnuity_ExitsOneNamingTheYearsThereAre()
    {
        var run = Tool.Run("ledger", "new", "--year", "2019");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no annuity for 2019. Its annuities: 2016.", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void New_ThroughTheTool_WritesCommentsAndOneCommandPerLine()
    {
        var run = Tool.Run(new InMemoryFiles().With("p.json", Demanding), "ledger", "new", "--rulebook", "p.json", "--year", "2026");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("// Starter ledger: the 2026 edition of 'demanding'", run.Out, StringComparison.Ordinal);
        Assert.Contains("//   pimex run FILE --rulebook p.json", run.Out, StringComparison.Ordinal);
        Assert.All(run.OutLines, l => Assert.True(l.StartsWith("//", StringComparison.Ordinal) || l.StartsWith("{\"command\":", StringComparison.Ordinal), l));
    }
}
