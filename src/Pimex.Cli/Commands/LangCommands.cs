using System.CommandLine;
using System.Text.Json.Nodes;

namespace Pimex.Cli.Commands;

/// <summary><c>pimex lang list | export | check | schema</c>: the language files (docs/languages.md).</summary>
internal static class LangCommands
{
    /// <summary>The name under which <c>pimex lang schema</c>'s output is meant to be saved, beside the language files: what an exported file's <c>$schema</c> names.</summary>
    internal const string SchemaFileName = "language.schema.json";

    public static Command Create(CliContext context) =>
        new("lang", "List, export and check the language files reports and refusals are written from: one JSON file per language, its formats and texts ('pimex lang schema' prints their JSON Schema).")
        {
            List(context),
            Export(context),
            Check(context),
            RulesCommands.Resource(context, "schema", $"Print the JSON Schema of language files, for editors: save it as {SchemaFileName} beside them.", SchemaFileName),
        };

    /// <summary><c>pimex lang list</c>: the languages the library embeds.</summary>
    private static Command List(CliContext context)
    {
        var command = new Command("list", "Print the languages built into the library, one a line: code and name. Any other is a language file (--lang CODE finds CODE.json beside the rulebook; --lang-file FILE names one).");
        command.SetAction(_ =>
        {
            foreach (var language in ReportLanguage.All)
            {
                context.Out.WriteLine($"{language.Code}\t{language.Name}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>pimex lang export CODE</c>: a language as a file, the template a translator starts from.</summary>
    private static Command Export(CliContext context)
    {
        var code = new Argument<string>("CODE") { Description = "A built-in language: en, es or sl." };
        var command = new Command("export", $"Print a built-in language as a language file, every key with its text: the template a translator starts from, such as 'pimex lang export en > xx.json' (then change code, name, formats and texts). Its \"$schema\" names {SchemaFileName} in the same folder ('pimex lang schema').")
        {
            code,
        };
        command.SetAction(parse =>
        {
            var asked = parse.GetValue(code)!;
            if (!ReportLanguage.TryFromCode(asked, out var language))
            {
                context.Fail($"'{asked}' is not a built-in language; one of: {string.Join(", ", ReportLanguage.All.Select(l => l.Code))}.");
                return ExitCodes.Unreadable;
            }

            // English's refusalArguments keeps the library's English wording for hosts that match
            // it; a template for another language must not carry it over.
            var file = JsonNode.Parse(language.ToJson())!;
            file["formats"]!.AsObject().Remove("refusalArguments");
            context.Out.Write(file.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>pimex lang check CODE FILE</c>: what a translator's file lacks or gets wrong.</summary>
    private static Command Check(CliContext context)
    {
        var code = new Argument<string>("CODE") { Description = "The language's code, as the file and a rulebook's reporting.language give it." };
        var file = new Argument<string>("FILE") { Description = "The language file ('-' for standard input)." };
        var command = new Command("check", "Check a language file: exit 0 when the library reads it, listing the keys it leaves out or empty (their English texts are used); exit 1 when it is refused, listing every problem with its JSON path and code (unknown keys, placeholders that differ from English's, formats); exit 2 when it cannot be read.")
        {
            code, file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var expected = parse.GetValue(code)!;
            var text = context.Files.Read(path);
            if (text.Text is null)
            {
                context.Fail(text.Error ?? $"{path} cannot be read.");
                return ExitCodes.Unreadable;
            }

            var parsed = ReportLanguage.Parse(text.Text);
            if (!parsed.IsSuccess)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: refused, {parsed.ValidationErrors.Count()} error(s):"));
                CommonOptions.WriteCapped(context.Out, parsed.ValidationErrors.Select(e => $"  {e.Identifier} {e.ErrorCode} {e.ErrorMessage}"), parsed.ValidationErrors.Count(), "error");
                return ExitCodes.Invalid;
            }

            var language = parsed.Value;
            if (!string.Equals(language.Code, expected, StringComparison.Ordinal))
            {
                context.Out.WriteLine($"{path}: refused: the file is the language '{language.Code}', not '{expected}'.");
                return ExitCodes.Invalid;
            }

            var all = language.Terms.Count;
            if (language.MissingKeys.Count == 0)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: complete language '{language.Code}' ({language.Name}), {all} texts."));
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: language '{language.Code}' ({language.Name}) read; {language.MissingKeys.Count} of {all} texts missing or empty, in English until translated:"));
            foreach (var key in language.MissingKeys)
            {
                context.Out.WriteLine($"  {key}: {ReportLanguage.English.Terms[key]}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
