using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pimex.Rulebooks.Json;

/// <summary>
/// Says what is wrong with malformed JSON in a user's words: System.Text.Json's messages name
/// its own API ("isFinalBlock") and end with a zero-based line number that disagrees with the
/// one an editor shows.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>The problem, without the parser's position suffix or API names, in English.</summary>
    /// <param name="exception">The parser's exception.</param>
    /// <returns>One sentence.</returns>
    public static string Describe(JsonException exception) => Describe(exception, new JsonReadContext());

    /// <summary>The problem, without the parser's position suffix or API names, in the context's language (a problem the library does not know keeps the parser's own English words).</summary>
    /// <param name="exception">The parser's exception.</param>
    /// <param name="context">The reading, for its language.</param>
    /// <returns>One sentence.</returns>
    public static string Describe(JsonException exception, JsonReadContext context)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = Position().Replace(exception.Message, string.Empty).Trim();
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return context.Text("json.empty");
        }

        if (message.Contains("isFinalBlock", StringComparison.Ordinal)
            || message.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            return context.Text("json.unfinished");
        }

        if (message.Contains("additional text", StringComparison.Ordinal))
        {
            return context.Text("json.trailing");
        }

        return message.Length > 0 ? context.Text("json.parser", message) : context.Text("json.syntax");
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
