using System.Text.Json;
using NodaTime.Text;
using Pimex.Evaluation;
using Pimex.Funding;
using Pimex.Participation;
using Pimex.Promotion;
using Pimex.Rulebooks.Json;
using Pimex.StateAid;

namespace Pimex.Rulebooks;

/// <summary>
/// The catalogue of rulebook parameters. A base rulebook gives every one of them a timeline; a
/// partner rulebook overrides some of them by name. Static and immutable.
/// </summary>
public static partial class Parameters
{
    // The texts that set amounts in euros, whatever the programme's currency (declared before the parameters that use them).
    private static readonly LawCurrency SmeCeilingsInEuros = new(Currency.EUR, "law.smeCeilings");
    private static readonly LawCurrency BusinessAngelAmountInEuros = new(Currency.EUR, "law.businessAngels");
    private static readonly LawCurrency LocalAuthorityAmountInEuros = new(Currency.EUR, "law.localAuthorities");
    private static readonly LawCurrency DeMinimisCeilingInEuros = new(Currency.EUR, "law.deMinimis", OrRulebookCurrency: true);

    /// <summary>Face-to-face group training sessions a participant commits to attend.</summary>
    public static readonly ParameterDefinition<int> GroupSessions = Count("commitment", "groupSessions", "Face-to-face group training sessions each participant commits to attend.");

    /// <summary>Individual tutorials a participant commits to host.</summary>
    public static readonly ParameterDefinition<int> Tutorials = Count("commitment", "tutorials", "Individual tutorials each participant commits to host.");

    /// <summary>Where tutorials must be held.</summary>
    public static readonly ParameterDefinition<TutorialVenue> TutorialVenueRule = EnumParameter<TutorialVenue>("commitment", "tutorialVenue", "Where individual tutorials must be held: companyPremises or any.", "Where tutorials must be held.");

    /// <summary>Training pills required for completion.</summary>
    public static readonly ParameterDefinition<int> TrainingPills = Count("commitment", "trainingPills", "Training pills on strategic planning a participant must attend to complete.");

    /// <summary>Roles that may attend training pills.</summary>
    public static readonly ParameterDefinition<EquatableArray<string>> PillAttendeeRoles = StringList("commitment", "pillAttendeeRoles", "The company roles that may attend training pills (management, commercialDirector...).");

    /// <summary>The most promotion support one company receives.</summary>
    public static readonly ParameterDefinition<Money> CapPerCompany = MoneyParameter("promotion", "capPerCompany", "The most promotion support one company receives in an edition.");

    /// <summary>The share of an approved eligible expense that is paid.</summary>
    public static readonly ParameterDefinition<Rate> SupportIntensity = RateParameter("promotion", "supportIntensity", "The share of an approved eligible expense that is paid, before the cap.");

    /// <summary>Whether VAT the company cannot recover is an eligible cost.</summary>
    public static readonly ParameterDefinition<bool> NonRecoverableVatEligible = Bool("promotion", "nonRecoverableVatEligible", "Whether VAT that the company cannot recover is eligible (recoverable VAT never is).");

