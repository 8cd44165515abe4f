using Pimex.Rulebooks.Json;

namespace Pimex.Cli.Ledger;

/// <summary>What reading a ledger gave: every command with its line, or every problem found.</summary>
/// <param name="Entries">The commands, in line order; empty when there are errors.</param>
/// <param name="Errors">Every problem, in line order; empty when the ledger is well formed.</param>
internal sealed record LedgerReadResult(IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<LedgerError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;
}

/// <summary>
/// Reads a ledger in the JSON-lines format of <c>docs/ledger-format.md</c>: one command per line.
/// Blank lines and lines starting with <c>//</c> are skipped. Every line is read before anything is
/// applied, and any problem on any line makes the whole ledger unreadable: all problems are
/// reported, each with its line number, path and code, and no command is applied. A ledger is
/// read line by line (<see cref="Scan"/>): <c>pimex run</c> applies each command as its line is
/// read and discards the run if any line is broken, never holding the whole text or every command.
/// </summary>
internal static class LedgerReader
{
    /// <summary>The longest line accepted, in characters (1 MiB); a ledger has no limit as a whole, since it is read line by line.</summary>
    public const int MaxLineCharacters = 1024 * 1024;

    /// <summary>The deepest nesting accepted on one line.</summary>
    public const int MaxDepth = 16;

    /// <summary>The fields every command has.</summary>
    public static readonly IReadOnlyList<string> CommonFields = ["command", "at", "actor"];

    private static readonly string[] ActorFields = ["id", "role", "company"];

    /// <summary>The command names, in documentation order (<see cref="LedgerVerb.All"/>).</summary>
    public static IEnumerable<string> CommandNames => LedgerVerb.All.Select(v => v.Name);

