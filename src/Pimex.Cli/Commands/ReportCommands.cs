using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pimex.Cli.Ledger;
using Pimex.Cli.Rules;
using Pimex.Rulebooks;

namespace Pimex.Cli.Commands;

/// <summary><c>pimex report</c> and <c>pimex run</c>: run a ledger and print the edition report.</summary>
internal static class ReportCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>pimex report [--rulebook FILE] [--ledger FILE] [--json]</c>.</summary>
    public static Command Report(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var ledger = new Option<string?>("--ledger")
        {
            Description = "A ledger file (JSON lines, one command per line: 'pimex ledger format' describes them; '-' for standard input). Default: the embedded 2016 Extremadura edition.",
            HelpName = "FILE",
        };
        var bases = CommonOptions.Bases();
        var json = CommonOptions.Json("the report");
        var command = new Command("report", "Run an edition's ledger and print its edition report: by default the embedded 2016 Extremadura edition (30 SMEs, EUR 88,280). Refused commands are summed up on standard error; 'pimex run' lists them.")
        {
            rulebook, bases, ledger, json,
        };
        command.SetAction(parse => Execute(context, parse.GetValue(rulebook), parse.GetValue(bases) ?? [], parse.GetValue(ledger), parse.GetValue(json), listRefused: false));
        return command;
    }

    /// <summary><c>pimex run LEDGER [--rulebook FILE] [--json]</c>.</summary>
    public static Command RunLedger(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var ledger = new Argument<string?>("LEDGER") { Description = "The ledger file (JSON lines, one command per line; '-' for standard input).", Arity = ArgumentArity.ZeroOrOne };
        var embedded = new Option<int?>("--embedded") { Description = $"Run the ledger shipped inside the tool for that year instead of a file: {EmbeddedLedgers.Extremadura2016Year} (the Extremadura edition).", HelpName = "YEAR" };
        var json = CommonOptions.Json("the run and the report");
        var command = new Command("run", "Apply a ledger of commands: list every refused command with its line and error code, then print the edition report.")
        {
            ledger, embedded, rulebook, bases, json,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(ledger);
            var year = parse.GetValue(embedded);
            if ((file is null) == (year is null))
            {
                context.Fail($"Give a ledger file or --embedded {EmbeddedLedgers.Extremadura2016Year}, not {(file is null ? "neither" : "both")}.");
                return ExitCodes.Unreadable;
            }

            if (year is { } y && y != EmbeddedLedgers.Extremadura2016Year)
            {
                context.Fail($"The tool ships the {EmbeddedLedgers.Extremadura2016Year} edition only; 'pimex ledger new --year {y}' starts a ledger for {y}.");
                return ExitCodes.Unreadable;
            }

            return Execute(context, parse.GetValue(rulebook), parse.GetValue(bases) ?? [], file, parse.GetValue(json), listRefused: true);
        });
        return command;
    }

    private static int Execute(CliContext context, string? rulebookFile, IReadOnlyList<string> baseFiles, string? ledgerFile, bool json, bool listRefused)
    {
        var loaded = RulebookSource.Load(context.Files, rulebookFile, baseFiles);
        if (CommonOptions.Report(context, loaded) is var code && code != ExitCodes.Ok)
        {
            return code;
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
                return ExitCodes.Unreadable;
            }

            text = read.Text;
            source = ledgerFile;
        }

        var parsed = LedgerReader.Read(text);
        if (!parsed.IsSuccess)
        {
            context.Fail($"{source} is not a valid ledger: {parsed.Errors.Count} error(s); nothing was applied.");
            CommonOptions.WriteCapped(context.Error, parsed.Errors.Select(e => "  " + e), parsed.Errors.Count, "error");

            return ExitCodes.Unreadable;
        }

        var outcome = LedgerRunner.Run(rulebook, parsed.Entries);
        if (outcome.Edition is null)
        {
            var waiting = outcome.Refused.Count(r => r.Errors.Any(e => e.Code == LedgerErrors.NoEditionOpen));
            WriteRefused(context.Error, outcome with { Refused = [.. outcome.Refused.Where(r => r.Errors.All(e => e.Code != LedgerErrors.NoEditionOpen))] });
            if (waiting > 0)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {waiting} command(s) refused with {LedgerErrors.NoEditionOpen}: no edition is open."));
            }

            context.Fail($"{source} opened no edition (an openEdition command must come first and succeed): there is no report.");
            return ExitCodes.Invalid;
        }

        var edition = EditionReports.Of(outcome, rulebook);
        if (json)
        {
            var report = JsonNode.Parse(edition.ToJson());
            JsonNode result = listRefused
                ? new JsonObject { ["ledger"] = Summary(source, outcome), ["report"] = report }
                : report!;
            context.Out.WriteLine(result.ToJsonString(Indented));
        }
        else
        {
            if (listRefused)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ledger {source}: {outcome.Commands} commands, {outcome.Applied} applied, {outcome.Refused.Count} refused."));
                WriteRefused(context.Out, outcome);
                context.Out.WriteLine();
            }

            context.Out.Write(edition.ToText());
        }

        if (!listRefused && outcome.Refused.Count > 0)
        {
            // The hint is a command line that works as written.
            var run = "pimex run " + (ledgerFile ?? $"--embedded {EmbeddedLedgers.Extremadura2016Year}")
                + string.Concat(baseFiles.Select(b => " --base " + b))
                + (rulebookFile is null ? string.Empty : " --rulebook " + rulebookFile);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pimex: {source}: {outcome.Refused.Count} of {outcome.Commands} commands were refused ('{run}' lists them)."));
        }

        return ExitCodes.Ok;
    }

    private static void WriteRefused(TextWriter writer, LedgerOutcome outcome)
    {
        foreach (var refusal in outcome.Refused)
        {
            foreach (var line in refusal.Lines())
            {
                writer.WriteLine("  " + line);
            }
        }
    }

    private static JsonObject Summary(string source, LedgerOutcome outcome)
    {
        var refused = new JsonArray();
        foreach (var r in outcome.Refused)
        {
            var errors = new JsonArray();
            foreach (var e in r.Errors)
            {
                var error = new JsonObject { ["code"] = e.Code };
                if (e.Identifier.Length > 0)
                {
                    error["identifier"] = e.Identifier;
                }

                error["message"] = e.Message;
                errors.Add(error);
            }

            refused.Add(new JsonObject
            {
                ["line"] = r.Line,
                ["command"] = r.Command,
                ["status"] = r.Status.ToString(),
                ["errors"] = errors,
            });
        }

        return new JsonObject
        {
            ["source"] = source,
            ["commands"] = outcome.Commands,
            ["applied"] = outcome.Applied,
            ["refused"] = refused,
        };
    }
}