    /// <summary>The expense categories.</summary>
    public static readonly ParameterDefinition<EquatableArray<ExpenseCategory>> ExpenseCategories = new(
        "promotion",
        "categories",
        "The promotion expense categories: eligible or not, export aid or not.",
        ValueForm.Categories,
        ReadCategories,
        (w, v) =>
        {
            w.WriteStartArray();
            foreach (var c in v)
            {
                w.WriteStartObject();
                w.WriteString("code", c.Code);
                w.WriteString("name", c.Name);
                w.WriteBoolean("eligible", c.Eligible);
                w.WriteBoolean("exportAid", c.ExportAid);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        },
        v => string.Join("; ", v.Select(c => c.ToString())));

    /// <summary>Whether the technician works full time in the company.</summary>
    public static readonly ParameterDefinition<bool> TechnicianFullTimeInCompany = Bool("support", "technicianFullTimeInCompany", "Whether the assigned technician works full time in the company.");

    /// <summary>What an hour of senior-consultant advice costs the consultancy line.</summary>
    public static readonly ParameterDefinition<Money> ConsultantHourlyRate = MoneyParameter("support", "consultantHourlyRate", "What one hour of senior-consultant advice costs the consultancy line.");

    /// <summary>The state-aid regime, by grant date.</summary>
    public static readonly ParameterDefinition<AidRegime> AidRegimeRule = new(
        "aid",
        "regime",
        "The state-aid regime for aid granted from each date: ceiling per single undertaking and look-back period.",
        ValueForm.AidRegime,
        ReadAidRegime,
        WriteAidRegime,
        lawCurrency: DeMinimisCeilingInEuros);

    /// <summary>How in-kind support is valued as aid.</summary>
    public static readonly ParameterDefinition<InKindValuation> InKindValuationRule = EnumParameter<InKindValuation>("aid", "inKindValuation", "How in-kind training and consultancy is valued as aid: none or budgetShare.", "How in-kind support is valued as aid.");

    /// <summary>Micro enterprises: staff below.</summary>
    public static readonly ParameterDefinition<int> MicroStaff = Count("sme", "microStaffBelow", "Micro enterprise: headcount below this.");

    /// <summary>Micro enterprises: turnover at most.</summary>
    public static readonly ParameterDefinition<Money> MicroTurnover = MoneyParameter("sme", "microTurnoverAtMost", "Micro enterprise: annual turnover at most this (or balance sheet within its limit).", SmeCeilingsInEuros);

    /// <summary>Micro enterprises: balance-sheet total at most.</summary>
    public static readonly ParameterDefinition<Money> MicroBalanceSheet = MoneyParameter("sme", "microBalanceSheetAtMost", "Micro enterprise: annual balance-sheet total at most this.", SmeCeilingsInEuros);

    /// <summary>Small enterprises: staff below.</summary>
    public static readonly ParameterDefinition<int> SmallStaff = Count("sme", "smallStaffBelow", "Small enterprise: headcount below this.");

    /// <summary>Small enterprises: turnover at most.</summary>
    public static readonly ParameterDefinition<Money> SmallTurnover = MoneyParameter("sme", "smallTurnoverAtMost", "Small enterprise: annual turnover at most this.", SmeCeilingsInEuros);

    /// <summary>Small enterprises: balance-sheet total at most.</summary>
    public static readonly ParameterDefinition<Money> SmallBalanceSheet = MoneyParameter("sme", "smallBalanceSheetAtMost", "Small enterprise: annual balance-sheet total at most this.", SmeCeilingsInEuros);

    /// <summary>Medium enterprises: staff below.</summary>
    public static readonly ParameterDefinition<int> MediumStaff = Count("sme", "mediumStaffBelow", "Medium enterprise: headcount below this.");

    /// <summary>Medium enterprises: turnover at most.</summary>
    public static readonly ParameterDefinition<Money> MediumTurnover = MoneyParameter("sme", "mediumTurnoverAtMost", "Medium enterprise: annual turnover at most this.", SmeCeilingsInEuros);

    /// <summary>Medium enterprises: balance-sheet total at most.</summary>
    public static readonly ParameterDefinition<Money> MediumBalanceSheet = MoneyParameter("sme", "mediumBalanceSheetAtMost", "Medium enterprise: annual balance-sheet total at most this.", SmeCeilingsInEuros);

    /// <summary>From this share held, an enterprise is a partner enterprise.</summary>
    public static readonly ParameterDefinition<Rate> PartnerShareFrom = RateParameter("sme", "partnerShareFrom", "From this share of capital or votes, an enterprise is a partner (its figures count in proportion).");

    /// <summary>Above this share held, an enterprise is linked.</summary>
    public static readonly ParameterDefinition<Rate> LinkedShareAbove = RateParameter("sme", "linkedShareAbove", "Above this share of capital or votes, an enterprise is linked (its figures count in full).");

    /// <summary>From this share of capital or votes held by public bodies, an enterprise is not an SME.</summary>
    public static readonly ParameterDefinition<Rate> PublicControlFrom = RateParameter("sme", "publicControlFrom", "From this share of capital or votes controlled, directly or indirectly, by public bodies, an enterprise is not an SME.");

    /// <summary>Business angels stay exempt investors while their total investment in the enterprise is below this.</summary>
    public static readonly ParameterDefinition<Money> BusinessAngelInvestmentBelow = MoneyParameter("sme", "businessAngelInvestmentBelow", "Business angels are exempt investors while their total investment in the same enterprise is below this.", BusinessAngelAmountInEuros);

    /// <summary>Autonomous local authorities are exempt investors while their annual budget is below this.</summary>
    public static readonly ParameterDefinition<Money> LocalAuthorityBudgetBelow = MoneyParameter("sme", "localAuthorityBudgetBelow", "Autonomous local authorities are exempt investors while their annual budget is below this.", LocalAuthorityAmountInEuros);

    /// <summary>Autonomous local authorities are exempt investors while they have fewer inhabitants than this.</summary>
    public static readonly ParameterDefinition<int> LocalAuthorityInhabitantsBelow = Count("sme", "localAuthorityInhabitantsBelow", "Autonomous local authorities are exempt investors while they have fewer inhabitants than this.");

    /// <summary>How many consecutive accounting periods over or under a ceiling change the size class.</summary>
    public static readonly ParameterDefinition<int> ConsecutivePeriods = Count("sme", "consecutivePeriods", "How many consecutive accounting periods over (or under) a ceiling it takes to change the size class.");

    /// <summary>Which day's exchange rate converts a company's figures to euros for the SME test, when the programme is not in euros.</summary>
    public static readonly ParameterDefinition<FiguresRateDate> FiguresExchangeRate = EnumParameter<FiguresRateDate>("sme", "figuresExchangeRate", "Which day's exchange rate converts a company's declared figures (its own, its related enterprises', each earlier period's, the investor-exception amounts) to euros for the SME test, when the programme is not in euros: periodEnd, the rate on the last day of each declared accounting period. The rates are the rulebook's exchangeRates or the host's.", "Which day's rate converts a company's figures to euros.");

    /// <summary>Which day's exchange rate converts de minimis aid to the ceiling's currency, when the programme is not in it.</summary>
    public static readonly ParameterDefinition<AidRateDate> AidExchangeRate = EnumParameter<AidRateDate>("aid", "exchangeRate", "Which day's exchange rate converts de minimis aid to the ceiling's euros, when the programme is not in euros: grantDate, the rate on the day each aid was granted (the new aid: the day of the decision). The rates are the rulebook's exchangeRates or the host's.", "Which day's rate converts aid to euros.");

    /// <summary>Above this share of votes, two undertakings are one single undertaking for de minimis aid.</summary>
    public static readonly ParameterDefinition<Rate> SingleUndertakingShareAbove = RateParameter("aid", "singleUndertakingShareAbove", "Above this share of voting rights, an undertaking and the one it holds form a single undertaking, whose de minimis aid adds up.");

    /// <summary>The regions a company must be established in, as NUTS codes.</summary>
    public static readonly ParameterDefinition<EquatableArray<string>> Regions = new(
        "eligibility",
        "regions",
        "Region codes (NUTS) a company must be established in, in the classification eligibility.nutsVersion names; a code covers the codes inside it (PL51 covers PL514); empty for any.",
        ValueForm.NutsCodes,
        ReadNutsCodes,
        WriteStringList,
        v => v.Count == 0 ? "(any)" : string.Join(", ", v));

    /// <summary>The version of the NUTS classification the region codes are read in.</summary>
    public static readonly ParameterDefinition<string> NutsVersion = new(
        "eligibility",
        "nutsVersion",
        "The version of Eurostat's NUTS classification that eligibility.regions and the applications' region codes are written in, such as \"NUTS 2021\": dated, since the classification is revised every few years and a code can change meaning.",
        ValueForm.NutsVersion,
        ReadNutsVersion,
        (w, v) => w.WriteStringValue(v),
        v => v);

    /// <summary>Who pays the actions line.</summary>
    public static readonly ParameterDefinition<EquatableArray<FundShare>> FundingActions = FundingParameter("actions");

    /// <summary>Who pays the training line.</summary>
    public static readonly ParameterDefinition<EquatableArray<FundShare>> FundingTraining = FundingParameter("training");

    /// <summary>Who pays the consultancy line.</summary>
    public static readonly ParameterDefinition<EquatableArray<FundShare>> FundingConsultancy = FundingParameter("consultancy");

    /// <summary>The survey scale's lowest score.</summary>
    public static readonly ParameterDefinition<int> SurveyScaleMin = Count("survey", "scaleMin", "The lowest score of the satisfaction survey.");

    /// <summary>The survey scale's highest score.</summary>
    public static readonly ParameterDefinition<int> SurveyScaleMax = Count("survey", "scaleMax", "The highest score of the satisfaction survey.");

    /// <summary>The code of the language the programme's reports are written in: a built-in one (en, es, pl, pt, sl) or any other the host supplies as a language file.</summary>
    public static readonly ParameterDefinition<string> ReportLanguageRule = new(
        "reporting",
        "language",
        "The code of the language the programme's reports are written in: en, es, pl, pt, sl are built in; any other is a language file the host supplies ('pimex lang'). A host or 'pimex report --lang' may choose another.",
        ValueForm.Language,
        ReadLanguage,
        (w, v) => w.WriteStringValue(v),
        v => v);

    /// <summary>Human labels, per language, for the survey questions and expense categories a report names.</summary>
    public static readonly ParameterDefinition<EquatableArray<ReportLabel>> ReportLabels = new(
        "reporting",
        "labels",
        "Human labels of the survey questions and expense categories, per language code: { code: { en, es, ... } }.",
        ValueForm.Labels,
        ReadLabels,
        WriteLabels,
        v => string.Join("; ", v.Select(l => $"{l.Code} ({l.Language}) {l.Text}")),
        v => $"labels of {v.Select(l => l.Code).Distinct().Count()} codes in {string.Join(", ", v.Select(l => l.Language).Distinct().Order(StringComparer.Ordinal))}");

    /// <summary>The EU funds' common indicators an edition reports on, by the programming period in force.</summary>
    public static readonly ParameterDefinition<IndicatorSet> CommonIndicators = new(
        "reporting",
        "commonIndicators",
        "The ERDF common indicators of the programming period in force: the period, its regulation, and the indicator codes (CO01, CO02, CO04; RCO01, RCO02, RCO04).",
        ValueForm.Indicators,
        ReadIndicators,
        WriteIndicators,
        v => $"{v.Period}: {string.Join(", ", v.Codes)}");

    /// <summary>Which month's rate converts an edition's expenditure to euros for the funds, when the programme is not in euros.</summary>
    public static readonly ParameterDefinition<ExpenditureRateMonth> FundsExchangeRate = EnumParameter<ExpenditureRateMonth>("funding", "exchangeRate", "Which month's exchange rate converts an edition's expenditure to the euros its funding is reported in, when the programme is not in euros: recordedMonth, the Commission's monthly accounting rate (InforEuro) of the month each expense is recorded in. The rates are the rulebook's exchangeRates (one per month) or the host's.", "Which month's rate converts expenditure to euros for the funds.", "fundsExchangeRate");

    /// <summary>Every parameter, in catalogue order.</summary>
    public static readonly ImmutableArray<ParameterDefinition> All =
    [
        GroupSessions, Tutorials, TutorialVenueRule, TrainingPills, PillAttendeeRoles,
        CapPerCompany, SupportIntensity, NonRecoverableVatEligible, ExpenseCategories,
        TechnicianFullTimeInCompany, ConsultantHourlyRate,
        AidRegimeRule, InKindValuationRule, SingleUndertakingShareAbove, AidExchangeRate,
        MicroStaff, MicroTurnover, MicroBalanceSheet, SmallStaff, SmallTurnover, SmallBalanceSheet,
        MediumStaff, MediumTurnover, MediumBalanceSheet, PartnerShareFrom, LinkedShareAbove,
        PublicControlFrom, BusinessAngelInvestmentBelow, LocalAuthorityBudgetBelow, LocalAuthorityInhabitantsBelow, ConsecutivePeriods, FiguresExchangeRate,
        Regions, NutsVersion,
        FundingActions, FundingTraining, FundingConsultancy, FundsExchangeRate,
        SurveyScaleMin, SurveyScaleMax,
        ReportLanguageRule, ReportLabels, CommonIndicators,
    ];

    /// <summary>
    /// The checks across parameters, which the loader applies to a base rulebook and to a partner
    /// merged over its base (a problem an override causes is reported at the override's path).
    /// </summary>
    internal static readonly ImmutableArray<ParameterCheck> Orderings =
    [
        new ParameterOrdering<int>(SurveyScaleMin, SurveyScaleMax, "surveyScale"),
    ];

    /// <summary>The parameter groups, in catalogue order.</summary>
    public static readonly ImmutableArray<string> Groups = [.. All.Select(p => p.Group).Distinct()];

    /// <summary>Finds a parameter by its full name.</summary>
    /// <param name="name">The name, such as <c>promotion.capPerCompany</c>.</param>
    /// <returns>The parameter, or null.</returns>
    public static ParameterDefinition? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    private static ParameterDefinition<int> Count(string group, string key, string description) =>
        new(group, key, description, ValueForm.Count, (c, e, p) => c.Count(e, p) is { } v ? (true, v) : (false, 0), (w, v) => w.WriteNumberValue(v), v => v.ToString(CultureInfo.InvariantCulture));

    private static ParameterDefinition<bool> Bool(string group, string key, string description) =>
        new(group, key, description, ValueForm.Flag, (c, e, p) => c.Bool(e, p) is { } v ? (true, v) : (false, false), (w, v) => w.WriteBooleanValue(v), v => v ? "yes" : "no");

    private static ParameterDefinition<Money> MoneyParameter(string group, string key, string description, LawCurrency? law = null) =>
        new(group, key, description, ValueForm.Money, (c, e, p) => c.Money(e, p, law) is { } v ? (true, v) : (false, default), (w, v) => w.WriteStringValue(v.ToString()), lawCurrency: law);

    private static ParameterDefinition<Rate> RateParameter(string group, string key, string description) =>
        new(group, key, description, ValueForm.Rate, (c, e, p) => c.Rate(e, p) is { } v ? (true, v) : (false, default), (w, v) => w.WriteStringValue(PercentText(v)), PercentText);

    /// <summary>A parameter whose value is one of an enum's JSON names; the schema names its form <paramref name="formName"/> (the key by default: two groups' parameters of one key need two names).</summary>
    private static ParameterDefinition<TEnum> EnumParameter<TEnum>(string group, string key, string description, string meaning, string? formName = null)
        where TEnum : struct, Enum =>
        new(group, key, description, ValueForm.EnumOf<TEnum>(formName ?? key, meaning), (c, e, p) => c.Enum<TEnum>(e, p) is { } v ? (true, v) : (false, default), (w, v) => w.WriteStringValue(JsonNames.Of(v)), v => JsonNames.Of(v));

    private static ParameterDefinition<EquatableArray<string>> StringList(string group, string key, string description) =>
        new(
            group,
            key,
            description,
            ValueForm.TextList,
            ReadStringList,
            (w, v) =>
            {
                w.WriteStartArray();
                foreach (var s in v)
                {
                    w.WriteStringValue(s);
                }

                w.WriteEndArray();
            },
            v => v.Count == 0 ? "(any)" : string.Join(", ", v));

    private static ParameterDefinition<EquatableArray<FundShare>> FundingParameter(string line) =>
        new(
            "funding",
            line,
            $"The funds that pay the {line} line and their co-financing rates; the rates add up to 100%.",
            ValueForm.Funding,
            ReadFunding,
            (w, v) =>
            {
                w.WriteStartArray();
                foreach (var share in v)
                {
                    w.WriteStartObject();
                    w.WriteString("fund", share.Fund);
                    w.WriteString("rate", PercentText(share.Rate));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            },
            v => string.Join(" + ", v.Select(s => $"{s.Fund} {PercentText(s.Rate)}")));

    internal static string PercentText(Rate rate) => rate.ToString("R", null);

    private static void WriteStringList(Utf8JsonWriter w, EquatableArray<string> v)
    {
        w.WriteStartArray();
        foreach (var s in v)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
    }

    private static (bool, EquatableArray<string>) ReadNutsCodes(JsonReadContext c, JsonElement e, string p)
    {
        var (ok, codes) = ReadStringList(c, e, p);
        if (!ok)
        {
            return (false, codes);
        }

        for (int i = 0; i < codes.Count; i++)
        {
            if (!Nuts.IsWellFormedCode(codes[i]))
            {
                c.Error(JsonReadContext.Index(p, i), RulebookErrors.OutOfRange, "notANutsCode", codes[i]);
                ok = false;
            }
        }

        return (ok, codes);
    }

    private static (bool, string) ReadNutsVersion(JsonReadContext c, JsonElement e, string p)
    {
        var version = c.String(e, p);
        if (version is null)
        {
            return (false, string.Empty);
        }

        if (!Nuts.IsWellFormedVersion(version))
        {
            c.Error(p, RulebookErrors.OutOfRange, "notANutsVersion", version);
            return (false, string.Empty);
        }

        return (true, version);
    }

    private static (bool, EquatableArray<string>) ReadStringList(JsonReadContext c, JsonElement e, string p)
    {
        var items = c.Array(e, p);
        if (items is null)
        {
            return (false, default);
        }

        var list = new List<string>();
        bool ok = true;
        for (int i = 0; i < items.Length; i++)
        {
            var path = JsonReadContext.Index(p, i);
            var s = c.String(items[i], path);
            if (s is null)
            {
                ok = false;
            }
            else if (list.Contains(s, StringComparer.Ordinal))
            {
                c.Error(path, RulebookErrors.DuplicateKey, "duplicateValue", s);
                ok = false;
            }
            else
            {
                list.Add(s);
            }
        }

        return (ok, new EquatableArray<string>(list));
    }

    private static (bool, EquatableArray<ExpenseCategory>) ReadCategories(JsonReadContext c, JsonElement e, string p)
    {
        var items = c.Array(e, p);
        if (items is null)
        {
            return (false, default);
        }

        var list = new List<ExpenseCategory>();
        bool ok = true;
        for (int i = 0; i < items.Length; i++)
        {
            var path = JsonReadContext.Index(p, i);
            var m = c.Object(items[i], path, ["code", "name", "eligible", "exportAid"]);
            if (m is null)
            {
                ok = false;
                continue;
            }

            var code = c.Require(m, "code", path, out var ce) ? c.String(ce, JsonReadContext.Child(path, "code")) : null;
            var name = c.Require(m, "name", path, out var ne) ? c.String(ne, JsonReadContext.Child(path, "name")) : null;
            var eligible = c.Require(m, "eligible", path, out var ee) ? c.Bool(ee, JsonReadContext.Child(path, "eligible")) : null;
            var exportAid = c.Require(m, "exportAid", path, out var xe) ? c.Bool(xe, JsonReadContext.Child(path, "exportAid")) : null;
            if (code is null || name is null || eligible is null || exportAid is null)
            {
                ok = false;
                continue;
            }

            if (list.Exists(x => x.Code == code))
            {
                c.Error(JsonReadContext.Child(path, "code"), RulebookErrors.DuplicateKey, "duplicateCategory", code);
                ok = false;
                continue;
            }

            list.Add(new ExpenseCategory(code, name, eligible.Value, exportAid.Value));
        }

        return (ok, new EquatableArray<ExpenseCategory>(list));
    }

    private static (bool, EquatableArray<FundShare>) ReadFunding(JsonReadContext c, JsonElement e, string p)
    {
        var items = c.Array(e, p);
        if (items is null)
        {
            return (false, default);
        }

        var list = new List<FundShare>();
        bool ok = true;
        for (int i = 0; i < items.Length; i++)
        {
            var path = JsonReadContext.Index(p, i);
            var m = c.Object(items[i], path, ["fund", "rate"]);
            if (m is null)
            {
                ok = false;
                continue;
            }

            var fund = c.Require(m, "fund", path, out var fe) ? c.String(fe, JsonReadContext.Child(path, "fund")) : null;
            var rate = c.Require(m, "rate", path, out var re) ? c.Rate(re, JsonReadContext.Child(path, "rate")) : null;
            if (fund is null || rate is null)
            {
                ok = false;
                continue;
            }

            list.Add(new FundShare(fund, rate.Value));
        }

        if (ok && (list.Count == 0 || list.Sum(s => s.Rate.Fraction) != 1m))
        {
            c.Error(p, RulebookErrors.OutOfRange, "fundsRates", list.Sum(s => s.Rate.Percent));
            ok = false;
        }

        return (ok, new EquatableArray<FundShare>(list));
    }

    private static (bool, AidRegime) ReadAidRegime(JsonReadContext c, JsonElement e, string p)
    {
        var m = c.Object(e, p, ["name", "ceiling", "period", "reference"]);
        if (m is null)
        {
            return (false, null!);
        }

        var name = c.Require(m, "name", p, out var ne) ? c.String(ne, JsonReadContext.Child(p, "name")) : null;
        var ceiling = c.Require(m, "ceiling", p, out var ce) ? c.Money(ce, JsonReadContext.Child(p, "ceiling"), DeMinimisCeilingInEuros) : null;
        var reference = m.TryGetValue("reference", out var re) ? c.String(re, JsonReadContext.Child(p, "reference")) : null;
        AidPeriod? period = null;
        if (c.Require(m, "period", p, out var pe))
        {
            var pp = JsonReadContext.Child(p, "period");
            var pm = c.Object(pe, pp, ["kind", "years", "fiscalYearStart"]);
            if (pm is not null)
            {
                var kind = c.Require(pm, "kind", pp, out var ke) ? c.Enum<AidPeriodKind>(ke, JsonReadContext.Child(pp, "kind")) : null;
                var years = c.Require(pm, "years", pp, out var ye) ? c.Count(ye, JsonReadContext.Child(pp, "years"), ValueForm.MaxAidYears) : null;
                var start = pm.TryGetValue("fiscalYearStart", out var se) ? c.AnnualDate(se, JsonReadContext.Child(pp, "fiscalYearStart")) : new NodaTime.AnnualDate(1, 1);
                if (start is { Month: 2, Day: 29 })
                {
                    c.Error(JsonReadContext.Child(pp, "fiscalYearStart"), RulebookErrors.OutOfRange, "fiscalYearLeapDay");
                    start = null;
                }

                if (years == 0)
                {
                    c.Error(JsonReadContext.Child(pp, "years"), RulebookErrors.OutOfRange, "periodYears");
                    years = null;
                }

                if (kind is not null && years is not null && start is not null)
                {
                    period = new AidPeriod(kind.Value, years.Value, start.Value);
                }
            }
        }

        if (name is null || ceiling is null || period is null || (m.ContainsKey("reference") && reference is null))
        {
            return (false, null!);
        }

        return (true, new AidRegime(name, ceiling.Value, period, reference));
    }

    private static void WriteAidRegime(Utf8JsonWriter w, AidRegime v)
    {
        w.WriteStartObject();
        w.WriteString("name", v.Name);
        w.WriteString("ceiling", v.Ceiling.ToString());
        w.WriteStartObject("period");
        w.WriteString("kind", JsonNames.Of(v.Period.Kind));
        w.WriteNumber("years", v.Period.Years);
        w.WriteString("fiscalYearStart", AnnualDatePattern.Iso.Format(v.Period.FiscalYearStart));
        w.WriteEndObject();
        if (v.Reference is not null)
        {
            w.WriteString("reference", v.Reference);
        }

        w.WriteEndObject();
    }
}
