namespace Pimex.Common;

/// <summary>
/// Builds the library's failed <see cref="Result"/>s with stable error codes, and reads the
/// codes back.
/// </summary>
/// <remarks>
/// <para><see cref="ResultStatus.Invalid"/> results carry one <see cref="ValidationError"/> per
/// problem, its <see cref="ValidationError.ErrorCode"/> the stable code and its
/// <see cref="ValidationError.Identifier"/> what it is about (a JSON path, a field).</para>
/// <para>Ardalis.Result's <c>Conflict</c>, <c>Forbidden</c> and <c>NotFound</c> carry plain
/// strings: each of the library's messages there starts with its code and a colon,
/// <c>PIMEX-PART-CONFLICT-001: ...</c>, and <see cref="Codes(IResult)"/> reads codes from both
/// kinds.</para>
/// </remarks>
public static class DomainErrors
{
    /// <summary>A validation error with the library's conventions (severity Error).</summary>
    /// <param name="identifier">What the error is about: a JSON path, a field or a rule.</param>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">A readable message.</param>
    /// <returns>The error.</returns>
    public static ValidationError Validation(string identifier, string code, string message) =>
        new(identifier, message, code, ValidationSeverity.Error);

    /// <summary>The message form used for Conflict, Forbidden and NotFound: <c>CODE: message</c>.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">A readable message.</param>
    /// <returns>The coded message.</returns>
    public static string Coded(string code, string message) => code + ": " + message;

    /// <summary>
    /// A validation error whose message is the template of <paramref name="key"/> in a
    /// language: <paramref name="key"/> is the error code, or the code, a dot and a variant
    /// (<c>PIMEX-PART-011.country</c>); the code is what comes before the dot.
    /// </summary>
    internal static ValidationError Refusal(ReportLanguage language, string identifier, string key, params object?[] args) =>
        Validation(identifier, CodeOf(key), language.Refusal(key, args));

    /// <summary>The <c>CODE: message</c> form of Conflict, Forbidden and NotFound, with the message in a language.</summary>
    internal static string Coded(ReportLanguage language, string key, params object?[] args) =>
        Coded(CodeOf(key), language.Refusal(key, args));

    private static string CodeOf(string key)
    {
        int dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? key : key[..dot];
    }

    /// <summary>Every stable error code a result carries, in order.</summary>
    /// <param name="result">Any result.</param>
    /// <returns>The codes; empty for a success.</returns>
    public static IReadOnlyList<string> Codes(this IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var codes = new List<string>();
        foreach (var error in result.ValidationErrors ?? [])
        {
            codes.Add(error.ErrorCode);
        }

        foreach (var message in result.Errors ?? [])
        {
            int colon = message.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                codes.Add(message[..colon]);
            }
        }

        return codes;
    }
}
