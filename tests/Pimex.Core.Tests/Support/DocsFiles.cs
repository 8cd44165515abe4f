namespace Pimex.Tests.Support;

/// <summary>
/// Reads the files of the repository's <c>docs/</c> folder, which the test project copies to
/// its output folder (see Pimex.Core.Tests.csproj).
/// </summary>
internal static class DocsFiles
{
    /// <summary>The text of a file under <c>docs/</c>, such as <c>rulebooks/maribor.json</c>.</summary>
    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", relativePath));
}
