using System.Text.Json;
using Pimex.Cli.Ledger;
using Pimex.Cli.Tests.Support;
using Pimex.Common;
using Pimex.Promotion;

namespace Pimex.Cli.Tests;

public class RunCommandTest
{
    private static readonly InMemoryFiles Files = new InMemoryFiles()
        .With("2016.jsonl", Tool.Ledger2016)
        .With("podravje.json", Fixtures.Partner)
        .With("broken.json", Fixtures.BrokenPartner)
        .With("flood.jsonl", Fixtures.Ledger([Fixtures.Open(), .. Enumerable.Repeat(Fixtures.Admit(), 60)]))
        .With("edges.jsonl", Fixtures.Ledger(Fixtures.Open("9999-12-31T23:59:59Z"), Fixtures.Open("0000-12-31T23:59:59Z"), Fixtures.Open(), Fixtures.Apply(), "{\"command\":\"admit\",\"at\":\"9999-12-31T23:59:59Z\"," + Fixtures.Manager + ",\"company\":\"B06000001\"}"))
        .With("backdated.jsonl", Fixtures.Ledger(Fixtures.Open(), Fixtures.Apply(), Fixtures.Admit(), Fixtures.Claim("C1", "F-1"), Fixtures.Verify("C1").Replace("2016-06-10T09:00:00Z", "2016-06-01T08:00:00Z", StringComparison.Ordinal)))
        .With("refusals.jsonl", Fixtures.Ledger(Fixtures.Open(), Fixtures.Apply(), Fixtures.Admit(), Fixtures.Claim("C1", "F-1"), Fixtures.Claim("C2", "F-1"), Fixtures.Verify("C1")))
        .With("unknown.jsonl", Fixtures.Ledger(Fixtures.Open(), Fixtures.Apply(), "{\"command\":\"promote\",\"at\":\"2016-03-21T09:00:00Z\"}", Fixtures.Admit()))
        .With("noedition.jsonl", Fixtures.Ledger(Fixtures.Apply()))
        .With("late.json", Fixtures.Partner.Replace("2002-01-01", "2024-01-01", StringComparison.Ordinal));

