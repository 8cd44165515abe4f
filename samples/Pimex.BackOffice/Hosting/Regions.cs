using Pimex.Rulebooks;

namespace Pimex.BackOffice.Hosting;

/// <summary>
/// The regions this back office serves, each a tenant of the event store with its own rulebook.
/// Configured under <c>BackOffice:Regions</c>: the region's id, and either <c>embedded</c> (the
/// Extremadura rulebook shipped in Pimex.Core) or the path of a rulebook file that extends it.
/// A region whose rulebook does not load (no file, not JSON, refused by the rulebook's
/// validation) does not stop the others: it is <see cref="Unavailable"/>, named in the log at
/// start-up and by <c>/health</c>, and its requests answer 503.
/// </summary>
public sealed class Regions
{
    private readonly Dictionary<string, Rulebook> rulebooks;
    private readonly Dictionary<string, string> unavailable;

    public Regions(IReadOnlyDictionary<string, Rulebook> rulebooks, IReadOnlyDictionary<string, string>? unavailable = null)
    {
        this.rulebooks = new Dictionary<string, Rulebook>(rulebooks, StringComparer.Ordinal);
        this.unavailable = new Dictionary<string, string>(unavailable ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    /// <summary>The ids (tenant ids) of the regions served, in order.</summary>
    public IEnumerable<string> Ids => rulebooks.Keys.Order(StringComparer.Ordinal);

    /// <summary>The regions configured whose rulebook did not load, each with why: they answer 503.</summary>
    public IReadOnlyDictionary<string, string> Unavailable => unavailable;

    /// <summary>Whether a region is configured but its rulebook did not load.</summary>
    public bool IsUnavailable(string region) => unavailable.ContainsKey(region);

    /// <summary>Finds a region's rulebook.</summary>
    public bool TryGet(string region, out Rulebook rulebook) => rulebooks.TryGetValue(region, out rulebook!);

    /// <summary>Reads the regions from configuration; only Extremadura when none is configured.</summary>
    public static Regions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("BackOffice:Regions");
        var found = new Dictionary<string, Rulebook>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in section.GetChildren())
        {
            var source = child.Value ?? "embedded";
            if (string.Equals(source, "embedded", StringComparison.OrdinalIgnoreCase))
            {
                found[child.Key] = Rulebook.Extremadura;
                continue;
            }

            var (rulebook, error) = Load(source);
            if (rulebook is null)
            {
                failed[child.Key] = $"the rulebook of region '{child.Key}' ({source}) does not load: {error}";
                continue;
            }

            found[child.Key] = rulebook;
        }

        if (found.Count == 0 && failed.Count == 0)
        {
            found["extremadura"] = Rulebook.Extremadura;
        }

        return new Regions(found, failed);
    }

    /// <summary>Reads and loads a rulebook file extending Extremadura's: the rulebook, or why not.</summary>
    private static (Rulebook? Rulebook, string? Error) Load(string source)
    {
        string json;
        try
        {
            json = File.ReadAllText(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            return (null, e.Message);
        }

        var result = Rulebook.Load(json, Rulebook.Extremadura);
        return result.IsSuccess
            ? (result.Value, null)
            : (null, string.Join("; ", result.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}").Concat(result.Errors)));
    }
}
