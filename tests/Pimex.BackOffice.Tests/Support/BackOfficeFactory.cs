using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pimex.BackOffice.Hosting;

namespace Pimex.BackOffice.Tests.Support;

/// <summary>
/// The back office in the test process over a database of its own on the test PostgreSQL, with
/// four regions: Extremadura, Ribatejo and Alentejo (more tenants on the same embedded rulebook,
/// so the same stream keys) and Maribor (its own rulebook file).
/// </summary>
public sealed class BackOfficeFactory(string connectionString, bool acceptRecordedAt = true, IReadOnlyDictionary<string, string>? more = null) : WebApplicationFactory<BackOfficeEntryPoint>
{
    public const string SigningKey = "pimex-backoffice-tests-signing-key-0123456789abcdef";

    public string ConnectionString { get; } = connectionString;

    public Tokens Tokens { get; } = new(SigningKey);

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public static IReadOnlyDictionary<string, string> Settings(string connectionString, bool acceptRecordedAt) => new Dictionary<string, string>
    {
        ["ConnectionStrings:Pimex"] = connectionString,
        ["BackOffice:AcceptRecordedAt"] = acceptRecordedAt ? "true" : "false",
        ["BackOffice:Regions:extremadura"] = "embedded",
        ["BackOffice:Regions:ribatejo"] = "embedded",
        ["BackOffice:Regions:alentejo"] = "embedded",
        ["BackOffice:Regions:maribor"] = Path.Combine(AppContext.BaseDirectory, "Rulebooks", "maribor.json"),
        ["BackOffice:Jwt:SigningKey"] = SigningKey,
        ["BackOffice:MaxBodyBytes"] = "65536",
    };

    public Api Api(string region = "extremadura") => new(CreateClient(), Tokens, region);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings(ConnectionString, acceptRecordedAt).Concat(more ?? new Dictionary<string, string>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
