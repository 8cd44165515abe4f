using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pimex.BackOffice.Http;
using Pimex.Monetary;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>
/// Verifies one claim: approve in full, in part (amount and reason) or reject (reason), through
/// the API's command path (the library's <c>VerifyClaim</c>, a joint change of the participant
/// and the edition's actions line). The library's refusals are shown next to their fields.
/// </summary>
public sealed class VerifyClaimModel : OfficePage
{
    public Participant? Participant { get; private set; }

    public ClaimRecord? Record { get; private set; }

    public string CategoryLabel { get; private set; } = string.Empty;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Verdict { get; set; }

    [BindProperty]
    public string? ApprovedAmount { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string region, int year, string company, string claim)
    {
        Year = year;
        await LoadAsync(region, year, company, claim);
        Version = Participant?.Version ?? 0;
        Verdict ??= nameof(ClaimVerdict.ApprovedInFull);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string region, int year, string company, string claim)
    {
        Year = year;
        if (!await LoadAsync(region, year, company, claim))
        {
            return Show();
        }

        var currency = Record!.Claim.Net.Currency;
        var errors = new List<FieldError>();
        if (!Enum.TryParse<ClaimVerdict>(Verdict, ignoreCase: false, out var verdict) || !Enum.IsDefined(verdict))
        {
            errors.Add(new FieldError("verdict", Problems.MalformedBody, Text["verify.verdict"]));
        }

        var amount = Money.Zero(currency);
        if (verdict == ClaimVerdict.ApprovedInPart && !string.IsNullOrWhiteSpace(ApprovedAmount))
        {
            if (ParseAmount(ApprovedAmount) is { } parsed)
            {
                amount = Money.Of(parsed, currency);
            }
            else
            {
                errors.Add(new FieldError("approvedAmount", Problems.MalformedBody, Text["verify.badAmount"]));
            }
        }

        if (errors.Count == 0)
        {
            var verification = new ClaimVerification(verdict, amount, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
            var outcome = await RunAsync(region, year, company, Version, (s, context) => Outcome.Of(s.RequiredParticipant.VerifyClaim(s.Edition, claim, verification, s.Caller.Rulebook, context)));
            if (outcome.IsAccepted)
            {
                await LoadAsync(region, year, company, claim);
                var decision = Record!.Verification!.Decision;
                var l = Text.Language;
                TempData["message"] = Text.Format("verify.done", claim, company, l.Money(decision.Approved), l.Money(decision.Granted), l.Money(decision.NotSupported));
                return Redirect(EditionPath("/participants?q=" + Uri.EscapeDataString(company)));
            }

            errors.AddRange(outcome.Errors);
        }

        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(region, year, company, claim);
        return Page();
    }

    /// <summary>An amount as people type it: <c>1250,50</c>, <c>1.250,50</c>, <c>1250.50</c> or <c>1,250.50</c>.</summary>
    public decimal? ParseAmount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("€", string.Empty, StringComparison.Ordinal);
        if (s.Contains(',', StringComparison.Ordinal) && s.Contains('.', StringComparison.Ordinal))
        {
            s = s.Replace(Text.Language.GroupSeparator.ToString(), string.Empty, StringComparison.Ordinal);
        }

        s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private async Task<bool> LoadAsync(string region, int year, string company, string claim)
    {
        if (Resolve(region) is not { } caller)
        {
            return false;
        }

        var data = await EditionData.LoadAsync(HttpContext, caller, year);
        Participant = data?.Find(company);
        if (data is null || Participant is null || !Participant.Claims.TryGetValue(claim, out var record))
        {
            Refusal = new PageRefusal(StatusCodes.Status404NotFound, Problems.NotFound, Text.Format("problem.noClaim", claim, company, year));
            return false;
        }

        Record = record;
        CategoryLabel = data.Report.Label(record.Claim.Category, Text.Language);
        Title = Text.Format("verify.title", claim, company);
        return true;
    }
}
