using Ardalis.Result;
using NodaTime.Text;
using Pimex.Cli.IO;
using Pimex.Cli.Ledger;
using Pimex.Cli.Rules;
using Pimex.Evaluation;

namespace Pimex.Cli.Commands;

/// <summary>
/// One ledger run for a report: the rulebook, the outcome of the ledger's commands, the
/// companies' names the ledger gives and the instant of its latest command. The ledger is
/// streamed in one pass: each command is applied as its line is read, and the run is discarded
/// if any line is broken; neither the text nor the commands are kept.
/// </summary>
/// <param name="Input">What was run.</param>
/// <param name="Rulebook">The rulebook.</param>
/// <param name="Source">The ledger's name.</param>
/// <param name="Names">The companies' names, from the ledger's applications (host data the library does not hold).</param>
/// <param name="Latest">The latest instant of a command (within the supported years), or null.</param>
/// <param name="Outcome">The outcome.</param>
internal sealed record EditionRun(RunInput Input, Rulebook Rulebook, string Source, IReadOnlyDictionary<CompanyId, string> Names, Instant? Latest, LedgerOutcome Outcome)
{
    /// <summary>The date of the ledger's last command, in the rulebook's time zone: what the report is as of.</summary>
    public LocalDate? AsOf => Latest?.InZone(Rulebook.TimeZone).Date;

    /// <summary>Loads the rulebook and runs a ledger (the embedded 2016 edition by default); writes why not and returns null.</summary>
    public static EditionRun? Load(CliContext context, RunInput input, out int exitCode) =>
        Load(context, input, LedgerOrder.MaxKeptWhileStreaming, out exitCode);

    /// <summary>The same, keeping at most <paramref name="maxKept"/> commands in time order while it streams (<see cref="LedgerOrder.MaxKeptWhileStreaming"/>).</summary>
    internal static EditionRun? Load(CliContext context, RunInput input, int maxKept, out int exitCode)
    {
        var (rulebookFile, baseFiles, ledgerFile, _, _) = input;
        var loaded = RulebookSource.Load(context.Files, rulebookFile, baseFiles);
        exitCode = CommonOptions.Report(context, loaded);
        if (exitCode != ExitCodes.Ok)
        {
            return null;
        }

        var rulebook = loaded.Rulebook!;
        var asked = LanguageFiles.Asked(context, input.Lang, input.LangFile, rulebookFile, out var failed);
        if (failed)
        {
            exitCode = ExitCodes.Unreadable;
            return null;
        }

        var source = ledgerFile ?? EmbeddedLedgers.Extremadura2016Name;
        var stream = ledgerFile is null
            ? TextStream.Of(new FileText(EmbeddedLedgers.Extremadura2016(), null))
            : context.Files.OpenStream(ledgerFile);
        if (stream.Open is null)
        {
            context.Fail(stream.Error ?? $"{ledgerFile} cannot be read.");
            exitCode = ExitCodes.Unreadable;
            return null;
        }

        // One pass: each command is applied as soon as its line is read, into a run held in
        // memory. A broken line anywhere stops the applying and the run is discarded: nothing of
        // the ledger is applied, as if every line had been read first. The commands before the
        // first openEdition wait for it (the refusals' language is the edition's). The commands
        // are applied in time order (LedgerOrder): while the lines come in time order, the first
        // MaxKeptWhileStreaming commands are kept too; at the first line earlier than one above
        // it, the applying stops, every command is kept, and after the pass the kept commands
        // are applied again, from the start, in time order.
        var errors = new List<LedgerError>();
        var waiting = new List<LedgerEntry>();
        LedgerRunner? runner = null;
        ReportLanguage language = ReportLanguage.English;
        var names = new Dictionary<CompanyId, string>();
        Instant? latest = null;
        var watch = new LedgerOrder.Watch();
        List<LedgerEntry>? kept = [];
        void ApplyNow(LedgerEntry entry)
        {
            var command = entry.Command;
            if (command is Apply { CompanyName: { } name } apply)
            {
                names[apply.Application.Company] = name;
            }

            if (command.At >= CommandContext.EarliestSupported && command.At <= CommandContext.LatestSupported && (latest is null || command.At > latest))
            {
                latest = command.At;
            }

            if (runner is null)
            {
                if (command is not OpenEdition open)
                {
                    waiting.Add(entry);
                    return;
                }

                language = asked ?? RunLanguage(context, rulebook, rulebookFile, open.Year);
                runner = Started(rulebook, language, waiting);
            }

            runner.Apply(entry);
        }

        void Read(LedgerEntry entry)
        {
            if (errors.Count > 0)
            {
                return;
            }

            bool inOrder = watch.See(entry);
            if (kept is not null)
            {
                kept.Add(entry);
                if (inOrder && kept.Count >= maxKept)
                {
                    kept = null;
                }
            }
            else if (!inOrder)
            {
                errors.Add(new LedgerError(entry.Line, "$.at", LedgerErrors.OutOfOrder, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{InstantPattern.ExtendedIso.Format(entry.Command.At)} is earlier than line {watch.First!.LaterLine} ({InstantPattern.ExtendedIso.Format(watch.First.LaterAt)}), past the first {maxKept:N0} commands: a ledger this long is applied as it streams and must be in time order (sort its lines by \"at\").")));
                return;
            }

            if (inOrder)
            {
                ApplyNow(entry);
            }
        }

        if (!Pass(context, stream.Open, source, Read, errors, out exitCode))
        {
            return null;
        }

        if (errors.Count > 0)
        {
            context.Fail($"{source} is not a valid ledger: {errors.Count} error(s); nothing was applied.");
            CommonOptions.WriteCapped(context.Error, errors.Select(e => "  " + e), errors.Count, "error");

            exitCode = ExitCodes.Unreadable;
            return null;
        }

        LedgerDisorder? disorder = null;
        if (watch.First is not null)
        {
            // The run so far is discarded: every command again, in time order.
            (var ordered, disorder) = LedgerOrder.InTimeOrder(kept!);
            runner = null;
            waiting.Clear();
            names.Clear();
            latest = null;
            foreach (var entry in ordered)
            {
                ApplyNow(entry);
            }
        }

        if (runner is null)
        {
            language = asked ?? RunLanguage(context, rulebook, rulebookFile, null);
            runner = Started(rulebook, language, waiting);
        }

        return new EditionRun(input, rulebook, source, names, latest, runner.Finish() with { Disorder = disorder }) { RefusalLanguage = language };
    }

