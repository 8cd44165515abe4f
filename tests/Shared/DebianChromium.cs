using System.Diagnostics;

namespace Pimex.Tests.Support;

/// <summary>
/// Debian's Chromium for the tests that render pages (the tool's HTML reports, the back office's
/// pages): where it is missing and the tests run as root (CI, a fresh machine) it is installed
/// with apt-get first, so the README's one test command needs no manual step; elsewhere the
/// tests fail with the reason. Linked into each test project that needs it.
/// </summary>
internal static class DebianChromium
{
    private static readonly Lazy<string?> Installed = new(Install);

    /// <summary>Where Chromium is: <c>PIMEX_CHROMIUM</c>, or Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("PIMEX_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>The path of an installed Chromium, installing it first where the tests may.</summary>
    /// <exception cref="InvalidOperationException">Chromium is not there and could not be installed.</exception>
    public static string Ensure()
    {
        var log = File.Exists(Path) ? null : Installed.Value;
        return File.Exists(Path)
            ? Path
            : throw new InvalidOperationException($"Chromium is not installed at {Path}: install Debian's 'chromium' package (apt-get install -y chromium; .ci/run does), or set PIMEX_CHROMIUM to its path. {log}");
    }

    /// <summary>apt-get update and install chromium, as root only; what went wrong, or null.</summary>
    private static string? Install()
    {
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal) || !File.Exists("/usr/bin/apt-get"))
        {
            return "(not root, or no apt-get: not installed by the test)";
        }

        foreach (var arguments in new[] { "update", "install -y chromium" })
        {
            var start = new ProcessStartInfo("/usr/bin/apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            using var apt = Process.Start(start)!;
            var output = apt.StandardOutput.ReadToEndAsync();
            var error = apt.StandardError.ReadToEndAsync();
            if (!apt.WaitForExit(TimeSpan.FromMinutes(10)) || apt.ExitCode != 0)
            {
                return $"apt-get {arguments} failed: {error.Result}";
            }

            _ = output.Result;
        }

        return null;
    }
}
