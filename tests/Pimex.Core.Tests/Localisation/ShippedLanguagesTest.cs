using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Pimex.Evaluation;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;
using Pimex.Tests.Evaluation;
using Pimex.Tests.Support;
using static Pimex.Tests.Evaluation.EditionBuilder;

namespace Pimex.Tests.Localisation;

/// <summary>
/// Polish and Portuguese, two languages the code never names, shipped as files only: each is
/// embedded, reads with no missing key, writes amounts as CLDR does, renders the reports (approved
/// copies in <c>Golden/</c>), and lets no English word or raw enum name through; the same leak
/// checks hold for Spanish and Slovenian.
/// </summary>
public partial class ShippedLanguagesTest
{
    public static TheoryData<string> NewLanguages => new("pl", "pt");

    public static TheoryData<string> NonEnglish => new("es", "pl", "pt", "sl");

    /// <summary>
    /// The texts a language may write as English does, each with its reason; any other text equal
    /// to English's is an untranslated leak.
    /// </summary>
    private static readonly Dictionary<string, string[]> SameAsEnglish = new(StringComparer.Ordinal)
    {
        // A dash for a deliverable not submitted, in every language; "Token", the sign-in field of
        // the back office's pages, is the word each of these languages uses for a bearer token.
        ["es"] = ["review.notSubmitted", "common.no", "common.total", "page.signin.token"], // "no" and "total" are Spanish words.
        ["pl"] = ["review.notSubmitted", "companies.status", "page.claim.vat", "page.signedIn", "page.signin.token"], // "status", "VAT" and "region" are Polish words.
        ["pt"] = ["review.notSubmitted", "common.total", "page.signin.token"], // "total" is the Portuguese word.
        ["sl"] = ["review.notSubmitted", "page.matrix.filter"], // "filter" is the Slovenian word.
    };

    /// <summary>
    /// Common English words of the library's texts that are no word of Spanish, Polish, Portuguese
    /// or Slovenian ("a", "as", "no", "on", "to", and "balance", "more", "region" are left out: they
    /// are words there, as in Spanish's "balance general" or Slovenian's "ne more").
    /// </summary>
    private static readonly HashSet<string> EnglishWords = new(
        [
            "the", "of", "is", "are", "was", "not", "and", "or", "with", "for", "has", "have", "may", "must",
            "already", "than", "outside", "before", "after", "from", "this", "that", "its", "be", "by",
            "company", "companies", "claim", "session", "tutorial", "tutorials", "training", "edition", "line",
            "record", "submitted", "accepted", "admitted", "completed", "withdrawn", "excluded", "premises",
            "office", "online", "other", "technician", "consultancy", "actions", "roadmap", "analysis",
            "invoice", "staff", "turnover", "sheet", "budget", "ceiling", "enterprises", "cap",
            "pills", "pill", "attended", "held", "hours", "window", "aid", "amount",
        ],
        StringComparer.OrdinalIgnoreCase);

    [Theory]
    [MemberData(nameof(NewLanguages))]
    public void EmbeddedFile_WhenParsed_ReadsWithNoErrorAndNoMissingKey(string code)
    {
        using var stream = typeof(ReportLanguage).Assembly.GetManifestResourceStream($"Pimex.Localisation.Languages.{code}.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var read = ReportLanguage.Parse(reader.ReadToEnd());

        Assert.True(read.IsSuccess, string.Join("; ", read.ValidationErrors.Select(e => $"{e.ErrorCode} {e.Identifier} {e.ErrorMessage}")));
        Assert.Equal(code, read.Value.Code);
        Assert.Empty(read.Value.MissingKeys);
        Assert.Equal(ReportLanguage.English.Terms.Keys.Order(StringComparer.Ordinal), read.Value.Terms.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(NewLanguages))]
    public void All_WhenListed_HasTheLanguageFromItsFileAlone(string code)
    {
        Assert.Contains(code, ReportLanguage.All.Select(l => l.Code));
        Assert.True(ReportLanguage.TryFromCode(code.ToUpperInvariant(), out var language));
        Assert.Empty(language.MissingKeys);
    }

    [Theory]
    [InlineData("pl", "Polski", "88\u00a0280,00 €", "2500,00 €", "200\u00a0000,00 zł", "83,3%", "1 kwietnia 2016", "1234,5")]
    [InlineData("pt", "Português", "88\u00a0280,00 €", "2500,00 €", "200\u00a0000,00 PLN", "83,3%", "1 de abril de 2016", "1234,5")]
    public void Formats_WhenWritten_AreCldrs(string code, string name, string budget, string cap, string zlotys, string rate, string date, string number)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Assert.Equal(name, language.Name);
        Assert.Equal(budget, language.Money(Money.Of(88_280m, Currency.EUR)));
        Assert.Equal(cap, language.Money(Money.Of(2_500m, Currency.EUR)));
        Assert.Equal(zlotys, language.Money(Money.Of(200_000m, Currency.FromCode("PLN"))));
        Assert.Equal("-12\u00a0345,67 €", language.Money(Money.Of(-12_345.67m, Currency.EUR)));
        Assert.Equal(rate, language.Percent(Rate.Ratio(25, 30)));
        Assert.Equal(date, language.Date(new LocalDate(2016, 4, 1)));
        Assert.Equal(number, language.Number(1_234.5m));
        Assert.Equal("12\u00a0345", language.Number(12_345L));
    }