    [Fact]
    public void Run_Embedded2016_ListsTheRefusedCommandsWithLineAndCode_ThenTheReport_InTheRulebooksLanguage()
    {
        var run = Tool.Run(Files, "run", "2016.jsonl");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^Registro de órdenes 2016\.jsonl: órdenes: [\d.]+; aplicadas: [\d.]+; rechazadas: 7\.", run.Out);
        Assert.Matches(@"línea \d+: PIMEX-ADM-004 ", run.Out);
        Assert.Matches(@"línea \d+: PIMEX-ADM-005 ", run.Out);
        Assert.Matches(@"línea \d+: PIMEX-ADM-001 ", run.Out);
        Assert.Matches(@"línea \d+: PIMEX-PART-004 ", run.Out);
        Assert.Matches($@"línea \d+: {TimeErrors.DatedAfterCommand} session\.date: La sesión «S2» tiene fecha ", run.Out);
        Assert.Matches($@"línea \d+: {PromotionErrors.ClaimNotFound} ", run.Out);
        Assert.Contains("No está en orden temporal: la línea 534 (2016-10-17T08:30:00Z) es anterior a la línea 533 (2016-10-17T10:00:00Z)", run.Out, StringComparison.Ordinal);
        Assert.Matches($@"línea \d+: {PromotionErrors.DuplicateInvoice} La factura ", run.Out);
        Assert.Contains("Informe de evaluación de la convocatoria: extremadura-2016", run.Out, StringComparison.Ordinal);
        Assert.Contains("88.280,00 €", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Run_WhenSixtyCommandsAreRefused_ListsFiftyAndCountsTheRest_AndJsonListsThemAll()
    {
        var run = Tool.Run(Files, "run", "flood.jsonl", "--lang", "en");
        var json = Tool.Run(Files, "run", "flood.jsonl", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Ledger flood.jsonl: 61 commands, 1 applied, 60 refused.", run.Out, StringComparison.Ordinal);
        Assert.Equal(50, run.OutLines.Count(l => l.StartsWith("  line ", StringComparison.Ordinal)));
        Assert.Contains("  ... and 10 more refused commands (60 in all; --json lists every one).", run.OutLines);
        Assert.Equal(60, JsonDocument.Parse(json.Out).RootElement.GetProperty("ledger").GetProperty("refused").GetArrayLength());
    }

    [Fact]
    public void Run_WhenInstantsAreAtTheEdgesOfTheCalendar_RefusesThemWithACodeAndGoesOn()
    {
        var run = Tool.Run(Files, "run", "edges.jsonl", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"  line 1: {TimeErrors.OutsideCalendar} at: The command's instant 9999-12-31T23:59:59Z is outside the supported calendar, 0001-01-01T00:00:00Z to 9998-12-31T23:59:59Z.", run.OutLines);
        Assert.Matches($@"line 2: {TimeErrors.OutsideCalendar} at: The command's instant 0000-12-31T23:59:59Z ", run.Out);
        Assert.Matches($@"line 5: {TimeErrors.OutsideCalendar} ", run.Out);
        Assert.Contains("Ledger edges.jsonl: 5 commands, 2 applied, 3 refused.", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void Run_WhenAVerificationIsDatedBeforeItsClaimsSubmission_AppliesItInTimeOrder_SoItsClaimIsNotThereYet()
    {
        var run = Tool.Run(Files, "run", "backdated.jsonl", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            [
                "Ledger backdated.jsonl: 5 commands, 4 applied, 1 refused.",
                "Not in time order: line 5 (2016-06-01T08:00:00Z) is earlier than line 4 (2016-06-01T09:00:00Z); the 5 commands were applied in time order (stable by \"at\"), 2 of them at another place than the file gives them; the line numbers are the file's.",
                $"  line 5: {PromotionErrors.ClaimNotFound} extremadura-2016/B06000001 has no claim 'C1'.",
            ],
            run.OutLines.Take(3));
    }

    [Fact]
    public void Run_WhenACommandIsRefused_ReportsItAndAppliesTheOthers()
    {
        var run = Tool.Run(Files, "run", "refusals.jsonl", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Ledger refusals.jsonl: 6 commands, 5 applied, 1 refused.", run.Out, StringComparison.Ordinal);
        Assert.Contains("  line 5: PIMEX-PROMO-001 Invoice F-1 of B28000002 was already claimed (claim 'C1').", run.OutLines);
    }

    [Fact]
    public void Run_AsJson_GivesTheLedgerSummaryAndTheReport()
    {
        var run = Tool.Run(Files, "run", "refusals.jsonl", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var ledger = json.RootElement.GetProperty("ledger");
        Assert.Equal(6, ledger.GetProperty("commands").GetInt32());
        Assert.Equal(5, ledger.GetProperty("applied").GetInt32());
        var refused = Assert.Single(ledger.GetProperty("refused").EnumerateArray());
        Assert.Equal(5, refused.GetProperty("line").GetInt32());
        Assert.Equal("submitClaim", refused.GetProperty("command").GetString());
        Assert.Equal("Conflict", refused.GetProperty("status").GetString());
        Assert.Equal(PromotionErrors.DuplicateInvoice, refused.GetProperty("errors")[0].GetProperty("code").GetString());
        var report = json.RootElement.GetProperty("report");
        Assert.Equal(1, report.GetProperty("participants").GetProperty("admitted").GetInt32());
        Assert.Equal(1200.00m, report.GetProperty("support").GetProperty("total").GetDecimal());
    }

    [Fact]
    public void Run_WhenALineIsAnUnknownCommand_ExitsTwoWithItsLineAndAppliesNothing()
    {
        var run = Tool.Run(Files, "run", "unknown.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("unknown.jsonl is not a valid ledger: 1 error(s); nothing was applied.", run.Error, StringComparison.Ordinal);
        Assert.Contains($"line 3: {LedgerErrors.UnknownCommand} $.command: 'promote' is not a command", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenTheLedgerOpensNoEdition_ExitsOne()
    {
        var run = Tool.Run(Files, "run", "noedition.jsonl");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains($"... and 1 command(s) refused with {LedgerErrors.NoEditionOpen}: no edition is open.", run.Error, StringComparison.Ordinal);
        Assert.Contains("opened no edition", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WhenTheRulebookHasNoRulesInForceForItsEdition_IsRefusedAtValidationNotAtOpening()
    {
        var run = Tool.Run(Files, "report", "--rulebook", "late.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("late.json is not a valid rulebook: 2 error(s).", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.annuities.2016.windows.applications.start PIMEX-RB-020 The 2016 edition takes its rules from its first day of applications, 2016-01-15, and 'promotion.capPerCompany' has no value then", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenTheLedgerIsMissing_ExitsTwo()
    {
        var run = Tool.Run(Files, "run", "nowhere.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nowhere.jsonl does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenTheRulebookIsInvalid_ExitsOneAndRunsNothing()
    {
        var run = Tool.Run(Files, "run", "2016.jsonl", "--rulebook", "broken.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("$.overrides.promotion.coffeeAllowance PIMEX-RB-013", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LedgerCheck_ReportsCommandsOrProblems()
    {
        var good = Tool.Run(Files, "ledger", "check", "refusals.jsonl");
        var bad = Tool.Run(Files, "ledger", "check", "unknown.jsonl");

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("refusals.jsonl: 6 commands (1 openEdition, 1 apply, 1 admit, 2 submitClaim, 1 verifyClaim).", good.Out, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains($"line 3: {LedgerErrors.UnknownCommand}", bad.Out, StringComparison.Ordinal);
    }
}
