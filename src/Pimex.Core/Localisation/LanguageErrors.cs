namespace Pimex.Localisation;

/// <summary>
/// The stable error codes of reading a language file (<see cref="ReportLanguage.Parse"/>). A
/// refused file returns <c>Result.Invalid</c> with one validation error per problem: the code,
/// and the JSON path of the problem as its identifier (for example
/// <c>$.texts['budget.title']</c>). A text the file leaves out is not an error: it falls back
/// to English and is listed in <see cref="ReportLanguage.MissingKeys"/>.
/// </summary>
public static class LanguageErrors
{
    /// <summary>The text is not well-formed JSON, or is larger or nested more deeply than the reader accepts.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string MalformedFile = "PIMEX-LANG-001";

    /// <summary>The file's structure is wrong: a value of the wrong JSON type, a required field missing, a field the format does not define, or a key twice in one object.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$*")]
    public const string WrongStructure = "PIMEX-LANG-002";

    /// <summary>The language code is not a well-formed code (<c>de</c>, <c>fr</c>, <c>sr-Latn</c>: ISO 639 letters, then optional subtags).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.code")]
    public const string InvalidCode = "PIMEX-LANG-003";

    /// <summary>A number, money, percent or date format the library cannot apply: a separator that is not one character, a pattern without its placeholders or with an unknown one, a currency symbol for an unknown currency.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.formats*", "$.symbols*")]
    public const string InvalidFormat = "PIMEX-LANG-004";

    /// <summary>A text whose key English does not have (a typo, or a key of another version of the library).</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.texts*")]
    public const string UnknownKey = "PIMEX-LANG-005";

    /// <summary>A text whose placeholders (<c>{0}</c>, <c>{1}</c>...) differ from the English text's, or whose braces are not placeholders.</summary>
    [ErrorStatus(ResultStatus.Invalid, "$.texts*")]
    public const string PlaceholderMismatch = "PIMEX-LANG-006";
}
