using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
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
        /// <summary>The identifiers its validation errors name, as declared (<c>[i]</c> any position, <c>*</c> any text).</summary>
        public IReadOnlyList<string> Identifiers => Field.GetCustomAttribute<ErrorStatusAttribute>()?.Identifiers ?? [];

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

    private static readonly ConcurrentDictionary<Assembly, Dictionary<string, Code>> Declared = new();

    private static Dictionary<string, Code> DeclaredIn(Assembly assembly) =>
        Declared.GetOrAdd(assembly, a => In(a).Where(c => !c.IsAlias && c.Status is not null).ToDictionary(c => c.Value, StringComparer.Ordinal));

    private static Dictionary<string, Code> Library => DeclaredIn(typeof(ErrorStatusAttribute).Assembly);

    /// <summary>The declared status of one of the library's codes.</summary>
    public static ResultStatus StatusOf(string code) =>
        Library.TryGetValue(code, out var found) ? found.Status!.Value : throw new KeyNotFoundException($"The library declares no status for '{code}'.");

    /// <summary>
    /// What is wrong with validation errors against the library's declarations: a code the
    /// library does not declare, or an identifier that none of its code's declared identifiers
    /// matches. Empty when each error is as declared.
    /// </summary>
    public static IReadOnlyList<string> Undeclared(IEnumerable<ValidationError>? errors) =>
        [.. (errors ?? []).Select(e => Undeclared(e.ErrorCode, e.Identifier)).OfType<string>()];

    /// <summary>
    /// What is wrong with one error's code and identifier against the declarations of the
    /// library (and of <paramref name="assembly"/>, the tool's for its own codes); null when it is
    /// as declared.
    /// </summary>
    public static string? Undeclared(string code, string? identifier, Assembly? assembly = null)
    {
        if (!Library.TryGetValue(code, out var declared) && (assembly is null || !DeclaredIn(assembly).TryGetValue(code, out declared)))
        {
            return $"{code} at '{identifier}': no such code is declared";
        }

        return Matches(declared.Identifiers, identifier)
            ? null
            : $"{code} at '{identifier}': it declares {(declared.Identifiers.Count == 0 ? "no identifier" : string.Join(", ", declared.Identifiers.Select(i => $"'{i}'")))}";
    }

    /// <summary>Whether an identifier is one of the declared ones: <c>[i]</c> stands for any position in a list, <c>*</c> for any text.</summary>
    public static bool Matches(IEnumerable<string> declared, string? identifier) =>
        identifier is not null && declared.Any(d => Pattern(d).IsMatch(identifier));

    private static Regex Pattern(string declared) => Patterns.GetOrAdd(declared, d => new(
        "^" + Regex.Escape(d).Replace(@"\[i]", @"\[[0-9]+]", StringComparison.Ordinal).Replace(@"\*", ".*", StringComparison.Ordinal) + "$",
        RegexOptions.CultureInvariant | RegexOptions.Singleline,
        TimeSpan.FromSeconds(1)));

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);
}
