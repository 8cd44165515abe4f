using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;

namespace Pimex.Common;

/// <summary>Guards on decimals that compare without boxing.</summary>
internal static class DecimalGuards
{
    /// <summary>
    /// Throws as <c>Guard.Against.Negative</c> does (an <see cref="ArgumentException"/> with the same
    /// message and parameter name) when <paramref name="input"/> is negative, and returns it
    /// otherwise. Ardalis.GuardClauses compares through the non-generic <see cref="IComparable"/>,
    /// which boxes the decimal (32 bytes a call); this compares the decimal itself.
    /// </summary>
    /// <param name="guardClause">The guard clause.</param>
    /// <param name="input">The value.</param>
    /// <param name="parameterName">The parameter's name.</param>
    /// <returns><paramref name="input"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is negative.</exception>
    public static decimal NegativeDecimal(this IGuardClause guardClause, decimal input, [CallerArgumentExpression(nameof(input))] string? parameterName = null)
    {
        _ = guardClause;
        if (input < 0m)
        {
            throw new ArgumentException($"Required input {parameterName} cannot be negative.", parameterName);
        }

        return input;
    }
}
