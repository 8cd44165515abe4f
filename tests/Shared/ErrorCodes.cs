using System.Reflection;
using Ardalis.Result;
using Pimex.Common;

namespace Pimex.Tests.Support;

/// <summary>
/// The error codes an assembly declares: every public <c>const string</c> <c>PIMEX-...</c> of its
/// static classes named <c>...Errors</c> (the tool's <c>LedgerErrors</c> is internal), with the status of its <see cref="ErrorStatusAttribute"/>. Linked into
/// the test projects that check statuses and generate <c>docs/errors.md</c>.
/// </summary>
internal static class ErrorCodes
{
    /// <summary>One declared code.</summary>
    /// <param name="Value">The code, such as <c>PIMEX-PROMO-001</c>.</param>
    /// <param name="Status">Its declared status; null when the constant has no attribute.</param>
    /// <param name="Field">The constant.</param>
    public sealed record Code(string Value, ResultStatus? Status, FieldInfo Field)
    {
        /// <summary>The constant's name with its class, such as <c>PromotionErrors.DuplicateInvoice</c>.</summary>
        public string Constant => Field.DeclaringType!.Name + "." + Field.Name;

        /// <summary>Whether the constant is an obsolete alias of another code.</summary>
        public bool IsAlias => Field.GetCustomAttribute<ObsoleteAttribute>() is not null;
    }

    /// <summary>Every code <paramref name="assembly"/> declares, obsolete aliases included, in code order.</summary>
    public static IReadOnlyList<Code> In(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && ((string)f.GetRawConstantValue()!).StartsWith("PIMEX-", StringComparison.Ordinal))
            .Select(f => new Code((string)f.GetRawConstantValue()!, f.GetCustomAttribute<ErrorStatusAttribute>()?.Status, f))
            .OrderBy(c => c.Value, StringComparer.Ordinal)
            .ThenBy(c => c.IsAlias)];

    private static readonly Lazy<Dictionary<string, ResultStatus>> CoreStatuses = new(() =>
        In(typeof(ErrorStatusAttribute).Assembly).Where(c => !c.IsAlias && c.Status is not null).ToDictionary(c => c.Value, c => c.Status!.Value, StringComparer.Ordinal));

    /// <summary>The declared status of one of the library's codes.</summary>
    public static ResultStatus StatusOf(string code) =>
        CoreStatuses.Value.TryGetValue(code, out var status) ? status : throw new KeyNotFoundException($"The library declares no status for '{code}'.");
}
