using Ardalis.Result;
using Pimex.Cli.IO;
using Pimex.Rulebooks;

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
/// Resolves a rulebook argument: a file holding a base rulebook, a file holding a partner
/// rulebook (<c>"extends"</c>) loaded over the base it names, or the name of the embedded
/// rulebook, <c>extremadura</c>, when no file of that name exists.
/// </summary>
internal static class RulebookSource
{
    /// <summary>The name that stands for the embedded rulebook.</summary>
    public const string Embedded = "extremadura";

    /// <summary>Loads a rulebook argument, or the embedded one when the argument is null.</summary>
    /// <param name="files">Where files are read from.</param>
    /// <param name="argument">A file path, <c>extremadura</c>, or null.</param>
    /// <param name="bases">Rulebooks a partner file may extend besides the embedded one (a diff's base).</param>
    /// <returns>The rulebook, or why not.</returns>
    public static LoadedRulebook Load(IFileSource files, string? argument, params Rulebook[] bases)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (argument is null)
        {
            return new LoadedRulebook(LoadStatus.Loaded, Rulebook.Extremadura, Embedded + " (embedded)", null, []);
        }

        var read = files.Read(argument);
        if (read.Text is null)
        {
            if (string.Equals(argument, Embedded, StringComparison.Ordinal))
            {
                return new LoadedRulebook(LoadStatus.Loaded, Rulebook.Extremadura, Embedded + " (embedded)", null, []);
            }

            return new LoadedRulebook(LoadStatus.Unreadable, null, argument, read.Error, []);
        }

        var @base = PickBase(read.Text, bases);
        var result = Rulebook.Load(read.Text, @base);
        return result.IsSuccess
            ? new LoadedRulebook(LoadStatus.Loaded, result.Value, argument, null, [])
            : new LoadedRulebook(LoadStatus.Invalid, null, argument, null, result.ValidationErrors.ToList());
    }

    /// <summary>
    /// The base a partner rulebook is loaded over: the one among <paramref name="bases"/> whose
    /// id its <c>"extends"</c> names, or else the embedded rulebook (the loader then reports a
    /// base mismatch when it names another).
    /// </summary>
    private static Rulebook PickBase(string json, Rulebook[] bases)
    {
        var extends = ExtendsOf(json);
        foreach (var candidate in bases)
        {
            if (string.Equals(candidate.Id, extends, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return Rulebook.Extremadura;
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
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
        {
            // Not JSON (or not transcodable text): the loader reports it.
            return null;
        }
    }
}
