using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pimex.Cli.Ledger;

/// <summary>
/// Says what is wrong with malformed JSON in a user's words: System.Text.Json's messages name
/// its own API ("isFinalBlock") and end with a zero-based line number that disagrees with the
/// one an editor shows.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>The problem, without the parser's position suffix or API names.</summary>
    /// <param name="exception">The parser's exception.</param>
    /// <returns>One sentence.</returns>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = Position().Replace(exception.Message, string.Empty).Trim();
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "there is no JSON value (the text is empty or only blanks).";
        }

        if (message.Contains("isFinalBlock", StringComparison.Ordinal)
            || message.Contains("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the text ends before the JSON value is complete (an object, array or string is not closed).";
        }

        if (message.Contains("additional text", StringComparison.Ordinal))
        {
            return "there is more text after the JSON value ends.";
        }

        return message.Length > 0 ? message : "a syntax error.";
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Position();
}
