using System.CommandLine;
using Pimex.Cli.Commands;
using Pimex.Cli.IO;
using Pimex.Rulebooks.Json;

namespace Pimex.Cli;

/// <summary>
/// The <c>pimex</c> tool: builds its command tree and runs one command line. Everything it
/// prints goes to the writers it is given and every file it reads comes from the file source, so
/// tests run it in-process.
/// </summary>
internal static class PimexApp
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where diagnostics go.</param>
    /// <param name="files">Where files are read from.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IFileSource files)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdout, stderr, new ReadOnceFileSource(files)) { Target = files as IFileTarget ?? new DiskFileTarget() };
        var root = new RootCommand("pimex: adapt and check PIMEX rulebooks, and run an edition from a ledger of commands.")
        {
            ReportCommands.Report(context),
            ReportCommands.RunLedger(context),
            RulesCommands.Create(context),
            LedgerCommands.Create(context),
            LangCommands.Create(context),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Fail(error.Message);
            }

            foreach (var token in parse.UnmatchedTokens)
            {
                var command = parse.CommandResult.Command;
                var known = token.StartsWith('-')
                    ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
                    : command.Subcommands.Select(c => c.Name);
                if (Spelling.Closest(token, known) is { } suggestion)
                {
                    context.Fail($"'{token}': did you mean '{suggestion}'?");
                }
            }

            stderr.WriteLine("Run 'pimex --help' for usage.");
            return ExitCodes.Unreadable;
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}
