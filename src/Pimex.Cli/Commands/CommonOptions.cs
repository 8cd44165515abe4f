using System.CommandLine;
using NodaTime;
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
                foreach (var e in loaded.Errors)
                {
                    context.Error.WriteLine($"  {e.Identifier} {e.ErrorCode} {e.ErrorMessage}");
                }

                return ExitCodes.Invalid;
            default:
                return ExitCodes.Ok;
        }
    }
}
