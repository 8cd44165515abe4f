using System.Globalization;
using NodaTime;
using Pimex.Cli.Ledger;
using Pimex.Cli.Rules;
using Pimex.Common;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Rulebooks;

namespace Pimex.Cli.Commands;

/// <summary>
/// One ledger run for a report: the rulebook, the ledger's commands and their outcome, the
/// companies' names the ledger gives and the date of its last command.
/// </summary>
internal sealed record EditionRun(RunInput Input, Rulebook Rulebook, string Source, IReadOnlyList<LedgerEntry> Entries, LedgerOutcome Outcome)
{
    /// <summary>The companies' names, from the ledger's applications (host data the library does not hold).</summary>
    public IReadOnlyDictionary<CompanyId, string> Names { get; } = NamesOf(Entries);

    /// <summary>The date of the ledger's last command, in the rulebook's time zone: what the report is as of.</summary>
    public LocalDate? AsOf =>
        Entries.Where(e => e.Command.At >= CommandContext.EarliestSupported && e.Command.At <= CommandContext.LatestSupported)
            .Select(e => (Instant?)e.Command.At).Max()?.InZone(Rulebook.TimeZone).Date;

    /// <summary>Loads the rulebook and runs a ledger (the embedded 2016 edition by default); writes why not and returns null.</summary>
    public static EditionRun? Load(CliContext context, RunInput input, out int exitCode)
    {
        var (rulebookFile, baseFiles, ledgerFile, _) = input;
        var loaded = RulebookSource.Load(context.Files, rulebookFile, baseFiles);
        exitCode = CommonOptions.Report(context, loaded);
        if (exitCode != ExitCodes.Ok)
        {
            return null;
        }

        var rulebook = loaded.Rulebook!;
        string text;
        string source;
        if (ledgerFile is null)
        {
            text = EmbeddedLedgers.Extremadura2016();
            source = EmbeddedLedgers.Extremadura2016Name;
        }
        else
        {
            var read = context.Files.Read(ledgerFile);
            if (read.Text is null)
            {
                context.Fail(read.Error ?? $"{ledgerFile} cannot be read.");
                exitCode = ExitCodes.Unreadable;
                return null;
            }

            text = read.Text;
            source = ledgerFile;
        }

        var parsed = LedgerReader.Read(text);
        if (!parsed.IsSuccess)
        {
            context.Fail($"{source} is not a valid ledger: {parsed.Errors.Count} error(s); nothing was applied.");
            CommonOptions.WriteCapped(context.Error, parsed.Errors.Select(e => "  " + e), parsed.Errors.Count, "error");

            exitCode = ExitCodes.Unreadable;
            return null;
        }

        var language = RunLanguage(rulebook, parsed.Entries, input.Lang);
        return new EditionRun(input, rulebook, source, parsed.Entries, LedgerRunner.Run(rulebook, parsed.Entries, language)) { RefusalLanguage = language };
    }

    /// <summary>The language the refusals' reasons are written in: the one asked for, else the report's (the rulebook's on the edition's rules date).</summary>
    public ReportLanguage RefusalLanguage { get; init; } = ReportLanguage.English;

    /// <summary>
    /// The language asked for; else the rulebook's reporting language on the rules date of the
    /// edition the ledger opens (the first day of its applications window), as the report takes it.
    /// </summary>
    private static ReportLanguage RunLanguage(Rulebook rulebook, IReadOnlyList<LedgerEntry> entries, string? code)
    {
        if (ReportLanguage.TryFromCode(code, out var asked))
        {
            return asked;
        }

        var open = entries.Select(e => e.Command).OfType<OpenEdition>().FirstOrDefault();
        return open is not null
            && rulebook.Annuity(open.Year) is { IsSuccess: true } annuity
            && rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(annuity.Value.Applications.Start, out var named)
            && ReportLanguage.TryFromCode(named, out var language)
                ? language
                : ReportLanguage.English;
    }

    /// <summary>The edition report, as of the ledger's last command.</summary>
    public EditionReport Report() => EditionReports.Of(Outcome, Rulebook) with { AsOf = AsOf };

    /// <summary>The per-company table, with the ledger's names.</summary>
    public CompanyTable Companies() => CompanyTable.Create(Outcome.Edition!, Outcome.Participants, Names);

    /// <summary>The language asked for, else the rulebook's; writes why not and returns null for an unknown code.</summary>
    public static ReportLanguage? Language(CliContext context, string? code, ReportLanguage rulebooks)
    {
        if (code is null)
        {
            return rulebooks;
        }

        if (ReportLanguage.TryFromCode(code, out var language))
        {
            return language;
        }

        context.Fail(string.Create(CultureInfo.InvariantCulture, $"'{code}' is not a report language; one of: {string.Join(", ", ReportLanguage.All.Select(l => l.Code))}."));
        return null;
    }

    /// <summary>Says how many commands were refused, on standard error, with a command line that lists them as written.</summary>
    public void SumUpRefusals(CliContext context)
    {
        if (Outcome.Refused.Count > 0)
        {
            var run = "pimex run " + (Input.LedgerFile ?? $"--embedded {EmbeddedLedgers.Extremadura2016Year}")
                + string.Concat(Input.BaseFiles.Select(b => " --base " + b))
                + (Input.RulebookFile is null ? string.Empty : " --rulebook " + Input.RulebookFile);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pimex: {Source}: {Outcome.Refused.Count} of {Outcome.Commands} commands were refused ('{run}' lists them)."));
        }
    }

    private static Dictionary<CompanyId, string> NamesOf(IReadOnlyList<LedgerEntry> entries)
    {
        var names = new Dictionary<CompanyId, string>();
        foreach (var entry in entries)
        {
            if (entry.Command is Apply { CompanyName: { } name } apply)
            {
                names[apply.Application.Company] = name;
            }
        }

        return names;
    }
}

/// <summary>What a report runs: the rulebook file (null for Extremadura's), the base rulebooks it extends, the ledger file (null for the embedded 2016 edition), and the language asked for (null for the rulebook's).</summary>
internal sealed record RunInput(string? RulebookFile, IReadOnlyList<string> BaseFiles, string? LedgerFile, string? Lang = null);