    /// <summary>A run that keeps no event streams (a report needs only the aggregates), the waiting commands applied.</summary>
    private static LedgerRunner Started(Rulebook rulebook, ReportLanguage language, List<LedgerEntry> waiting)
    {
        var runner = LedgerRunner.Start(rulebook, language, keepEvents: false);
        foreach (var entry in waiting)
        {
            runner.Apply(entry);
        }

        waiting.Clear();
        return runner;
    }

    /// <summary>One reading of the ledger, each command handed over; false (the reason written) when the file's bytes stop it.</summary>
    private static bool Pass(CliContext context, Func<TextReader> open, string source, Action<LedgerEntry> onEntry, List<LedgerError> errors, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        try
        {
            using var reader = open();
            LedgerReader.Scan(reader, onEntry, errors);
            return true;
        }
        catch (Exception ex) when (TextStream.Describe(ex, source) is { } why)
        {
            context.Fail(why);
            exitCode = ExitCodes.Unreadable;
            return false;
        }
    }

    /// <summary>The language the refusals' reasons are written in: the one asked for, else the report's (the rulebook's on the edition's rules date).</summary>
    public ReportLanguage RefusalLanguage { get; init; } = ReportLanguage.English;

    /// <summary>
    /// The rulebook's reporting language on the rules date of the edition the ledger opens (the
    /// first day of its applications window), as the report takes it: one the library embeds,
    /// else <c>CODE.json</c> beside the rulebook file; English when there is neither (said on
    /// standard error).
    /// </summary>
    private static ReportLanguage RunLanguage(CliContext context, Rulebook rulebook, string? rulebookFile, int? year)
    {
        if (year is not { } opened
            || rulebook.Annuity(opened) is not { IsSuccess: true } annuity
            || !rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(annuity.Value.Applications.Start, out var named))
        {
            return ReportLanguage.English;
        }

        if (LanguageFiles.Find(context, named, rulebookFile, out var why) is { } language)
        {
            return language;
        }

        context.Fail($"the rulebook's language: {why} The reports are in English.");
        return ReportLanguage.English;
    }

