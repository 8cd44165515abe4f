using NodaTime;
using Pimex.Admission;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;
using Pimex.Rulebooks;
using Pimex.StateAid;

namespace Pimex.Benchmarks.Fixtures;

/// <summary>
/// The admission application every implementation decides, with the rules read from the
/// embedded Extremadura rulebook: a company of Extremadura (ES43) with a linked (60 %), a
/// partner (30 %) and an autonomous (10 %) enterprise, three declared de minimis aids (one of
/// them before the look-back), applying to the 2016 edition with 12 companies admitted.
/// </summary>
/// <remarks>It is admissible: every rule is evaluated, none is broken. Consolidated: 42 staff,
/// EUR 5.3 m turnover, so a small enterprise.</remarks>
internal static class AdmissionCase
{
    /// <summary>The rulebook.</summary>
    public static readonly Rulebook Rulebook = Rulebook.Extremadura;

    /// <summary>The 2016 annuity: budget, capacity, windows.</summary>
    public static readonly AnnuityRules Annuity = Rulebook.Annuity(2016).Value;

    /// <summary>The edition's rules: those in force on the first day of its applications window.</summary>
    public static readonly RuleSet Rules = Rulebook.On(Annuity.Applications.Start).Value;

    /// <summary>The date the application was received.</summary>
    public static readonly LocalDate AppliedOn = new(2016, 2, 1);

    /// <summary>The date of the admission decision.</summary>
    public static readonly LocalDate DecisionDate = new(2016, 3, 20);

    /// <summary>The state-aid regime in force on the decision date (EU 1407/2013, three fiscal years).</summary>
    public static readonly AidRegime Regime = Rulebook.On(DecisionDate).Value.Aid.Regime;

    /// <summary>How many companies the edition has admitted so far.</summary>
    public static readonly int AdmittedSoFar = 12;

    /// <summary>What is available on the actions line: 75,000 less 12 reserved caps.</summary>
    public static readonly Money ActionsAvailable = Eur.Of(45_000m);

    /// <summary>The application.</summary>
    public static readonly CompanyApplication Application = SampleApplication.Value;
}
