using System.Runtime.CompilerServices;

namespace Pimex.Cli.Tests.Support;

/// <summary>
/// Approved texts: a rendered report is compared, whole, with its reviewed copy in the test
/// project's <c>Golden</c> folder. Any change to a header, a label, a figure or the layout
/// shows up as a failing test and, once approved, as a diff in review.
/// </summary>
/// <remarks>
/// To approve a deliberate change, run the tests once with <c>PIMEX_APPROVE=1</c>: the received
/// texts are written over the approved copies in the source tree; review the diff and commit it.
/// </remarks>
internal static class Golden
{
    /// <summary>Asserts that <paramref name="received"/> is the approved text <paramref name="name"/>.</summary>
    public static void Matches(string received, string name)
    {
        ArgumentNullException.ThrowIfNull(received);
        var approved = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable("PIMEX_APPROVE") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), name), received);
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, received);
        }

        Assert.True(File.Exists(approved), $"There is no approved text {name}: run the tests once with PIMEX_APPROVE=1, then review and commit Golden/{name}.");
        Assert.Equal(File.ReadAllText(approved).ReplaceLineEndings("\n"), received);
    }

    /// <summary>The <c>Golden</c> folder in the source tree (this file is in Support/, beside it).</summary>
    private static string SourceFolder([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!, "Golden");
}
