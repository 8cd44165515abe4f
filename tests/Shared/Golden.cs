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

    /// <summary>
    /// Asserts that <paramref name="received"/> is the committed file <paramref name="relativePath"/>
    /// of the repository (a generated page such as <c>docs/errors.md</c>, copied beside the tests by
    /// the build); with <c>PIMEX_APPROVE=1</c> it writes the file in the source tree instead.
    /// </summary>
    /// <param name="received">The text the test generated.</param>
    /// <param name="relativePath">The file's path from the repository's root, such as <c>docs/errors.md</c>.</param>
    /// <param name="caller">Set by the compiler: the calling test's source file, below the repository's root.</param>
    public static void MatchesRepositoryFile(string received, string relativePath, [CallerFilePath] string caller = "")
    {
        ArgumentNullException.ThrowIfNull(received);
        if (Environment.GetEnvironmentVariable("PIMEX_APPROVE") == "1")
        {
            File.WriteAllText(Path.Combine(Above(caller, "Pimex.Core.sln"), relativePath), received);
            return;
        }

        var committed = Path.Combine(AppContext.BaseDirectory, relativePath);
        Assert.True(File.Exists(committed), $"There is no {relativePath}: run this test once with PIMEX_APPROVE=1, then review and commit it.");
        Assert.Equal(File.ReadAllText(committed).ReplaceLineEndings("\n"), received);
    }

    /// <summary>The <c>Golden</c> folder in the source tree of the project that holds <paramref name="caller"/>.</summary>
    private static string SourceFolder(string caller) => Path.Combine(Above(caller, "*.csproj"), "Golden");

    /// <summary>
    /// The repository's root, the folder that holds <c>Pimex.Core.sln</c>, found above the test's
    /// output folder (a CI build maps caller paths to <c>/_/</c>, so not from the caller's path).
    /// </summary>
    public static string RepositoryRoot() => Above(AppContext.BaseDirectory, "Pimex.Core.sln");

    /// <summary>The nearest folder above <paramref name="caller"/> that holds a file matching <paramref name="pattern"/>.</summary>
    private static string Above(string caller, string pattern)
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(caller)!);
        while (folder.GetFiles(pattern).Length == 0)
        {
            folder = folder.Parent ?? throw new InvalidOperationException($"No {pattern} above {caller}.");
        }

        return folder.FullName;
    }
}
