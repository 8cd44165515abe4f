namespace Pimex.Cli.Ledger;

/// <summary>The ledgers shipped inside the tool.</summary>
internal static class EmbeddedLedgers
{
    /// <summary>The resource name of the 2016 Extremadura edition.</summary>
    public const string Extremadura2016Resource = "Pimex.Cli.Data.extremadura-2016.jsonl";

    /// <summary>The year of the embedded Extremadura edition (<c>pimex run --embedded 2016</c>).</summary>
    public const int Extremadura2016Year = 2016;

    /// <summary>How the embedded 2016 edition is named in messages.</summary>
    public const string Extremadura2016Name = "extremadura-2016 (embedded)";

    /// <summary>The text of the embedded 2016 Extremadura edition.</summary>
    /// <returns>The JSON-lines text.</returns>
    public static string Extremadura2016()
    {
        using var stream = typeof(EmbeddedLedgers).Assembly.GetManifestResourceStream(Extremadura2016Resource)
            ?? throw new InvalidOperationException($"The embedded ledger {Extremadura2016Resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