    /// <summary>
    /// The edition report, as of the ledger's last command; or why the library cannot make it. A
    /// programme outside the euro has its spend and funding in euros too
    /// (<see cref="EditionReport.WithEuros"/>, at the rulebook's monthly rates); when a month has no
    /// rate, the report comes without them and each missing rate is written to standard error.
    /// </summary>
    public Result<EditionReport> Report(CliContext context)
    {
        var made = EditionReports.Of(Outcome, Rulebook).Map(report => report with { AsOf = AsOf });
        if (!made.IsSuccess || made.Value.Currency == Pimex.Monetary.Currency.EUR || Outcome.Expenditure is not { } expenditure)
        {
            return made;
        }

        var inEuros = made.Value.WithEuros(expenditure, Rulebook);
        if (inEuros.IsSuccess)
        {
            return inEuros;
        }

        foreach (var error in inEuros.ValidationErrors)
        {
            context.Fail(RefusalLanguage.Format("tool.report.noEuros", error.ErrorCode + ": " + error.ErrorMessage));
        }

        return made;
    }

    /// <summary>The per-company table, with the ledger's names; or why the library cannot make it.</summary>
    public Result<CompanyTable> Companies() => CompanyTable.Create(Outcome.Edition!, Outcome.Participants, Names);

    /// <summary>The value of a report's result; else writes each of its reasons, with its code, and returns null.</summary>
    public static T? Made<T>(CliContext context, Result<T> result)
        where T : class
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }

        foreach (var error in result.ValidationErrors)
        {
            context.Fail(error.ErrorCode + ": " + error.ErrorMessage);
        }

        foreach (var message in result.Errors)
        {
            context.Fail(message);
        }

        return null;
    }

    /// <summary>
    /// The language of a report: the one asked for (<c>--lang-file</c>, else <c>--lang</c>: built
    /// in, else <c>CODE.json</c> beside the rulebook), else the rulebook's: the report's own
    /// (<paramref name="report"/>) when the library embeds it, else the one the run found beside
    /// the rulebook. Writes why not and returns null.
    /// </summary>
    public ReportLanguage? Language(CliContext context, string? code, string? file, ReportLanguage report)
    {
        if (code is null && file is null)
        {
            return ReportLanguage.All.Contains(RefusalLanguage) ? report : RefusalLanguage;
        }

        var asked = LanguageFiles.Asked(context, code, file, Input.RulebookFile, out var failed);
        return failed ? null : asked;
    }

    /// <summary>Says, on standard error, that the ledger's lines were not in time order (and were applied in time order), and how many commands were refused, with a command line that lists them as written.</summary>
    public void SumUpRefusals(CliContext context)
    {
        if (Outcome.Disorder is { } disorder)
        {
            context.Error.WriteLine($"pimex: {Source}: " + RunTexts.Reordered(RefusalLanguage, disorder, Outcome.Commands));
        }

        if (Outcome.Refused.Count > 0)
        {
            var run = "pimex run " + (Input.LedgerFile ?? $"--embedded {EmbeddedLedgers.Extremadura2016Year}")
                + string.Concat(Input.BaseFiles.Select(b => " --base " + b))
                + (Input.RulebookFile is null ? string.Empty : " --rulebook " + Input.RulebookFile);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pimex: {Source}: {Outcome.Refused.Count} of {Outcome.Commands} commands were refused ('{run}' lists them)."));
        }
    }
}

/// <summary>What a report runs: the rulebook file (null for Extremadura's), the base rulebooks it extends, the ledger file (null for the embedded 2016 edition), the language code asked for and the language file asked for (null for the rulebook's).</summary>
internal sealed record RunInput(string? RulebookFile, IReadOnlyList<string> BaseFiles, string? LedgerFile, string? Lang = null, string? LangFile = null);
