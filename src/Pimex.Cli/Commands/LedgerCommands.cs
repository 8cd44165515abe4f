using System.CommandLine;
using System.Globalization;
using Pimex.Cli.Ledger;

namespace Pimex.Cli.Commands;

/// <summary><c>pimex ledger check | generate-2016</c>.</summary>
internal static class LedgerCommands
{
    public static Command Create(CliContext context) =>
        new("ledger", "Check ledger files and regenerate the embedded 2016 edition.")
        {
            Check(context),
            Generate2016(context),
        };

    private static Command Check(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The ledger file (JSON lines, see docs/ledger-format.md)." };
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
                foreach (var error in parsed.Errors)
                {
                    context.Out.WriteLine("  " + error);
                }

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
        var command = new Command("generate-2016", "Print the ledger of the 2016 Extremadura edition, as its deterministic generator writes it: the same text as the embedded one (redirect it to src/Pimex.Cli/Data/extremadura-2016.jsonl to regenerate).");
        command.SetAction(_ =>
        {
            context.Out.Write(Edition2016Generator.Generate());
            return ExitCodes.Ok;
        });
        return command;
    }
}
