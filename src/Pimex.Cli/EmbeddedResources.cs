namespace Pimex.Cli;

/// <summary>
/// The documents the tool ships inside itself, so that an installed tool stands alone: the
/// formats, the report schemas and the illustrative Maribor rulebook (<c>pimex rules format</c>,
/// <c>pimex report schema</c>, <c>pimex rules example</c>). The rulebook schema is not one of
/// them: <c>pimex rules schema</c> writes it from the parameter catalogue.
/// </summary>
internal static class EmbeddedResources
{
    /// <summary>The text of an embedded document.</summary>
    /// <param name="file">Its file name, such as <c>maribor.json</c>.</param>
    /// <returns>Its text.</returns>
    public static string Text(string file)
    {
        using var stream = typeof(EmbeddedResources).Assembly.GetManifestResourceStream("Pimex.Cli.Data." + file)
            ?? throw new InvalidOperationException($"The embedded document {file} is missing from the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
