using System.CommandLine;
using NodaTime.Text;
using Pimex.Cli.Rules;

namespace Pimex.Cli.Commands;

/// <summary>Options and helpers several commands share.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON." };

    public static Option<string?> Rulebook() => new("--rulebook")
    {
        Description = "A rulebook file: a base rulebook, or a partner rulebook (\"extends\": \"extremadura\") loaded over the embedded Extremadura one. Default: the embedded Extremadura rulebook.",
        HelpName = "FILE",
    };

    /// <summary>The most errors printed as text before the rest are only counted.</summary>
    public const int MaxErrorsShown = 50;

    public static Option<string[]> Bases() => new("--base")
    {
        Description = "A base rulebook file that a partner rulebook extends (repeatable, for chains: each may extend the embedded rulebook or an earlier --base). Without it, a partner's base is the embedded 'extremadura' or the file <id>.json beside it.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> On(string what) => new("--on")
    {
        Description = $"The date (yyyy-MM-dd) {what}.",
        HelpName = "DATE",
    };

    /// <summary>Parses a date option; writes the problem and returns false when it does not parse.</summary>
    public static bool TryDate(CliContext context, string? text, out LocalDate? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            context.Fail($"'{text}' is not a date such as 2016-01-15 (yyyy-MM-dd).");
            return false;
        }

        date = parsed.Value;
        return true;
    }

    /// <summary>Writes why a rulebook did not load and returns the exit code; Ok when it loaded.</summary>
    public static int Report(CliContext context, LoadedRulebook loaded)
    {
        switch (loaded.Status)
        {
            case LoadStatus.Unreadable:
                context.Fail(loaded.ReadError ?? $"{loaded.Source} cannot be read.");
                return ExitCodes.Unreadable;
            case LoadStatus.Invalid:
                context.Fail($"{loaded.Source} is not a valid rulebook: {loaded.Errors.Count} error(s).");
                WriteCapped(context.Error, loaded.Errors.Select(e => $"  {e.Identifier} {e.ErrorCode} {e.ErrorMessage}"), loaded.Errors.Count, "error");
                return ExitCodes.Invalid;
            default:
                return ExitCodes.Ok;
        }
    }

    /// <summary>
    /// Writes the first <see cref="MaxErrorsShown"/> lines, then one line counting the rest
    /// ("  ... and 39,000 more errors"), so that a flood of problems stays readable.
    /// </summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="lines">The lines, lazily.</param>
    /// <param name="count">How many there are.</param>
    /// <param name="what">What one line is ("error").</param>
    public static void WriteCapped(TextWriter writer, IEnumerable<string> lines, int count, string what)
    {
        foreach (var line in lines.Take(MaxErrorsShown))
        {
            writer.WriteLine(line);
        }

        if (count > MaxErrorsShown)
        {
            int more = count - MaxErrorsShown;
            writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  ... and {more:N0} more {what}{(more == 1 ? string.Empty : "s")} ({count:N0} in all)."));
        }
    }
}
