using System.Runtime.CompilerServices;

namespace Pimex.Tests.Support;

/// <summary>
/// Approved texts: a rendered report is compared, whole, with its reviewed copy in the test
/// project's <c>Golden</c> folder. Any change to a header, a label, a figure or the layout
/// shows up as a failing test and, once approved, as a diff in review.
/// </summary>
/// <remarks>
/// To approve a deliberate change, run the tests once with <c>PIMEX_APPROVE=1</c>: the received
/// texts are written over the approved copies in the source tree; review the diff and commit it.
/// Linked into each test project that keeps approved texts; the <c>Golden</c> folder is the calling
/// test project's.
/// </remarks>
internal static class Golden
{
    /// <summary>Asserts that <paramref name="received"/> is the approved text <paramref name="name"/>.</summary>
    /// <param name="received">The text the test produced.</param>
    /// <param name="name">The approved text's file name in the <c>Golden</c> folder.</param>
    /// <param name="caller">Set by the compiler: the calling test's source file, whose project holds the folder.</param>
    public static void Matches(string received, string name, [CallerFilePath] string caller = "")
    {
        ArgumentNullException.ThrowIfNull(received);
        var approved = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        if (Environment.GetEnvironmentVariable("PIMEX_APPROVE") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(caller), name), received);
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, received);
        }

        Assert.True(File.Exists(approved), $"There is no approved text {name}: run the tests once with PIMEX_APPROVE=1, then review and commit Golden/{name}.");
        Assert.Equal(File.ReadAllText(approved).ReplaceLineEndings("\n"), received);
    }

    /// <summary>The <c>Golden</c> folder in the source tree of the project that holds <paramref name="caller"/>.</summary>
    private static string SourceFolder(string caller)
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (folder.GetFiles("*.csproj").Length == 0)
        {
            folder = folder.Parent ?? throw new InvalidOperationException($"No test project above {caller}.");
        }

        return Path.Combine(folder.FullName, "Golden");
    }
}
