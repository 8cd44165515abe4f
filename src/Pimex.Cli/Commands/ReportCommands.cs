using System.CommandLine;
using System.Text.Json.Nodes;
using Pimex.Cli.IO;
using Pimex.Cli.Ledger;
using Pimex.Cli.Reports;

namespace Pimex.Cli.Commands;

/// <summary>
/// <c>pimex report</c> (the edition report, with <c>companies</c>, <c>programme</c> and
/// <c>aid</c> beneath it) and <c>pimex run</c>: run a ledger and print its evaluation.
/// </summary>
internal static class ReportCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>pimex report [--rulebook FILE] [--ledger FILE] [--lang CODE | --lang-file FILE] [--format text|json|csv] [--html FILE]</c>.</summary>
    public static Command Report(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var ledger = Ledger();
        var json = CommonOptions.Json("the report (the same as --format json)");
        var lang = Lang();
        var langFile = LangFile();
        var format = Format();
        var html = new Option<string?>("--html")
        {
            Description = "Also write the report as one self-contained HTML file with charts (budget per line, completion funnel, satisfaction, support per company against the cap).",
            HelpName = "FILE",
        };
        var command = new Command("report", "Run an edition's ledger and print its edition report with a table per company: by default the embedded 2016 Extremadura edition (30 SMEs, EUR 88,280), in the rulebook's language. Refused commands are summed up on standard error; 'pimex run' lists them.")
        {
            rulebook, bases, ledger, json, lang, langFile, format, html,
            Companies(context),
            Programme(context),
            Aid(context),
            Schema(context),
        };
        command.SetAction(parse => Execute(context, new RunInput(parse.GetValue(rulebook), parse.GetValue(bases) ?? [], parse.GetValue(ledger), parse.GetValue(lang), parse.GetValue(langFile)), parse.GetValue(json) ? "json" : parse.GetValue(format), parse.GetValue(html), listRefused: false));
        return command;
    }

    /// <summary><c>pimex run LEDGER [--rulebook FILE] [--json] [--lang CODE | --lang-file FILE]</c>.</summary>
    public static Command RunLedger(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var ledger = new Argument<string?>("LEDGER") { Description = "The ledger file (JSON lines, one command per line; '-' for standard input).", Arity = ArgumentArity.ZeroOrOne };
        var embedded = new Option<int?>("--embedded") { Description = $"Run the ledger shipped inside the tool for that year instead of a file: {EmbeddedLedgers.Extremadura2016Year} (the Extremadura edition).", HelpName = "YEAR" };
        var json = CommonOptions.Json("the run and the report");
        var lang = Lang();
        var langFile = LangFile();
        var command = new Command("run", "Apply a ledger of commands: list every refused command with its line and error code, then print the edition report.")
        {
            ledger, embedded, rulebook, bases, json, lang, langFile,
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

            return Execute(context, new RunInput(parse.GetValue(rulebook), parse.GetValue(bases) ?? [], file, parse.GetValue(lang), parse.GetValue(langFile)), parse.GetValue(json) ? "json" : "text", null, listRefused: true);
        });
        return command;
    }

    /// <summary><c>pimex report schema [edition|programme|aid]</c>: the JSON Schema of a report's JSON.</summary>
    private static Command Schema(CliContext context)
    {
        var which = new Argument<string>("REPORT")
        {
            Description = "edition (the default: 'pimex report --format json'), programme ('pimex report programme --format json') or aid ('pimex report aid COMPANY --format json').",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => "edition",
        }.AcceptOnlyFromAmong("edition", "programme", "aid");
        var command = new Command("schema", "Print the JSON Schema of a report's JSON, for tools that read it: the edition report's by default, the programme report's or the aid statement's.")
        {
            which,
        };
        command.SetAction(parse =>
        {
            context.Out.Write(EmbeddedResources.Text(parse.GetValue(which) switch
            {
                "programme" => "programme-report.schema.json",
                "aid" => "aid-statement.schema.json",
                _ => "report.schema.json",
            }));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string?> Ledger() => new("--ledger")
    {
        Description = "A ledger file (JSON lines, one command per line: 'pimex ledger format' describes them; '-' for standard input). Default: the embedded 2016 Extremadura edition.",
        HelpName = "FILE",
    };

    private static Option<string?> Lang() => new("--lang")
    {
        Description = "The language of the report: a built-in one (en, es, pl, pt, sl), or any other whose file CODE.json is beside the rulebook file. Default: the rulebook's (Extremadura: es).",
        HelpName = "CODE",
    };

    private static Option<string?> LangFile() => new("--lang-file")
    {
        Description = "The language of the report, read from a language file ('pimex lang export en' writes a template; 'pimex lang check' checks it).",
        HelpName = "FILE",
    };

    private static Option<string> Format() => new Option<string>("--format")
    {
        Description = "text (tables to read), json (numbers as numbers; 'pimex report schema' prints its JSON Schema) or csv (one value per line, columns table, row, column, value and unit, for a spreadsheet in the report's language).",
        DefaultValueFactory = _ => "text",
    }.AcceptOnlyFromAmong("text", "json", "csv");

    /// <summary><c>pimex report companies</c>: the per-company table alone.</summary>
    private static Command Companies(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var ledger = Ledger();
        var lang = Lang();
        var langFile = LangFile();
        var format = Format();
        var command = new Command("companies", "Print one line per participant: company, status, sessions and tutorials attended of those committed, SWOT, roadmap, support approved, granted and not supported.")
        {
            rulebook, bases, ledger, lang, langFile, format,
        };
        command.SetAction(parse =>
        {
            var run = EditionRun.Load(context, new RunInput(parse.GetValue(rulebook), parse.GetValue(bases) ?? [], parse.GetValue(ledger)), out var code);
            if (run is null || !HasEdition(context, run))
            {
                return run is null ? code : ExitCodes.Invalid;
            }

            if (EditionRun.Made(context, run.Report(context)) is not { } report || EditionRun.Made(context, run.Companies()) is not { } companies)
            {
                return ExitCodes.Invalid;
            }

            var language = run.Language(context, parse.GetValue(lang), parse.GetValue(langFile), report.Language);
            if (language is null)
            {
                return ExitCodes.Unreadable;
            }

            var text = parse.GetValue(format) switch
            {
                "json" => CompaniesJson(report, companies).ToJsonString(Indented) + "\n",
                "csv" => ReportCsv.Of(CompaniesJson(report, companies), language),
                _ => companies.ToText(language),
            };
            context.Out.Write(text);
            run.SumUpRefusals(context);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>pimex report programme</c>: the programme across the editions of several ledgers.</summary>
    private static Command Programme(CliContext context)
    {
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var ledgers = new Option<string[]>("--ledger")
        {
            Description = "A ledger file of one edition; repeat it for each year. Default: the embedded 2016 Extremadura edition.",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var before = new Option<int>("--before")
        {
            Description = "Participants of earlier editions not in the ledgers (the programme's history), added to the cumulative count.",
            HelpName = "N",
        };
        var lang = Lang();
        var langFile = LangFile();
        var format = Format();
        var html = new Option<string?>("--html") { Description = "Also write the programme report as one self-contained HTML file with a chart per edition.", HelpName = "FILE" };
        var command = new Command("programme", "Print the programme report: participants per edition and since the programme started, with each year's completion and satisfaction.")
        {
            rulebook, bases, ledgers, before, lang, langFile, format, html,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(before) < 0)
            {
                context.Fail("--before cannot be negative.");
                return ExitCodes.Unreadable;
            }

            var files = parse.GetValue(ledgers) is { Length: > 0 } given ? given.Select(f => (string?)f).ToArray() : [null];
            var reports = new List<Pimex.Evaluation.EditionReport>();
            EditionRun? last = null;
            foreach (var file in files)
            {
                var run = EditionRun.Load(context, new RunInput(parse.GetValue(rulebook), parse.GetValue(bases) ?? [], file), out var code);
                if (run is null || !HasEdition(context, run))
                {
                    return run is null ? code : ExitCodes.Invalid;
                }

                run.SumUpRefusals(context);
                if (EditionRun.Made(context, run.Report(context)) is not { } report)
                {
                    return ExitCodes.Invalid;
                }

                reports.Add(report);
                last = run;
            }

            if (reports.GroupBy(r => r.Edition.Year).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                context.Fail(string.Create(CultureInfo.InvariantCulture, $"two ledgers are of the {twice.Key} edition: give each year once."));
                return ExitCodes.Invalid;
            }

            if (EditionRun.Made(context, Pimex.Evaluation.ProgrammeReport.Create(reports, parse.GetValue(before))) is not { } programme)
            {
                return ExitCodes.Invalid;
            }

            var language = last!.Language(context, parse.GetValue(lang), parse.GetValue(langFile), programme.Language);
            if (language is null)
            {
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(html) is { } htmlFile && !Write(context, htmlFile, HtmlReport.Programme(programme, language)))
            {
                return ExitCodes.Unreadable;
            }

            context.Out.Write(parse.GetValue(format) switch
            {
                "json" => programme.ToJson(),
                "csv" => ReportCsv.Of(JsonNode.Parse(programme.ToJson())!, language),
                _ => programme.ToText(language),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>pimex report aid COMPANY</c>: one company's state-aid statement.</summary>
    private static Command Aid(CliContext context)
    {
        var company = new Argument<string>("COMPANY") { Description = "The company's id (its tax id in the ledger, such as B10475192)." };
        var rulebook = CommonOptions.Rulebook();
        var bases = CommonOptions.Bases();
        var ledger = Ledger();
        var on = CommonOptions.On("of the statement; default: the date of the ledger's last command");
        var lang = Lang();
        var langFile = LangFile();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" }.AcceptOnlyFromAmong("text", "json");
        var command = new Command("aid", "Print a participant's state-aid statement: every aid it received, what PIMEX granted, and where it stands against the de minimis ceiling.")
        {
            company, rulebook, bases, ledger, on, lang, langFile, format,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryDate(context, parse.GetValue(on), out var date))
            {
                return ExitCodes.Unreadable;
            }

            var run = EditionRun.Load(context, new RunInput(parse.GetValue(rulebook), parse.GetValue(bases) ?? [], parse.GetValue(ledger)), out var code);
            if (run is null || !HasEdition(context, run))
            {
                return run is null ? code : ExitCodes.Invalid;
            }

            var id = parse.GetValue(company)!;
            var participant = run.Outcome.Participants.FirstOrDefault(p => string.Equals(p.Id.Company.Value, id, StringComparison.OrdinalIgnoreCase));
            if (participant is null)
            {
                context.Fail($"{id} is not a participant of {run.Outcome.Edition!.Id}.");
                return ExitCodes.Invalid;
            }

            var statementDate = date ?? run.AsOf!.Value;
            if (!run.Rulebook.Get(Pimex.Rulebooks.Parameters.AidRegimeRule).TryGetValue(statementDate, out _))
            {
                context.Fail($"the rulebook has no state-aid regime in force on {parse.GetValue(on)}.");
                return ExitCodes.Invalid;
            }

            if (EditionRun.Made(context, Pimex.Evaluation.AidStatement.Create(participant, run.Rulebook, statementDate)) is not { } statement)
            {
                return ExitCodes.Invalid;
            }

            var language = run.Language(context, parse.GetValue(lang), parse.GetValue(langFile), statement.Language);
            if (language is null)
            {
                return ExitCodes.Unreadable;
            }

            context.Out.Write(parse.GetValue(format) == "json" ? statement.ToJson() : statement.ToText(language));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool HasEdition(CliContext context, EditionRun run)
    {
        if (run.Outcome.Edition is not null)
        {
            return true;
        }

        context.Fail($"{run.Source} opened no edition (an openEdition command must come first and succeed): there is no report.");
        return false;
    }

    private static bool Write(CliContext context, string path, string text)
    {
        if (context.Target.Write(path, text) is { } error)
        {
            context.Fail(error);
            return false;
        }

        context.Error.WriteLine($"pimex: wrote {path}");
        return true;
    }

    /// <summary>The edition report's JSON with its per-company table added as <c>companies</c>.</summary>
    private static JsonObject ReportJson(Pimex.Evaluation.EditionReport report, Pimex.Evaluation.CompanyTable companies)
    {
        var json = JsonNode.Parse(report.ToJson())!.AsObject();
        json["companies"] = JsonNode.Parse(companies.ToJson());
        return json;
    }

    private static JsonObject CompaniesJson(Pimex.Evaluation.EditionReport report, Pimex.Evaluation.CompanyTable companies) => new()
    {
        ["edition"] = report.Edition.ToString(),
        ["currency"] = report.Currency.Code,
        ["companies"] = JsonNode.Parse(companies.ToJson()),
    };

    private static int Execute(CliContext context, RunInput input, string? format, string? htmlFile, bool listRefused)
    {
        var run = EditionRun.Load(context, input, out var code);
        if (run is null)
        {
            return code;
        }

        var outcome = run.Outcome;
        var source = run.Source;
        if (outcome.Edition is null)
        {
            var waiting = outcome.Refused.Count(r => r.Errors.Any(e => e.Code == LedgerErrors.NoEditionOpen));
            WriteRefused(context.Error, outcome with { Refused = [.. outcome.Refused.Where(r => r.Errors.All(e => e.Code != LedgerErrors.NoEditionOpen))] }, run.RefusalLanguage);
            if (waiting > 0)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {waiting} command(s) refused with {LedgerErrors.NoEditionOpen}: no edition is open."));
            }

            context.Fail($"{source} opened no edition (an openEdition command must come first and succeed): there is no report.");
            return ExitCodes.Invalid;
        }

        if (EditionRun.Made(context, run.Report(context)) is not { } edition || EditionRun.Made(context, run.Companies()) is not { } companies)
        {
            return ExitCodes.Invalid;
        }

        var language = run.Language(context, input.Lang, input.LangFile, edition.Language);
        if (language is null)
        {
            return ExitCodes.Unreadable;
        }

        if (htmlFile is not null && !Write(context, htmlFile, HtmlReport.Edition(edition, companies, language)))
        {
            return ExitCodes.Unreadable;
        }

        if (format == "json")
        {
            JsonNode report = ReportJson(edition, companies);
            JsonNode result = listRefused
                ? new JsonObject { ["ledger"] = Summary(source, outcome), ["report"] = report }
                : report;
            context.Out.WriteLine(result.ToJsonString(Indented));
        }
        else if (format == "csv")
        {
            context.Out.Write(ReportCsv.Of(ReportJson(edition, companies), language));
        }
        else
        {
            if (listRefused)
            {
                context.Out.WriteLine(RunTexts.Summary(run.RefusalLanguage, source, outcome.Commands, outcome.Applied, outcome.Refused.Count));
                if (outcome.Disorder is { } disorder)
                {
                    context.Out.WriteLine(RunTexts.Reordered(run.RefusalLanguage, disorder, outcome.Commands));
                }

                WriteRefused(context.Out, outcome, run.RefusalLanguage);
                context.Out.WriteLine();
            }

            context.Out.Write(edition.ToText(language));
            context.Out.WriteLine();
            context.Out.Write(companies.ToText(language));
        }

        if (!listRefused)
        {
            run.SumUpRefusals(context);
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Every refused command with its line and codes, the first <see cref="CommonOptions.MaxErrorsShown"/>
    /// of a flood, then how many more (<c>--json</c> lists every one).
    /// </summary>
    private static void WriteRefused(TextWriter writer, LedgerOutcome outcome, ReportLanguage language)
    {
        foreach (var refusal in outcome.Refused.Take(CommonOptions.MaxErrorsShown))
        {
            foreach (var line in refusal.Lines(language))
            {
                writer.WriteLine("  " + line);
            }
        }

        int more = outcome.Refused.Count - CommonOptions.MaxErrorsShown;
        if (more > 0)
        {
            writer.WriteLine("  " + RunTexts.More(language, more, outcome.Refused.Count));
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
                errors.Add((JsonNode)error);
            }

            refused.Add((JsonNode)new JsonObject
            {
                ["line"] = r.Line,
                ["command"] = r.Command,
                ["status"] = r.Status.ToString(),
                ["errors"] = errors,
            });
        }

        var summary = new JsonObject
        {
            ["source"] = source,
            ["commands"] = outcome.Commands,
            ["applied"] = outcome.Applied,
            ["refused"] = refused,
        };
        if (outcome.Disorder is { } disorder)
        {
            // Present only when the file's order differed from the time order the run applied.
            summary["reordered"] = new JsonObject
            {
                ["line"] = disorder.Line,
                ["at"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(disorder.At),
                ["laterLine"] = disorder.LaterLine,
                ["laterAt"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(disorder.LaterAt),
                ["moved"] = disorder.Moved,
            };
        }

        return summary;
    }
}
