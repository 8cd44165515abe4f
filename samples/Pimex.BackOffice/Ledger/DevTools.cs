using NodaTime;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Ledger;
using Pimex.Cli.Ledger;
using Pimex.Common;

namespace Pimex.BackOffice;

/// <summary>The development commands: mint a token, send a ledger over HTTP.</summary>
internal static class DevTools
{
    public static int MintToken(string[] args, TextWriter output, TextWriter error)
    {
        // --migration (no value): a migration token, the only kind that may send Pimex-Recorded-At.
        bool migration = args.Contains("--migration", StringComparer.Ordinal);
        var options = Options([.. args.Where(a => a != "--migration")]);
        if (!options.TryGetValue("id", out var id) || !options.TryGetValue("role", out var roleText) || !Enum.TryParse<ActorRole>(roleText, out var role))
        {
            error.WriteLine("usage: mint-token --id ID --role ProgrammeManager|Technician|SeniorConsultant|CompanyRepresentative [--company TAXID] [--region extremadura] [--hours 8] [--migration]");
            return 2;
        }

        var actor = role == ActorRole.CompanyRepresentative
            ? Actor.CompanyRepresentative(id, new CompanyId(options.GetValueOrDefault("company") ?? throw new ArgumentException("A representative needs --company.")))
            : new Actor(id, role);
        int hours = options.TryGetValue("hours", out var h) ? int.Parse(h, System.Globalization.CultureInfo.InvariantCulture) : 8;
        output.WriteLine(Key().Mint(actor, options.GetValueOrDefault("region") ?? "extremadura", SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(hours), migration));
        return 0;
    }

    public static async Task<int> LoadLedgerAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = Options(args);
        var url = options.GetValueOrDefault("url") ?? "http://127.0.0.1:5080";
        var region = options.GetValueOrDefault("region") ?? "extremadura";
        var text = options.TryGetValue("file", out var file) ? await File.ReadAllTextAsync(file) : EmbeddedLedgers.Extremadura2016();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var client = new LedgerClient(http, Key(), region);
        var responses = await client.SendAsync(LedgerClient.Read(text));
        foreach (var refused in responses.Where(r => !r.Accepted))
        {
            error.WriteLine($"line {refused.Line}: {refused.Command} {(int)refused.Status} {string.Join(' ', refused.Codes)}");
        }

        output.WriteLine($"{responses.Count} commands sent to {url}/regions/{region}: {responses.Count(r => r.Accepted)} accepted, {responses.Count(r => !r.Accepted)} refused.");
        return 0;
    }

    /// <summary>The server's key, from the same environment variables the server reads; the development key in Development only.</summary>
    private static Tokens Key() => Tokens.For(
        Environment.GetEnvironmentVariable("BackOffice__Jwt__SigningKey"),
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production);

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }
}
