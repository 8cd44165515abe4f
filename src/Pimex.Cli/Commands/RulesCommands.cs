using System.CommandLine;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Pimex.Cli.Rules;
using Pimex.Rulebooks.Json;

namespace Pimex.Cli.Commands;

/// <summary><c>pimex rules show | validate | diff | schema | doc | format | example</c>.</summary>
internal static partial class RulesCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context) =>
        new("rules", "Show, validate and compare rulebooks (a region's rules as dated data).")
        {
            Show(context),
            Validate(context),
            Diff(context),
            Generated(context, "schema", "Print the JSON Schema of rulebooks (base and partner), written from the parameter catalogue, for editors: save it and point a rulebook's \"$schema\" at it.", RulebookSchema.Text),
            Generated(context, "doc", "Print the parameter table of the rulebook format (Markdown), written from the parameter catalogue: each parameter's form, meaning and values in the embedded 'extremadura' rulebook.", () => ParameterTable.Markdown(Rulebook.Extremadura)),
            Resource(context, "format", "Print the rulebook format (Markdown): every field, parameter, check and error code.", "rulebook-format.md"),
            Example(context),
        };

    /// <summary>A command that prints a document embedded in the tool.</summary>
    public static Command Resource(CliContext context, string name, string description, string file)
    {
        var command = new Command(name, description);
        command.SetAction(_ =>
        {
            context.Out.Write(EmbeddedResources.Text(file));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The name under which <c>pimex rules schema</c>'s output is meant to be saved, beside the rulebooks: what the example's <c>$schema</c> names.</summary>
    internal const string SchemaFileName = "rulebook.schema.json";

    /// <summary>
    /// <c>pimex rules example</c>: the illustrative Maribor partner rulebook, its <c>$schema</c>
    /// naming <see cref="SchemaFileName"/> in the same folder (the repository's copy names the
    /// schema's place in the repository, which resolves nowhere once saved elsewhere).
    /// </summary>
    private static Command Example(CliContext context)
    {
        var command = new Command("example", $"Print the illustrative Maribor partner rulebook (it extends the embedded 'extremadura'): a starting point for your own, such as 'pimex rules example > my-region.json'; its \"$schema\" names {SchemaFileName} in the same folder: save the schema there with 'pimex rules schema > {SchemaFileName}'.");
        command.SetAction(_ =>
        {
            // The text as written (its order and layout are part of the example), the one value replaced.
            var example = EmbeddedResources.Text("maribor.json");
            context.Out.Write(SchemaLink().Replace(example, $"\"$schema\": \"{SchemaFileName}\"", 1));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A command that prints a document the tool writes from the library's catalogue.</summary>
    private static Command Generated(CliContext context, string name, string description, Func<string> text)
    {
        var command = new Command(name, description);
        command.SetAction(_ =>
        {
            context.Out.Write(text());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A command of <paramref name="symbols"/> whose action first reads the date of
    /// <paramref name="on"/> (exit 2 when it is not one), then runs <paramref name="action"/> with it.
    /// </summary>
    private static Command Dated(CliContext context, string name, string description, Option<string?> on, Symbol[] symbols, Func<ParseResult, LocalDate?, int> action)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument)
            {
                command.Add(argument);
            }
            else
            {
                command.Add((Option)symbol);
            }
        }

        command.SetAction(parse => CommonOptions.TryDate(context, parse.GetValue(on), out var date) ? action(parse, date) : ExitCodes.Unreadable);
        return command;
    }

    /// <summary>Loads a rulebook argument over the <c>--base</c> files (and <paramref name="over"/>), or reports why not.</summary>
    /// <returns>The rulebook, or null with the exit code in <paramref name="code"/>.</returns>
    private static Rulebook? Load(CliContext context, string? argument, string[]? bases, out int code, params Rulebook[] over)
    {
        var loaded = RulebookSource.Load(context.Files, argument, bases ?? [], over);
        code = CommonOptions.Report(context, loaded);
        return code == ExitCodes.Ok ? loaded.Rulebook : null;
    }

    private static Command Show(CliContext context)
    {
        var positional = new Argument<string?>("RULEBOOK")
        {
            Description = "The rulebook file, or 'extremadura' for the embedded one (the same as --rulebook).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var on = CommonOptions.On("whose rules in force to show; without it, every dated value of every parameter");
        var json = CommonOptions.Json("the rulebook (the merged base rulebook; with --on, the values in force)");
        return Dated(context, "show", "Show a rulebook: every parameter's dated values and the annuities, or the rules in force on a date.", on, [positional, rulebook, bases, on, json], (parse, date) =>
        {
            if (parse.GetValue(positional) is { } named && parse.GetValue(rulebook) is not null)
            {
                context.Fail($"Give the rulebook once: '{named}' or --rulebook, not both.");
                return ExitCodes.Unreadable;
            }

            if (Load(context, parse.GetValue(positional) ?? parse.GetValue(rulebook), parse.GetValue(bases), out var code) is not { } rb)
            {
                return code;
            }

            var asJson = parse.GetValue(json);
            context.Out.Write(date is { } d
                ? asJson ? InForceJson(rb, d) + "\n" : InForceText(rb, d)
                : asJson ? rb.ToJson() + "\n" : TimelinesText(rb));
            return ExitCodes.Ok;
        });
    }

    private static Command Validate(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The rulebook file ('-' for standard input, 'extremadura' for the embedded one): a base rulebook, or a partner rulebook that extends the embedded Extremadura one, a --base, or the <id>.json beside it." };
        var bases = CommonOptions.Bases();
        var json = CommonOptions.Json("the verdict and the errors");
        var lang = new Option<string?>("--lang")
        {
            Description = "The language of the messages: a built-in one (en, es, pl, pt, sl), or any other whose file CODE.json is beside the rulebook file. Default: the language the rulebook file names in reporting.language (moravia.json: cs, from cs.json beside it), else English. Codes and paths are the same in every language.",
            HelpName = "CODE",
        };
        var langFile = new Option<string?>("--lang-file")
        {
            Description = "The language of the messages, read from a language file ('pimex lang export en' writes a template; 'pimex lang check' checks it).",
            HelpName = "FILE",
        };
        var command = new Command("validate", "Check a rulebook file: exit 0 when it is valid, that is when each of its annuities can open and run; otherwise exit 1 and list every error with its JSON path and code, in the rulebook's language (--lang to choose another).")
        {
            file, bases, json, lang, langFile,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var asked = LanguageFiles.Asked(context, parse.GetValue(lang), parse.GetValue(langFile), path, out var failed);
            if (failed)
            {
                return ExitCodes.Unreadable;
            }

            var language = asked ?? NamedLanguage(context, path);
            var loaded = RulebookSource.Load(context.Files, path, parse.GetValue(bases) ?? [], new RulebookLoadOptions { Language = language });
            if (loaded.Status == LoadStatus.Unreadable)
            {
                context.Fail(loaded.ReadError ?? $"{loaded.Source} cannot be read.");
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(json))
            {
                var errors = new JsonArray();
                foreach (var e in loaded.Errors)
                {
                    errors.Add((JsonNode)new JsonObject { ["path"] = e.Identifier, ["code"] = e.ErrorCode, ["message"] = e.ErrorMessage });
                }

                var verdict = new JsonObject { ["file"] = loaded.Source, ["valid"] = loaded.Status == LoadStatus.Loaded };
                if (loaded.Rulebook is { } valid)
                {
                    verdict["id"] = valid.Id;
                    verdict["extends"] = valid.BasedOn;
                }

                verdict["errors"] = errors;
                context.Out.WriteLine(verdict.ToJsonString(Indented));
            }
            else if (loaded.Rulebook is { } valid)
            {
                context.Out.WriteLine(valid.BasedOn is { } b
                    ? language.Format("tool.rules.validExtends", path, valid.Id, valid.Name, b)
                    : language.Format("tool.rules.valid", path, valid.Id, valid.Name));
            }
            else
            {
                context.Out.WriteLine(language.Format("tool.rules.invalid", loaded.Source, loaded.Errors.Count));
                foreach (var e in loaded.Errors.Take(CommonOptions.MaxErrorsShown))
                {
                    context.Out.WriteLine($"  {e.Identifier} {e.ErrorCode} {e.ErrorMessage}");
                }

                if (loaded.Errors.Count > CommonOptions.MaxErrorsShown)
                {
                    var more = loaded.Errors.Count - CommonOptions.MaxErrorsShown;
                    context.Out.WriteLine("  " + language.Format(more == 1 ? "tool.rules.more.one" : "tool.rules.more", language.Number(more), language.Number(loaded.Errors.Count)));
                }
            }

            return loaded.Status == LoadStatus.Loaded ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    /// <summary>
    /// The language the rulebook file names in <c>reporting.language</c>, found as the reports
    /// find it (built in, else <c>CODE.json</c> beside the file); English when it names none, or
    /// when its language cannot be found (said on standard error).
    /// </summary>
    private static ReportLanguage NamedLanguage(CliContext context, string path)
    {
        if (RulebookSource.NamedLanguage(context.Files, path) is not { } named)
        {
            return ReportLanguage.English;
        }

        if (LanguageFiles.Find(context, named, path, out var why) is { } language)
        {
            return language;
        }

        context.Fail($"the rulebook's language: {why} The messages are in English.");
        return ReportLanguage.English;
    }

    private static Command Diff(CliContext context)
    {
        var baseFile = new Argument<string>("BASE") { Description = "The base rulebook file, or 'extremadura' for the embedded one." };
        var partnerFile = new Argument<string>("PARTNER") { Description = "The partner rulebook file (it may extend BASE or the embedded Extremadura rulebook)." };
        var on = CommonOptions.On("to compare the values in force on; default: the first day of applications of the latest annuity");
        var bases = CommonOptions.Bases();
        var json = CommonOptions.Json("the transfer report");
        return Dated(context, "diff", "The transfer report: every parameter whose value in force differs between two rulebooks, side by side.", on, [baseFile, partnerFile, on, bases, json], (parse, date) =>
        {
            if (Load(context, parse.GetValue(baseFile), parse.GetValue(bases), out var code) is not { } a
                || Load(context, parse.GetValue(partnerFile), parse.GetValue(bases), out code, a) is not { } b)
            {
                return code;
            }

            if ((date ?? DefaultDiffDate(a, b)) is not { } when)
            {
                context.Fail("Neither rulebook has an annuity: give the date to compare with --on.");
                return ExitCodes.Unreadable;
            }

            var diff = a.Diff(b, when);
            if (parse.GetValue(json))
            {
                var differences = new JsonArray();
                foreach (var d in diff.Differences)
                {
                    differences.Add((JsonNode)new JsonObject { ["parameter"] = d.Name, ["base"] = d.BaseValue, ["partner"] = d.PartnerValue });
                }

                var report = new JsonObject
                {
                    ["base"] = diff.BaseId,
                    ["partner"] = diff.PartnerId,
                    ["on"] = LocalDatePattern.Iso.Format(diff.On),
                    ["differences"] = differences,
                };
                context.Out.WriteLine(report.ToJsonString(Indented));
            }
            else
            {
                context.Out.Write(diff.Render());
            }

            return ExitCodes.Ok;
        });
    }

    /// <summary>The first day of applications of the latest annuity of either rulebook (the partner's first).</summary>
    private static LocalDate? DefaultDiffDate(Rulebook a, Rulebook b)
    {
        var years = a.Annuities.Keys.Concat(b.Annuities.Keys).ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var year = years.Max();
        return (b.Annuities.TryGetValue(year, out var annuity) ? annuity : a.Annuities[year]).Applications.Start;
    }

    /// <summary>
    /// The width <c>pimex rules show</c> writes to: a description is wrapped at it, and a value
    /// longer than it that lists items (<c>a; b; c</c>) is written one item per line.
    /// </summary>
    internal const int LineWidth = 100;

    private static string TimelinesText(Rulebook rulebook)
    {
        var text = new StringBuilder();
        Header(text, rulebook);
        foreach (var p in Parameters.All)
        {
            AppendWrapped(text, p.Name + ": " + p.Description, "  ");
            foreach (var entry in p.Entries(rulebook))
            {
                var from = "  from " + LocalDatePattern.Iso.Format(entry.From) + ":";
                var value = (entry.Value ?? string.Empty) + (entry.IsDefault ? " (default)" : string.Empty);
                var items = Items(value);
                if (from.Length + 1 + value.Length <= LineWidth || items.Count == 1)
                {
                    text.Append(from).Append(' ').Append(value).Append('\n');
                }
                else
                {
                    text.Append(from).Append('\n');
                    foreach (var item in items)
                    {
                        text.Append("    ").Append(item).Append('\n');
                    }
                }

                if (entry.Source is { Length: > 0 } source)
                {
                    AppendWrapped(text, "    source: " + source, "      ");
                }
            }
        }

        Annuities(text, rulebook.Annuities.Values);
        return text.ToString();
    }

    private static string InForceText(Rulebook rulebook, LocalDate date)
    {
        var text = new StringBuilder();
        Header(text, rulebook);
        text.Append(CultureInfo.InvariantCulture, $"Rules in force on {LocalDatePattern.Iso.Format(date)}:\n");
        List<IReadOnlyList<string>> rows = [["parameter", "since", "value"]];
        int valueWidth = LineWidth - (Parameters.All.Max(p => p.Name.Length) + "  yyyy-MM-dd  ".Length);
        foreach (var (name, value, since) in InForce(rulebook, date))
        {
            // A long value on several rows: one item of a list per row, an item wider than the
            // column wrapped; the parameter and its date on the first row.
            var shown = value ?? "(not in force)";
            var lines = shown.Length <= valueWidth ? [shown] : Items(shown).SelectMany(item => Wrap(item, valueWidth, "  ")).ToList();
            rows.Add([name, since ?? string.Empty, lines[0]]);
            rows.AddRange(lines.Skip(1).Select(line => (IReadOnlyList<string>)["", "", line]));
        }

        text.Append(TextTable.Render(rows));
        Annuities(text, rulebook.Annuities.TryGetValue(date.Year, out var a) ? [a] : []);
        return text.ToString();
    }

    /// <summary>The items of a value that lists them (<c>a; b; c</c>), each but the last with its semicolon; the value alone otherwise.</summary>
    private static List<string> Items(string value)
    {
        var items = value.Split("; ");
        return [.. items.Select((item, i) => i < items.Length - 1 ? item + ";" : item)];
    }

    /// <summary>A text wrapped at <see cref="LineWidth"/> on spaces, the lines after the first indented; a word longer than the width stays whole.</summary>
    private static void AppendWrapped(StringBuilder text, string line, string indent)
    {
        foreach (var wrapped in Wrap(line, LineWidth, indent))
        {
            text.Append(wrapped).Append('\n');
        }
    }

    /// <summary>A text cut on spaces into lines of at most <paramref name="width"/> characters, the lines after the first indented (its leading spaces kept); a word longer than the width stays whole.</summary>
    private static List<string> Wrap(string text, int width, string indent)
    {
        var lines = new List<string>();
        int lead = text.Length - text.TrimStart(' ').Length;
        var line = new StringBuilder(text[..lead]);
        bool first = true;
        foreach (var word in text[lead..].Split(' '))
        {
            if (!first && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(indent);
            }
            else if (!first)
            {
                line.Append(' ');
            }

            line.Append(word);
            first = false;
        }

        lines.Add(line.ToString());
        return lines;
    }

    private static string InForceJson(Rulebook rulebook, LocalDate date)
    {
        var values = new JsonObject();
        foreach (var (name, value, _) in InForce(rulebook, date))
        {
            values[name] = value;
        }

        var result = new JsonObject
        {
            ["rulebook"] = rulebook.Id,
            ["on"] = LocalDatePattern.Iso.Format(date),
            ["currency"] = rulebook.Currency.Code,
            ["timeZone"] = rulebook.TimeZone.Id,
            ["parameters"] = values,
        };
        if (rulebook.Annuities.TryGetValue(date.Year, out var a))
        {
            result["annuity"] = new JsonObject
            {
                ["year"] = a.Year,
                ["budget"] = new JsonObject
                {
                    ["actions"] = a.Budget.Actions.ToString(),
                    ["training"] = a.Budget.Training.ToString(),
                    ["consultancy"] = a.Budget.Consultancy.ToString(),
                    ["total"] = a.Budget.Total.ToString(),
                },
                ["capacity"] = a.Capacity,
                ["windows"] = new JsonObject
                {
                    ["applications"] = Window(a.Applications),
                    ["training"] = Window(a.Training),
                    ["expenses"] = Window(a.Expenses),
                },
            };
        }

        return result.ToJsonString(Indented);
    }

    /// <summary>Each parameter's value in force on a date and the date it started, from the rulebook's timelines.</summary>
    private static List<(string Name, string? Value, string? Since)> InForce(Rulebook rulebook, LocalDate date)
    {
        return [.. Parameters.All.Select(p => (
            p.Name,
            p.FormatOn(rulebook, date),
            p.Entries(rulebook).LastOrDefault(e => e.From <= date) is { Value: not null } since ? LocalDatePattern.Iso.Format(since.From) : null))];
    }

    private static void Header(StringBuilder text, Rulebook rulebook)
    {
        text.Append(CultureInfo.InvariantCulture, $"Rulebook {rulebook.Id}: {rulebook.Name}\n");
        text.Append(CultureInfo.InvariantCulture, $"Currency {rulebook.Currency.Code}, time zone {rulebook.TimeZone.Id}");
        if (rulebook.BasedOn is { } b)
        {
            text.Append(CultureInfo.InvariantCulture, $", based on '{b}'");
        }

        if (rulebook.Illustrative)
        {
            text.Append(", illustrative figures");
        }

        text.Append('\n');
        if (rulebook.Description is { } description)
        {
            AppendWrapped(text, description, string.Empty);
        }

        text.Append('\n');
    }

    /// <summary>The annuities in two tables (their budget and capacity, then their windows), each within <see cref="LineWidth"/>.</summary>
    private static void Annuities(StringBuilder text, IEnumerable<AnnuityRules> annuities)
    {
        List<IReadOnlyList<string>> budgets = [["annuity", "actions", "training", "consultancy", "total", "capacity"]];
        List<IReadOnlyList<string>> windows = [["annuity", "applications", "training window", "expenses"]];
        foreach (var a in annuities)
        {
            var year = a.Year.ToString(CultureInfo.InvariantCulture);
            budgets.Add([
                year,
                a.Budget.Actions.ToString("N", CultureInfo.InvariantCulture),
                a.Budget.Training.ToString("N", CultureInfo.InvariantCulture),
                a.Budget.Consultancy.ToString("N", CultureInfo.InvariantCulture),
                a.Budget.Total.ToString("N", CultureInfo.InvariantCulture),
                a.Capacity.ToString(CultureInfo.InvariantCulture),
            ]);
            windows.Add([year, Window(a.Applications), Window(a.Training), Window(a.Expenses)]);
        }

        if (budgets.Count > 1)
        {
            text.Append('\n').Append(TextTable.Render(budgets));
            text.Append('\n').Append(TextTable.Render(windows));
        }
    }

    private static string Window(DateInterval w) => LocalDatePattern.Iso.Format(w.Start) + " .. " + LocalDatePattern.Iso.Format(w.End);

    [System.Text.RegularExpressions.GeneratedRegex("\"\\$schema\"\\s*:\\s*\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex SchemaLink();
}
