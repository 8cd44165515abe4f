using Pimex.Rulebooks;

namespace Pimex.BackOffice.Hosting;

/// <summary>
/// The regions this back office serves, each a tenant of the event store with its own rulebook.
/// Configured under <c>BackOffice:Regions</c>: the region's id, and either <c>embedded</c> (the
/// Extremadura rulebook shipped in Pimex.Core) or the path of a rulebook file that extends it.
/// </summary>
public sealed class Regions
{
    private readonly Dictionary<string, Rulebook> rulebooks;

    public Regions(IReadOnlyDictionary<string, Rulebook> rulebooks) =>
        this.rulebooks = new Dictionary<string, Rulebook>(rulebooks, StringComparer.Ordinal);

    /// <summary>The region ids (tenant ids), in order.</summary>
    public IEnumerable<string> Ids => rulebooks.Keys.Order(StringComparer.Ordinal);

    /// <summary>Finds a region's rulebook.</summary>
    public bool TryGet(string region, out Rulebook rulebook) => rulebooks.TryGetValue(region, out rulebook!);

    /// <summary>Reads the regions from configuration; only Extremadura when none is configured.</summary>
    public static Regions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("BackOffice:Regions");
        var found = new Dictionary<string, Rulebook>(StringComparer.Ordinal);
        foreach (var child in section.GetChildren())
        {
            var source = child.Value ?? "embedded";
            if (string.Equals(source, "embedded", StringComparison.OrdinalIgnoreCase))
            {
                found[child.Key] = Rulebook.Extremadura;
                continue;
            }

            var loaded = Rulebook.Load(File.ReadAllText(source), Rulebook.Extremadura);
            if (!loaded.IsSuccess)
            {
                var errors = string.Join("; ", loaded.ValidationErrors.Select(e => $"{e.Identifier} {e.ErrorCode} {e.ErrorMessage}"));
                throw new InvalidOperationException($"The rulebook of region '{child.Key}' ({source}) does not load: {errors}");
            }

            found[child.Key] = loaded.Value;
        }

        if (found.Count == 0)
        {
            found["extremadura"] = Rulebook.Extremadura;
        }

        return new Regions(found);
    }
}
