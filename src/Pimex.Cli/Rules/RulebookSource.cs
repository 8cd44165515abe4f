using Ardalis.Result;
using Pimex.Cli.IO;

namespace Pimex.Cli.Rules;

/// <summary>How loading a rulebook argument went.</summary>
internal enum LoadStatus
{
    /// <summary>Loaded.</summary>
    Loaded,

    /// <summary>The file could not be read (exit code 2).</summary>
    Unreadable,

    /// <summary>The file was read but is not a valid rulebook (exit code 1).</summary>
    Invalid,
}

/// <summary>A rulebook loaded from an argument, or why not.</summary>
/// <param name="Status">How it went.</param>
/// <param name="Rulebook">The rulebook when loaded.</param>
/// <param name="Source">The file name, or the embedded rulebook's name.</param>
/// <param name="ReadError">Why the file could not be read.</param>
/// <param name="Errors">The validation errors, each with its JSON path and code.</param>
internal sealed record LoadedRulebook(LoadStatus Status, Rulebook? Rulebook, string Source, string? ReadError, IReadOnlyList<ValidationError> Errors);

/// <summary>
/// Resolves a rulebook argument: the name of the embedded rulebook (<c>extremadura</c>) when no
/// file of that name exists, a file holding a base rulebook, or a file holding a partner
/// rulebook (<c>"extends"</c>) loaded over its base. A partner's base is, in this order: one
/// given with <c>--base FILE</c> (or a diff's BASE), the embedded rulebook, or the file
/// <c>&lt;id&gt;.json</c> beside the partner, itself resolved the same way: chains of any
/// depth load.
/// </summary>
internal static class RulebookSource
{
    /// <summary>The name that stands for the embedded rulebook.</summary>
    public const string Embedded = "extremadura";

    /// <summary>How deep a chain of partner files may be.</summary>
    public const int MaxChain = 16;

    /// <summary>Loads a rulebook argument, or the embedded one when the argument is null.</summary>
    /// <param name="files">Where files are read from.</param>
    /// <param name="argument">A file path, <c>extremadura</c>, or null.</param>
    /// <param name="bases">Rulebooks a partner file may extend besides the embedded one (a diff's base).</param>
    /// <returns>The rulebook, or why not.</returns>
    public static LoadedRulebook Load(IFileSource files, string? argument, params Rulebook[] bases) =>
        Load(files, argument, [], bases);

    /// <summary>Loads a rulebook argument over the base files given with <c>--base</c>.</summary>
    /// <param name="files">Where files are read from.</param>
    /// <param name="argument">A file path, <c>extremadura</c>, or null for the embedded rulebook.</param>
    /// <param name="baseFiles">Base rulebook files, each loaded in turn (a later one may extend an earlier one).</param>
    /// <param name="bases">Rulebooks already loaded that a partner may extend.</param>
    /// <returns>The rulebook, or why not.</returns>
    public static LoadedRulebook Load(IFileSource files, string? argument, IReadOnlyList<string> baseFiles, params Rulebook[] bases) =>
        Load(files, argument, baseFiles, RulebookLoadOptions.Default, bases);

    /// <summary>Loads a rulebook argument over the base files given with <c>--base</c>, with the library's problems in the language of <paramref name="options"/>.</summary>
    /// <param name="files">Where files are read from.</param>
    /// <param name="argument">A file path, <c>extremadura</c>, or null for the embedded rulebook.</param>
    /// <param name="baseFiles">Base rulebook files, each loaded in turn (a later one may extend an earlier one).</param>
    /// <param name="options">The limits and the language of the messages.</param>
    /// <param name="bases">Rulebooks already loaded that a partner may extend.</param>
    /// <returns>The rulebook, or why not.</returns>
    public static LoadedRulebook Load(IFileSource files, string? argument, IReadOnlyList<string> baseFiles, RulebookLoadOptions options, params Rulebook[] bases)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(baseFiles);
        var known = new Dictionary<string, Rulebook>(StringComparer.Ordinal) { [Embedded] = Rulebook.Extremadura };
        foreach (var b in bases)
        {
            known[b.Id] = b;
        }

        foreach (var file in baseFiles)
        {
            var loadedBase = LoadFile(files, file, known, [], null, options);
            if (loadedBase.Status != LoadStatus.Loaded)
            {
                return loadedBase;
            }

            known[loadedBase.Rulebook!.Id] = loadedBase.Rulebook;
        }

