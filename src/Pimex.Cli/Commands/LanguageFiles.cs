namespace Pimex.Cli.Commands;

/// <summary>
/// Where the tool finds a language (docs/languages.md): one the library embeds, else the file
/// <c>CODE.json</c> beside the rulebook file, else a file named with <c>--lang-file</c>. The
/// library reads the file's text (<see cref="ReportLanguage.Parse"/>); the tool reads the file.
/// </summary>
internal static class LanguageFiles
{
    /// <summary>
    /// The language asked for on the command line: <paramref name="file"/> (<c>--lang-file</c>)
    /// when given, else <paramref name="code"/> (<c>--lang</c>), built in or beside the rulebook;
    /// null when neither is given. Writes why not and sets <paramref name="failed"/>.
    /// </summary>
    public static ReportLanguage? Asked(CliContext context, string? code, string? file, string? rulebookFile, out bool failed)
    {
        failed = false;
        if (file is not null)
        {
            var read = Read(context, file, out var why);
            if (read is null)
            {
                context.Fail(why!);
                failed = true;
            }
            else if (code is not null && !string.Equals(code, read.Code, StringComparison.OrdinalIgnoreCase))
            {
                context.Fail($"--lang {code} and --lang-file {file} disagree: the file is the language '{read.Code}'.");
                failed = true;
            }

            return failed ? null : read;
        }

        if (code is null)
        {
            return null;
        }

        var found = Find(context, code, rulebookFile, out var problem);
        if (found is null)
        {
            context.Fail(problem!);
            failed = true;
        }

        return found;
    }

    /// <summary>
    /// A language by its code: one the library embeds, else <c>CODE.json</c> in the folder of
    /// <paramref name="rulebookFile"/>. Null, with why, when there is neither or the file is refused.
    /// </summary>
    public static ReportLanguage? Find(CliContext context, string code, string? rulebookFile, out string? why)
    {
        why = null;
        if (ReportLanguage.TryFromCode(code, out var builtIn))
        {
            return builtIn;
        }

        var builtIns = string.Join(", ", ReportLanguage.All.Select(l => l.Code));
        if (rulebookFile is null || rulebookFile == "-" || code.IndexOfAny(['/', '\\', '.']) >= 0)
        {
            why = $"'{code}' is not a built-in language ({builtIns}); name its file with --lang-file FILE, or put {code}.json beside the rulebook file.";
            return null;
        }

        var beside = Path.Combine(Path.GetDirectoryName(rulebookFile) ?? string.Empty, code + ".json");
        if (context.Files.Read(beside) is { Text: null } missing)
        {
            why = $"'{code}' is not a built-in language ({builtIns}), and {beside}, beside the rulebook, cannot be read ({missing.Error}); name its file with --lang-file FILE.";
            return null;
        }

        var language = Read(context, beside, out why);
        if (language is not null && !string.Equals(language.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            why = $"{beside} is the language '{language.Code}', not '{code}'.";
            return null;
        }

        return language;
    }

    /// <summary>Reads and parses a language file; null, with every problem in <paramref name="why"/>, when it cannot be read or is refused.</summary>
    public static ReportLanguage? Read(CliContext context, string path, out string? why)
    {
        var text = context.Files.Read(path);
        if (text.Text is null)
        {
            why = text.Error ?? $"{path} cannot be read.";
            return null;
        }

        var parsed = ReportLanguage.Parse(text.Text);
        if (!parsed.IsSuccess)
        {
            why = $"{path} is not a language file the library reads:" + string.Concat(parsed.ValidationErrors.Select(e => $"\n  {e.ErrorCode} at {e.Identifier}: {e.ErrorMessage}"));
            return null;
        }

        why = null;
        return parsed.Value;
    }
}
