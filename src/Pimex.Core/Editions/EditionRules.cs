namespace Pimex.Editions;

/// <summary>
/// The rules of an edition's own verbs (group sessions, direct spends), each a pure function
/// named after what it checks, beside its error codes (<see cref="EditionErrors"/>). A rule adds
/// an error to the verb's list only when it is broken.
/// </summary>
[RuleConcept("Edition (sessions and direct spends)")]
internal static class EditionRules
{
    /// <summary>A group session takes place inside the annuity's training window.</summary>
    [Rule(EditionErrors.SessionOutsideTrainingWindow, "annuities.YYYY.windows.training")]
    internal static void SessionInTrainingWindow(List<ValidationError> errors, ReportLanguage language, GroupSession session, DateInterval trainingWindow)
    {
        if (!trainingWindow.Contains(session.Date))
        {
            errors.Add(DomainErrors.Refusal(language, "session.date", EditionErrors.SessionOutsideTrainingWindow, session.Date, trainingWindow));
        }
    }

    /// <summary>A group session has an id, a venue, a topic and at least one seat.</summary>
    [Rule(EditionErrors.SessionInvalid)]
    internal static void SessionDescribed(List<ValidationError> errors, ReportLanguage language, GroupSession session)
    {
        if (session.Capacity < 1 || string.IsNullOrWhiteSpace(session.Venue) || string.IsNullOrWhiteSpace(session.Topic) || string.IsNullOrWhiteSpace(session.Id))
        {
            errors.Add(DomainErrors.Refusal(language, "session", EditionErrors.SessionInvalid));
        }
    }

    /// <summary>
    /// A direct spend goes to the training or consultancy line (the actions line moves through
    /// reservations), is positive in the edition's currency, and leaves its line at zero or more.
    /// </summary>
    [Rule(EditionErrors.LineNotForDirectSpend)]
    [Rule(CommonErrors.InvalidAmount, "currency")]
    [Rule(EditionErrors.LineWouldGoNegative, "annuities.YYYY.budget.training", "annuities.YYYY.budget.consultancy")]
    internal static void DirectSpendAffordable(List<ValidationError> errors, ReportLanguage language, BudgetLine line, Money amount, Currency currency, BudgetLedger ledger)
    {
        if (line == BudgetLine.Actions)
        {
            errors.Add(DomainErrors.Refusal(language, "line", EditionErrors.LineNotForDirectSpend));
        }

        if (amount.Currency != currency || !amount.IsPositive)
        {
            errors.Add(DomainErrors.Refusal(language, "amount", CommonErrors.InvalidAmount + ".positive", amount, currency));
        }
        else if (line != BudgetLine.Actions && amount > ledger[line].Available)
        {
            errors.Add(DomainErrors.Refusal(language, "amount", EditionErrors.LineWouldGoNegative, amount, ledger[line].Available, line));
        }
    }

    /// <summary>A direct spend says what it pays for.</summary>
    [Rule(CommonErrors.MissingText)]
    internal static void SpendDescribed(List<ValidationError> errors, ReportLanguage language, string description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            errors.Add(DomainErrors.Refusal(language, "description", CommonErrors.MissingText + ".expense"));
        }
    }
}
