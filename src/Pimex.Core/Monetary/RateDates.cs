namespace Pimex.Monetary;

/// <summary>
/// Which day's exchange rate converts a company's declared figures (turnover, balance-sheet
/// total, the investor-exception amounts) to euros for the SME test: a dated parameter the region
/// sets (<c>sme.figuresExchangeRate</c>), since Recommendation 2003/361/EC sets its ceilings in
/// euros and names no rate.
/// </summary>
public enum FiguresRateDate
{
    /// <summary>The rate on the last day of each declared accounting period
    /// (<see cref="Admission.CompanyProfile.PeriodEnd"/>), the closing date of the accounts the figures come from.</summary>
    PeriodEnd,
}

/// <summary>
/// Which day's exchange rate converts de minimis aid to euros for the ceiling: a dated parameter the
/// region sets (<c>aid.exchangeRate</c>).
/// </summary>
public enum AidRateDate
{
    /// <summary>The rate on the day each aid was granted (the legal right to it conferred); the new
    /// aid at the date of the decision that grants it.</summary>
    GrantDate,
}

/// <summary>
/// Which month's rate converts an edition's expenditure to euros for the funds, when the programme
/// is not in euros: a dated parameter the region sets (<c>funding.exchangeRate</c>). The
/// regulations on the funds have the Commission's monthly accounting rate (InforEuro) of the month
/// the expenditure is recorded in the accounts.
/// </summary>
public enum ExpenditureRateMonth
{
    /// <summary>The monthly rate of the month in which each expense is recorded (the month of its
    /// event's <c>RecordedAt</c> in the programme's time zone): a claim's spend when it is verified,
    /// a direct spend when it is recorded.</summary>
    RecordedMonth,
}