    /// <summary>Reads a whole ledger held in memory: the same reading as <see cref="Scan"/>, the commands kept.</summary>
    /// <param name="text">The ledger's text.</param>
    /// <returns>The commands, or every problem.</returns>
    public static LedgerReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<LedgerEntry>();
        var errors = new List<LedgerError>();
        using var reader = new StringReader(text);
        Scan(reader, entries.Add, errors);
        return errors.Count == 0 ? new LedgerReadResult(entries, []) : new LedgerReadResult([], errors);
    }

    /// <summary>
    /// Reads a ledger line by line from a reader, handing each well-formed command to
    /// <paramref name="onEntry"/> as soon as its line is read: only one line is held at a time.
    /// Problems go to <paramref name="errors"/>; when there is any, the caller must not apply the
    /// commands already handed over (<c>pimex run</c> discards the run it applied them to).
    /// </summary>
    /// <param name="reader">The ledger's text.</param>
    /// <param name="onEntry">What to do with each command read, in line order.</param>
    /// <param name="errors">Where problems go, in line order.</param>
    /// <returns>How many commands were read (well-formed lines).</returns>
    public static int Scan(TextReader reader, Action<LedgerEntry> onEntry, List<LedgerError> errors)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onEntry);
        ArgumentNullException.ThrowIfNull(errors);
        int commands = 0;
        var lines = new LedgerLines(reader, MaxLineCharacters);
        while (lines.Next() is { } line)
        {
            if (line.TooLong)
            {
                errors.Add(new LedgerError(line.Number, "$", LedgerErrors.TooLarge, string.Create(CultureInfo.InvariantCulture, $"The line has more than {MaxLineCharacters} characters.")));
                continue;
            }

            if (ReadLine(line.Text, line.Number, errors) is { } command)
            {
                commands++;
                onEntry(new LedgerEntry(line.Number, command));
            }
        }

        if (errors.Count == 0 && commands == 0)
        {
            errors.Add(new LedgerError(0, "$", LedgerErrors.Empty, "The ledger holds no command."));
        }

        return commands;
    }

    /// <summary>Reads one line: a command, or null after recording its problems.</summary>
    /// <param name="json">The line's text.</param>
    /// <param name="line">Its number.</param>
    /// <param name="errors">Where problems go.</param>
    /// <returns>The command, or null.</returns>
    public static LedgerCommand? ReadLine(string json, int line, List<LedgerError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            var tooDeep = NestsDeeperThan(json, MaxDepth);
            errors.Add(new LedgerError(
                line,
                "$",
                tooDeep ? LedgerErrors.TooLarge : LedgerErrors.MalformedJson,
                tooDeep ? $"The line is nested more than {MaxDepth} levels deep." : $"Not valid JSON (position {(ex.BytePositionInLine ?? 0) + 1}): {JsonErrorText.Describe(ex)}"));
            return null;
        }
        catch (ArgumentException)
        {
            // A lone UTF-16 surrogate cannot be transcoded to UTF-8.
            errors.Add(new LedgerError(line, "$", LedgerErrors.MalformedJson, "Not valid text: the line holds an unpaired UTF-16 surrogate."));
            return null;
        }

        using (document)
        {
            // Only a \u escape can name an unpaired surrogate: most lines need no second look.
            if (json.Contains("\\u", StringComparison.Ordinal) && EscapesAnUnpairedSurrogate(json))
            {
                errors.Add(new LedgerError(line, "$", LedgerErrors.MalformedJson, "Not valid text: a \\u escape names an unpaired UTF-16 surrogate (such as \\uD800 alone)."));
                return null;
            }

            try
            {
                return ReadCommand(document.RootElement, line, errors, before);
            }
            finally
            {
                FieldReader.ReleaseAll();
            }
        }
    }

    /// <summary>Reads the command of a well-formed line.</summary>
    private static LedgerCommand? ReadCommand(JsonElement root, int line, List<LedgerError> errors, int before)
    {
        var r = FieldReader.Open(root, line, "$", errors);
        if (r is null)
        {
            return null;
        }

        if (!r.Has("command"))
        {
            r.Error("command", LedgerErrors.MissingField, $"Every line names its command; one of: {string.Join(", ", CommandNames)}.");
            return null;
        }

        var name = r.String("command");
        if (errors.Count > before)
        {
            return null;
        }

        if (!LedgerVerb.ByName.TryGetValue(name, out var verb))
        {
            r.Error("command", LedgerErrors.UnknownCommand, $"'{name}' is not a command{Spelling.DidYouMean(name, CommandNames)}; one of: {string.Join(", ", CommandNames)}.");
            return null;
        }

        var at = r.Instant("at");
        var actor = ReadActor(r);
        var command = verb.Read(r, at, actor);
        r.RejectUnknown(CommonFields.Concat(verb.Fields));
        return errors.Count > before ? null : command;
    }

    /// <summary>
    /// Whether a string or key of a well-formed line escapes an unpaired surrogate
    /// (<c>"\uD800"</c>): valid JSON, but reading it as text throws.
    /// </summary>
    private static bool EscapesAnUnpairedSurrogate(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return true;
        }

        return false;
    }

    /// <summary>Whether the text opens more than <paramref name="maxDepth"/> nested objects or arrays before any syntax error.</summary>
    private static bool NestsDeeperThan(string json, int maxDepth)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before the depth limit: malformed.
        }

        return false;
    }

    private static Actor ReadActor(FieldReader r)
    {
        var a = r.Object("actor");
        if (a is null)
        {
            return new Actor(FieldReader.Placeholder, ActorRole.ProgrammeManager);
        }

        var id = a.Id("id");
        var role = a.Enum<ActorRole>("role");
        CompanyId? company = null;
        if (role == ActorRole.CompanyRepresentative)
        {
            company = a.Company("company");
        }
        else if (a.Has("company"))
        {
            a.String("company");
            a.Error("company", LedgerErrors.InvalidValue, "Only a companyRepresentative acts for a company.");
        }

        a.RejectUnknown(ActorFields);
        return new Actor(id, role, company);
    }
}
