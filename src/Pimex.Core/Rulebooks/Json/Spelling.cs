namespace Pimex.Rulebooks.Json;

/// <summary>"Did you mean" suggestions: the known name closest to a misspelt one.</summary>
internal static class Spelling
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/> (case-insensitive edit distance), when it
    /// is close enough to be a typo: at most a third of the name's length, and at least one edit.
    /// </summary>
    /// <param name="typed">What was typed.</param>
    /// <param name="candidates">The known names.</param>
    /// <returns>The suggestion, or null.</returns>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int d = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= Math.Max(1, typed.Length / 3) ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" when a candidate is close, otherwise empty.</summary>
    /// <param name="typed">What was typed.</param>
    /// <param name="candidates">The known names.</param>
    /// <returns>The sentence, with a leading space, or empty.</returns>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } s ? $" (did you mean '{s}'?)" : string.Empty;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
