using System.CommandLine;
using Pimex.Cli.IO;
using Pimex.Cli.Ledger;
using Pimex.Cli.Rules;

namespace Pimex.Cli.Commands;

/// <summary><c>pimex ledger new | check | format</c> (and the hidden <c>generate-big</c>).</summary>
internal static class LedgerCommands
{
    public static Command Create(CliContext context) =>
        new("ledger", "Start, check and describe ledgers (an edition told as JSON commands, one per line).")
        {
            New(context),
            Check(context),
            RulesCommands.Resource(context, "format", "Print the ledger format (Markdown): every command, its fields, the values and the error codes.", "ledger-format.md"),
            GenerateBig(context),
        };

    private static Command New(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var year = new Option<int>("--year")
        {
            Description = "The annuity whose edition the ledger runs: the rulebook must have it.",
            HelpName = "YYYY",
            Required = true,
        };
        var companies = new Option<int>("--companies")
        {
            Description = $"How many sample companies (default 1; at most what the edition admits, and {StarterLedger.MaxCompanies}).",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("new", "Print a commented starter ledger for an edition of a rulebook: the opening, the committed group sessions and one sample company taken through admission, training, SWOT, roadmap, a claim, completion and the survey. It runs with no refusal; redirect it to a file and edit it.")
        {
            rulebook, bases, year, companies,
        };
        command.SetAction(parse =>
        {
            var named = parse.GetValue(rulebook);
            var loaded = RulebookSource.Load(context.Files, named, parse.GetValue(bases) ?? []);
            if (CommonOptions.Report(context, loaded) is var code && code != ExitCodes.Ok)
            {
                return code;
            }

            var written = StarterLedger.Write(loaded.Rulebook!, parse.GetValue(year), named ?? RulebookSource.Embedded, parse.GetValue(companies));
            if (!written.IsSuccess)
            {
                var years = loaded.Rulebook!.Annuities.Keys.ToList();
                context.Fail($"{written.ValidationErrors.First().ErrorMessage} {(years.Count == 0 ? "It has no annuity: add one under \"annuities\" ('pimex rules format' describes them)." : $"Its annuities: {string.Join(", ", years)}.")}");
                return ExitCodes.Invalid;
            }

            context.Out.Write(written.Value);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Check(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The ledger file (JSON lines, one command per line; '-' for standard input)." };
        var command = new Command("check", "Read a ledger without applying it: exit 0 when every line is a well-formed command; otherwise exit 2 and list every problem with its line number and code.")
        {
            file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var stream = context.Files.OpenStream(path);
            if (stream.Open is null)
            {
                context.Fail(stream.Error ?? $"{path} cannot be read.");
                return ExitCodes.Unreadable;
            }

            // Read line by line: only the count of each command is kept.
            var errors = new List<LedgerError>();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var watch = new LedgerOrder.Watch();
            int read;
            try
            {
                using var reader = stream.Open();
                read = LedgerReader.Scan(
                    reader,
                    e =>
                    {
                        counts[e.Command.Name] = counts.GetValueOrDefault(e.Command.Name) + 1;
                        watch.See(e);
                    },
                    errors);
            }
            catch (Exception ex) when (TextStream.Describe(ex, path) is { } why)
            {
                context.Fail(why);
                return ExitCodes.Unreadable;
            }

            if (errors.Count > 0)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: invalid ledger, {errors.Count} error(s):"));
                CommonOptions.WriteCapped(context.Out, errors.Select(e => "  " + e), errors.Count, "error");

                return ExitCodes.Unreadable;
            }

            var described = counts.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Value} {kv.Key}"));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {read} commands ({string.Join(", ", described)})."));
            if (watch.First is { } first)
            {
                context.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Not in time order: line {first.Line} ({NodaTime.Text.InstantPattern.ExtendedIso.Format(first.At)}) is earlier than line {first.LaterLine} ({NodaTime.Text.InstantPattern.ExtendedIso.Format(first.LaterAt)}); {watch.Earlier} line(s) in all are earlier than a line above them. 'pimex run' applies the commands in time order (stable by \"at\"), with the file's line numbers."));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>pimex ledger generate-big --commands N [--print-rulebook]</c>: a maintainers' command,
    /// hidden from <c>--help</c>, that writes the big ledgers of the benchmarks
    /// (<c>docs/benchmarks.md</c>) and the rulebook they run under.
    /// </summary>
    private static Command GenerateBig(CliContext context)
    {
        var commands = new Option<int>("--commands")
        {
            Description = "About how many commands (the companies are as many as make them).",
            HelpName = "N",
            Required = true,
        };
        var printRulebook = new Option<bool>("--print-rulebook") { Description = "Print the rulebook the ledger runs under instead of the ledger." };
        var command = new Command("generate-big", "Print a big generated ledger of the 2016 edition (every company's whole life, no refusal), or its rulebook: for benchmarks.")
        {
            commands, printRulebook,
        };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            int companies = BigLedger.CompaniesFor(Math.Max(1, parse.GetValue(commands)));
            if (parse.GetValue(printRulebook))
            {
                context.Out.WriteLine(BigLedger.RulebookJson(companies));
            }
            else
            {
                BigLedger.Write(context.Out, companies, "big.json");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
