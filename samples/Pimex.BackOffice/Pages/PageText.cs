using Pimex.Common;
using Pimex.Localisation;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Pages;

/// <summary>
/// The words of the pages in one language, all from its language file (<see cref="ReportLanguage"/>,
/// docs/languages.md): what only a page says (navigation, forms, buttons, the back office's
/// problems) under <c>page.*</c>, and otherwise the library's report terms, so a report term is never
/// translated twice. A language read from a file translates the pages too; a key it leaves out is
/// English's.
/// </summary>
public sealed class PageText
{
    /// <summary>The prefix of the pages' own keys in the language files.</summary>
    private const string Prefix = "page.";

    private PageText(ReportLanguage language) => Language = language;

    /// <summary>The library's language: its glossary and its number, money and date formats.</summary>
    public ReportLanguage Language { get; }

    /// <summary>The <c>lang</c> attribute's value.</summary>
    public string Code => Language.Code;

    public static PageText For(ReportLanguage language) => new(language ?? throw new ArgumentNullException(nameof(language)));

    /// <summary>
    /// The language of a region's pages: <paramref name="requested"/> (a <c>lang</c> query) when it
    /// is one of the library's, else the latest report language the region's rulebook names
    /// (Spanish for Extremadura, Slovenian for Maribor: the language its staff work in now, whatever
    /// the year of the edition they look at), else English.
    /// </summary>
    public static PageText ForRegion(Rulebook rulebook, string? requested)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        if (ReportLanguage.TryFromCode(requested, out var asked))
        {
            return For(asked);
        }

        return rulebook.Get(Parameters.ReportLanguageRule).TryGetValue(NodaTime.LocalDate.MaxIsoValue, out var code) && ReportLanguage.TryFromCode(code, out var language)
            ? For(language)
            : For(ReportLanguage.English);
    }

    /// <summary>A term: the pages' own (<c>page.KEY</c> in the language file), else the library's report term.</summary>
    public string this[string key] => Language.Terms.TryGetValue(Prefix + key, out var text) ? text : Language.Term(key);

    /// <summary>
    /// The words of a refusal with a stable code: the pages' own text for a code of the back office
    /// (<c>PIMEX-HTTP-...</c>, and the version mismatch the API words itself), else
    /// <paramref name="message"/> (the library's refusals come worded in the page's language already).
    /// </summary>
    public string Problem(string? code, string message) =>
        code is not null && Language.Terms.TryGetValue(Prefix + "problem." + code, out var text) ? text : message;

    /// <summary>A term with its placeholders filled in.</summary>
    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    public string Role(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Format("role." + actor.Role, actor.Company?.Value ?? string.Empty);
    }

    public string Status(ParticipantStatus status) => this["status." + Camel(status.ToString())];

    public string Review(ReviewStatus status) => this["review." + Camel(status.ToString())];

    public string Of(int done, int committed) => Language.Format("common.of", Language.Number(done), Language.Number(committed));

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

}
