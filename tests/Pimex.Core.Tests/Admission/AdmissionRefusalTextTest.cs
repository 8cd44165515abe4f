using Ardalis.Result;
using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Localisation;
using Pimex.Monetary;
using Pimex.Rulebooks;

namespace Pimex.Tests.Admission;

/// <summary>
/// What a refused applicant reads when the SME test says no, in each language the library ships:
/// the consolidated figures (art. 2 of Recommendation 2003/361/EC's annex) or the share public
/// bodies control (art. 3(4)).
/// </summary>
public class AdmissionRefusalTextTest
{
    private static readonly RuleSet Rules2016 = Rulebook.Extremadura.On(new LocalDate(2016, 3, 1)).Value;
    private static readonly AnnuityRules Annuity2016 = Rulebook.Extremadura.Annuity(2016).Value;

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.EUR);

    private static CompanyApplication Application(params RelatedEnterprise[] related) =>
        new(new CompanyId("B1"), "ES43", new CompanyProfile(new EnterpriseFigures(20m, Eur(3_000_000m), Eur(2_000_000m)), new EquatableArray<RelatedEnterprise>(related)), default);

    private static ReportLanguage Language(string code) => ReportLanguage.TryFromCode(code, out var language) ? language : throw new ArgumentException(code, nameof(code));

    private static ValidationError NotAnSmeError(CompanyApplication application, ReportLanguage language)
    {
        var check = AdmissionEligibility.Evaluate(application, Annuity2016.Applications.Start, Annuity2016.Applications.Start, Rules2016, Rules2016.Aid.Regime, Annuity2016, 0, Annuity2016.Budget.Actions);
        Assert.Equal(AdmissionRulesBroken.NotAnSme, check.Broken);
        var error = Assert.Single(AdmissionEligibility.Errors(check, application, Rules2016, Annuity2016, language));
        Assert.Equal(("profile", AdmissionErrors.NotAnSme), (error.Identifier, error.ErrorCode));
        return error;
    }

    public static TheoryData<string, string> PublicControlTexts => new()
    {
        { "en", "Not an SME: 30% of its capital or votes is controlled by public bodies (Recommendation 2003/361/EC, annex art. 3(4))." },
        { "es", "No es una pyme: organismos públicos controlan el 30,0 % de su capital o de sus derechos de voto (Recomendación 2003/361/CE, anexo, art. 3.4)." },
        { "sl", "Ni MSP: javni organi nadzorujejo 30,0 % kapitala ali glasovalnih pravic (Priporočilo 2003/361/ES, priloga, člen 3(4))." },
    };

    [Theory]
    [MemberData(nameof(PublicControlTexts))]
    public void Errors_WhenPublicBodiesControlAQuarter_SayWhatSharePublicBodiesControlInEachLanguage_Art3_4(string code, string expected)
    {
        // Art. 3(4): 25 % or more controlled by public bodies; an SME by its figures (20 AWU) all the same.
        var application = Application(new RelatedEnterprise("Diputación de Cáceres", Rate.FromPercent(30m), new EnterpriseFigures(0m, Eur(0m), Eur(0m))) { Kind = RelatedPartyKind.PublicBody });

        var error = NotAnSmeError(application, Language(code));

        Assert.Equal(expected, error.ErrorMessage);
    }

    public static TheoryData<string, string> FiguresTexts => new()
    {
        { "en", "Not an SME: 270 staff, turnover EUR 43000000.00, balance sheet EUR 32000000.00 with linked and partner enterprises." },
        { "es", "No es una pyme: 270 UTA de efectivos, volumen de negocios de 43.000.000,00 € y balance general de 32.000.000,00 €, con las empresas vinculadas y asociadas." },
        { "sl", "Ni MSP: 270 PDE zaposlenih, promet 43.000.000,00 €, bilančna vsota 32.000.000,00 €, skupaj s povezanimi in partnerskimi podjetji." },
    };

    [Theory]
    [MemberData(nameof(FiguresTexts))]
    public void Errors_WhenTheConsolidatedFiguresAreOverTheMediumCeilings_StateThemInEachLanguage_Art2And6(string code, string expected)
    {
        // Art. 2(1): 250 staff or more; art. 6(2): a linked enterprise's figures in full.
        var application = Application(new RelatedEnterprise("Parent SA", Rate.FromPercent(60m), new EnterpriseFigures(250m, Eur(40_000_000m), Eur(30_000_000m))));

        var error = NotAnSmeError(application, Language(code));

        Assert.Equal(expected, error.ErrorMessage);
    }

    [Fact]
    public void Errors_WhenThePublicShareHasManyDecimals_WritesItWholeInEnglish_Art3_4()
    {
        // The share is the one declared, every digit of it, as the rulebook writes rates.
        var application = Application(new RelatedEnterprise("Diputación de Cáceres", Rate.FromPercent(25.123456m), new EnterpriseFigures(0m, Eur(0m), Eur(0m))) { Kind = RelatedPartyKind.PublicBody });

        var error = NotAnSmeError(application, ReportLanguage.English);

        Assert.Equal("Not an SME: 25.123456% of its capital or votes is controlled by public bodies (Recommendation 2003/361/EC, annex art. 3(4)).", error.ErrorMessage);
    }
}
