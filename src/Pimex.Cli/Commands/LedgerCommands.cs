using System.CommandLine;
using System.Globalization;
using Pimex.Cli.Ledger;
using Pimex.Cli.Rules;

namespace Pimex.Cli.Commands;

/// <summary><c>pimex ledger new | check | generate-2016</c>.</summary>
internal static class LedgerCommands
{
    public static Command Create(CliContext context) =>
        new("ledger", "Start, check and regenerate ledgers (an edition told as JSON commands, one per line).")
        {
            New(context),
            Check(context),
            RulesCommands.Resource(context, "format", "Print the ledger format (Markdown): every command, its fields, the values and the error codes.", "ledger-format.md"),
            Generate2016(context),
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
            var read = context.Files.Read(path);
            if (read.Text is null)
            {
                context.Fail(read.Error ?? $"{path} cannot be read.");
                return ExitCodes.Unreadable;
            }

            var parsed = LedgerReader.Read(read.Text);
            if (!parsed.IsSuccess)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: invalid ledger, {parsed.Errors.Count} error(s):"));
                CommonOptions.WriteCapped(context.Out, parsed.Errors.Select(e => "  " + e), parsed.Errors.Count, "error");

                return ExitCodes.Unreadable;
            }

            var counts = parsed.Entries.GroupBy(e => e.Command.Name).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {parsed.Entries.Count} commands ({string.Join(", ", counts)})."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Generate2016(CliContext context)
    {
        var command = new Command("generate-2016", "Print the ledger of the 2016 Extremadura edition, as its deterministic generator writes it: the same text as the one embedded in the tool (maintainers regenerate the embedded file with it).");
        command.SetAction(_ =>
        {
            context.Out.Write(Edition2016Generator.Generate());
            return ExitCodes.Ok;
        });
        return command;
    }
}
