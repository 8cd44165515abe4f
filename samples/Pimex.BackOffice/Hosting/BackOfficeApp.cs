using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using NodaTime;
using Pimex.BackOffice.Http;
using Pimex.BackOffice.Store;
using Pimex.Serialization.SystemTextJson;
using Weasel.Core;

namespace Pimex.BackOffice.Hosting;

/// <summary>Builds the back office: Marten on PostgreSQL, JWT bearer authentication, problem details, OpenAPI, the endpoints.</summary>
public static partial class BackOfficeApp
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Path}")]
    private static partial void UnexpectedError(ILogger logger, string path, Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Region {Region} does not serve (503 until restarted with a rulebook that loads): {Reason}")]
    private static partial void RegionDoesNotServe(ILogger logger, string region, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving regions: {Regions}")]
    private static partial void Serving(ILogger logger, IEnumerable<string> regions);

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json beside the application, wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        AddServices(builder);
        var app = builder.Build();

        // No silent development key: without a configured key (outside Development) the host stops here, with the reason.
        _ = app.Services.GetRequiredService<Tokens>();

        // Every rulebook is loaded now, not on the first request: a region whose rulebook does not
        // load is named here, and answers 503 while the others serve (/health says degraded,
        // /health/ready not ready).
        var regions = app.Services.GetRequiredService<Regions>();
        foreach (var (region, reason) in regions.Unavailable.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            RegionDoesNotServe(app.Logger, region, reason);
        }

        Serving(app.Logger, regions.Ids);
        Use(app);
        return app;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Everything reads configuration when the container resolves it, so that a host (or a
        // test's WebApplicationFactory) can set it after this method ran.
        builder.Services.Configure<BackOfficeOptions>(builder.Configuration.GetSection("BackOffice"));
        builder.Services.AddSingleton(sp => Regions.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton(_ => new AggregateCache());
        builder.Services.AddSingleton(sp => Tokens.For(sp.GetRequiredService<IConfiguration>()[Tokens.SigningKeySetting], sp.GetRequiredService<IHostEnvironment>().EnvironmentName));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<BackOfficeOptions>>((kestrel, o) => kestrel.Limits.MaxRequestBodySize = o.Value.MaxBodyBytes);

        builder.Services.AddMarten(sp =>
        {
            var marten = StoreOptionsFor(sp.GetRequiredService<IConfiguration>());

            // A lost race (409) is expected: logged at Information without its SQL, never as an error.
            marten.Logger(new MartenLog(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Marten")));
            return marten;
        }).ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<Tokens>((jwt, tokens) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = tokens.ValidationParameters;
        });
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => BackOfficeJson.Configure(json.SerializerOptions));
        builder.Services.AddOpenApi(OpenApiDescription.Configure);
        builder.Services.AddHealthChecks().AddCheck<RulebooksHealthCheck>("rulebooks");
        Pages.OfficePages.AddServices(builder);
    }

    /// <summary>
    /// Marten's configuration: every aggregate its own stream keyed by the library's id text, the
    /// events in Pimex.Core.Serialization.SystemTextJson's form under their stable names, regions
    /// as conjoined tenants, the two views and the aggregates' snapshots as documents.
    /// </summary>
    public static StoreOptions StoreOptionsFor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection("BackOffice").Get<BackOfficeOptions>() ?? new BackOfficeOptions();
        var connection = configuration.GetConnectionString("Pimex") ?? options.ConnectionString
            ?? throw new InvalidOperationException("No PostgreSQL connection string: set ConnectionStrings:Pimex (ConnectionStrings__Pimex).");
        var marten = new StoreOptions();
        if (options.Databases.Count == 0)
        {
            marten.Connection(connection);
        }
        else
        {
            // Regions routed to databases, on this server or others: one database per distinct
            // connection string, its regions conjoined tenants in it.
            var regions = Regions.FromConfiguration(configuration).Ids;
            var placed = regions.GroupBy(r => options.Databases.GetValueOrDefault(r) ?? connection, StringComparer.Ordinal);
            marten.MultiTenantedDatabases(tenancy =>
            {
                foreach (var database in placed)
                {
                    var where = new Npgsql.NpgsqlConnectionStringBuilder(database.Key);
                    tenancy.AddMultipleTenantDatabase(database.Key, $"{where.Host}:{where.Port}/{where.Database}").ForTenants([.. database]);
                }
            });
        }
        marten.DatabaseSchemaName = options.Schema;
        marten.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json => json.ConfigureForPimex());
        marten.Events.StreamIdentity = StreamIdentity.AsString;

        // Regions are tenants, conjoined in one database (docs/scaling.md says why).
        marten.Events.TenancyStyle = TenancyStyle.Conjoined;
        marten.Policies.AllDocumentsAreMultiTenanted();
        foreach (var (name, type) in PimexJson.EventTypes)
        {
            marten.Events.AddEventType(type);
            marten.Events.MapEventType(type, name);
        }

        marten.Schema.For<EditionFiguresView>().Identity(v => v.Id);
        marten.Schema.For<ParticipantView>().Identity(v => v.Id).Index(v => v.Edition);

        // The aggregates' snapshots, written with the events they fold (a cache: EventStreams).
        marten.Schema.For<StreamSnapshot>().Identity(v => v.Id);

        // The region's company directory: names kept beside the streams, never in an event.
        marten.Schema.For<CompanyNameEntry>().Identity(v => v.Id);

        // The reports, kept by a projection inside the transaction that appends the events.
        marten.Schema.For<EditionReportView>().Identity(v => v.Id);
        marten.Schema.For<ParticipantTallyView>().Identity(v => v.Id).Index(v => v.Edition);
        marten.Projections.Add(new ReportProjection(), ProjectionLifecycle.Inline);
        marten.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        return marten;
    }

    public static void Use(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Never a stack trace: an unexpected error is a bare 500 problem; the details go to the log.
        app.UseExceptionHandler(error => error.Run(async http =>
        {
            var feature = http.Features.Get<IExceptionHandlerFeature>();
            if (feature is not null)
            {
                UnexpectedError(app.Logger, http.Request.Path, feature.Error);
            }

            var problem = Problems.Of(StatusCodes.Status500InternalServerError, Problems.Unexpected, "An unexpected error; nothing was saved.");
            await problem.ExecuteAsync(http);
        }));
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        RulebooksHealthCheck.Map(app);
        Endpoints.Map(app);
        Pages.OfficePages.Use(app);
    }
}