        if (argument is null)
        {
            return new LoadedRulebook(LoadStatus.Loaded, Rulebook.Extremadura, Embedded + " (embedded)", null, []);
        }

        var loaded = LoadFile(files, argument, known, [], null, options);
        if (loaded.Status == LoadStatus.Unreadable && string.Equals(argument, Embedded, StringComparison.Ordinal))
        {
            return new LoadedRulebook(LoadStatus.Loaded, Rulebook.Extremadura, Embedded + " (embedded)", null, []);
        }

        return loaded;
    }

    private static LoadedRulebook LoadFile(IFileSource files, string path, Dictionary<string, Rulebook> known, List<string> chain, string? extendedBy, RulebookLoadOptions options)
    {
        var source = extendedBy is null ? path : $"{path} (the base of {extendedBy})";
        var read = files.Read(path);
        if (read.Text is null)
        {
            return new LoadedRulebook(LoadStatus.Unreadable, null, source, read.Error, []);
        }

        var extends = ExtendsOf(read.Text);
        if (extends is not null && !known.ContainsKey(extends) && IsId(extends))
        {
            var beside = Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, extends + ".json");
            if (chain.Contains(beside, StringComparer.Ordinal) || chain.Count >= MaxChain)
            {
                return Invalid(source, "$.extends", RulebookErrors.BaseMismatch, $"'{extends}' leads back into its own chain ({string.Join(" -> ", chain.Append(beside))}): a chain of rulebooks must end at a base rulebook.");
            }

            if (files.Read(beside).Text is not null)
            {
                var loadedBase = LoadFile(files, beside, known, [.. chain, path], path, options);
                if (loadedBase.Status != LoadStatus.Loaded)
                {
                    return loadedBase;
                }

                known[extends] = loadedBase.Rulebook!;
            }
            else
            {
                return Invalid(source, "$.extends", RulebookErrors.BaseMismatch, $"This rulebook extends '{extends}', which is neither built in ('{Embedded}') nor in {beside}: put {extends}.json beside it, or give its file with --base FILE.");
            }
        }

        var result = Rulebook.Load(read.Text, extends is not null ? known.GetValueOrDefault(extends) : null, options);
        return result.IsSuccess
            ? new LoadedRulebook(LoadStatus.Loaded, result.Value, path, null, [])
            : new LoadedRulebook(LoadStatus.Invalid, null, source, null, result.ValidationErrors.ToList());
    }

    private static LoadedRulebook Invalid(string source, string path, string code, string message) =>
        new(LoadStatus.Invalid, null, source, null, [new ValidationError { Identifier = path, ErrorCode = code, ErrorMessage = message, Severity = ValidationSeverity.Error }]);

    private static bool IsId(string text) =>
        text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>
    /// The language code a rulebook file names itself: the value of its latest
    /// <c>reporting.language</c> entry, in its <c>overrides</c> (a partner) or its
    /// <c>parameters</c> (a base); null when the file cannot be read, is not JSON or names none
    /// (a partner that names none inherits its base's for the reports, but the problems of its
    /// own file are written in English).
    /// </summary>
    /// <param name="files">Where files are read from.</param>
    /// <param name="path">The rulebook file, or <c>-</c> for standard input (a <see cref="ReadOnceFileSource"/> hands the load the same text).</param>
    /// <returns>The code, such as <c>cs</c>, or null.</returns>
    public static string? NamedLanguage(IFileSource files, string path)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Read(path).Text is not { } json)
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return null;
            }

            foreach (var section in new[] { "overrides", "parameters" })
            {
                if (root.TryGetProperty(section, out var groups) && groups.ValueKind == System.Text.Json.JsonValueKind.Object
                    && groups.TryGetProperty("reporting", out var reporting) && reporting.ValueKind == System.Text.Json.JsonValueKind.Object
                    && reporting.TryGetProperty("language", out var timeline) && timeline.ValueKind == System.Text.Json.JsonValueKind.Array
                    && timeline.GetArrayLength() > 0
                    && timeline[timeline.GetArrayLength() - 1] is { ValueKind: System.Text.Json.JsonValueKind.Object } latest
                    && latest.TryGetProperty("value", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    return value.GetString();
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? ExtendsOf(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("extends", out var e)
                && e.ValueKind == System.Text.Json.JsonValueKind.String
                ? e.GetString()
                : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON (or not transcodable text): the loader reports it.
            return null;
        }
    }
}