    [Theory]
    [InlineData("pl", "1 stycznia 2016", "31 grudnia 2016", "od 1 kwietnia 2016 do 30 czerwca 2016")]
    [InlineData("pt", "1 de janeiro de 2016", "31 de dezembro de 2016", "de 1 de abril de 2016 a 30 de junho de 2016")]
    public void Dates_WhenWrittenOut_UseTheMonthsInTheirForm(string code, string first, string last, string range)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        Assert.Equal(first, language.Date(new LocalDate(2016, 1, 1)));
        Assert.Equal(last, language.Date(new LocalDate(2016, 12, 31)));
        Assert.Equal(range, language.Format("common.range", language.Date(new LocalDate(2016, 4, 1)), language.Date(new LocalDate(2016, 6, 30))));
    }

    [Theory]
    [MemberData(nameof(NewLanguages))]
    public void EditionReport_WhenSmallEdition_IsTheApprovedReport(string code)
    {
        var (edition, participants) = EditionReportTest.SmallEdition();
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var text = (EditionReport.Create(edition, participants, Rulebook.Extremadura).Ok() with { AsOf = new LocalDate(2016, 12, 31) }).ToText(language);

        Golden.Matches(text, $"edition-report-small.{code}.txt");
        Assert.Contains(language.Money(Money.Of(88_280m, Currency.EUR)), text, StringComparison.Ordinal);
        Assert.Contains(language.Money(Money.Of(2_500m, Currency.EUR)), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NewLanguages))]
    public void AidStatement_In2016_IsTheApprovedStatement(string code)
    {
        var b = For2016();
        var participant = b.Admit(
                "B06000001",
                new AidReceived(Eur(50_000m), new LocalDate(2013, 6, 1), "Regional energy grant"),
                new AidReceived(Eur(10_000m), new LocalDate(2015, 3, 1), "Chamber of commerce"))
            .Grant(1_000m, new LocalDate(2016, 5, 10))
            .Grant(1_500m, new LocalDate(2016, 7, 1))
            .Build();
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var statement = AidStatement.Create(participant, Rulebook.Extremadura, new LocalDate(2016, 6, 30)).Ok();

        Golden.Matches(statement.ToText(language), $"aid-statement-2016.{code}.txt");
    }

    [Theory]
    [MemberData(nameof(NonEnglish))]
    public void Texts_ExceptAJustifiedFew_DifferFromEnglish(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var same = ReportLanguage.English.Terms
            .Where(t => language.Terms[t.Key] == t.Value)
            .Select(t => t.Key)
            .Order(StringComparer.Ordinal);

        Assert.Equal(SameAsEnglish[code].Order(StringComparer.Ordinal), same);
    }

    [Theory]
    [MemberData(nameof(NonEnglish))]
    public void Texts_HaveNoCommonEnglishWordNorRawEnumName(string code)
    {
        Assert.True(ReportLanguage.TryFromCode(code, out var language));

        var leaks = language.Terms
            .SelectMany(t => Leaks(t.Value).Select(word => $"{t.Key}: '{word}' in \"{t.Value}\""))
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void Leaks_WhenATextHasEnglishWordsOrAnEnumName_FindsThem()
    {
        Assert.Equal(["of", "OperatorOffice"], Leaks("Sesja „S1” of OperatorOffice, PIMEX-PART-004, SWOT."));
        Assert.Empty(Leaks("Analiza SWOT „{0}” (PIMEX-PART-015) de minimis, 2500,00 €."));
    }

    /// <summary>The common English words and the raw enum names (a lower-case letter then an upper-case one inside a word) of a text.</summary>
    internal static IEnumerable<string> Leaks(string text) =>
        Words().Matches(text)
            .Select(m => m.Value)
            .Where(w => EnglishWords.Contains(w) || EnumName().IsMatch(w));

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex EnumName();
}
