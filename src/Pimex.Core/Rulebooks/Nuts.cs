namespace Pimex.Rulebooks;

/// <summary>
/// Region codes of Eurostat's NUTS classification (Regulation (EC) No 1059/2003), in which a
/// rulebook states the regions a company must be established in: <c>ES43</c> Extremadura (NUTS 2),
/// <c>SI032</c> Podravska (NUTS 3), <c>PL51</c> Dolnośląskie, <c>PL514</c> Miasto Wrocław. A code
/// is the country's two letters (Eurostat's: <c>EL</c> for Greece) followed by one character per
/// level below the country; so a code covers every code that starts with it. The classification
/// is revised every few years (NUTS 2021, NUTS 2024): which version a rulebook's codes are
/// written in is the dated parameter <c>eligibility.nutsVersion</c>. Pure, allocation-free.
/// </summary>
public static class Nuts
{
    /// <summary>The JSON Schema pattern of a code.</summary>
    internal const string CodePattern = "^[A-Z]{2}[A-Z0-9]{0,3}$";

    /// <summary>The JSON Schema pattern of a version.</summary>
    internal const string VersionPattern = "^NUTS [0-9]{4}$";

    /// <summary>Whether a text is a NUTS code: two capital letters, then up to three capital
    /// letters or digits (country, NUTS 1, 2 and 3).</summary>
    /// <param name="code">The text; null is not a code.</param>
    /// <returns>Whether it has the form of a NUTS code.</returns>
    public static bool IsWellFormedCode(string? code)
    {
        if (code is null || code.Length < 2 || code.Length > 5 || !char.IsAsciiLetterUpper(code[0]) || !char.IsAsciiLetterUpper(code[1]))
        {
            return false;
        }

        for (int i = 2; i < code.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(code[i]) && !char.IsAsciiDigit(code[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a text names a version of the classification: <c>NUTS</c>, a space and a
    /// four-digit year, such as <c>NUTS 2021</c>.</summary>
    /// <param name="version">The text; null is not a version.</param>
    /// <returns>Whether it has that form.</returns>
    public static bool IsWellFormedVersion(string? version) =>
        version is { Length: 9 }
        && version.StartsWith("NUTS ", StringComparison.Ordinal)
        && char.IsAsciiDigit(version[5]) && char.IsAsciiDigit(version[6]) && char.IsAsciiDigit(version[7]) && char.IsAsciiDigit(version[8]);

    /// <summary>Whether a region lies within another: <paramref name="region"/> is
    /// <paramref name="within"/> or one of the codes inside it (<c>PL51</c> covers <c>PL514</c>,
    /// not <c>PL52</c>).</summary>
    /// <param name="within">The wider code, such as an eligible region.</param>
    /// <param name="region">The code of a company's region.</param>
    /// <returns>Whether <paramref name="region"/> starts with <paramref name="within"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static bool Covers(string within, string region)
    {
        ArgumentNullException.ThrowIfNull(within);
        ArgumentNullException.ThrowIfNull(region);
        return region.StartsWith(within, StringComparison.Ordinal);
    }
}
