using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Pimex.BackOffice.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for the test run: initdb into a temporary folder, started on a
/// free loopback port, stopped (and its folder removed) when the test process exits. As root,
/// the server runs as the <c>postgres</c> user (PostgreSQL refuses root). When it cannot start,
/// every test that needs it FAILS with the reason: none is skipped. PIMEX_TEST_POSTGRES (a
/// connection string to an existing server, with the right to create databases) is used instead
/// when set.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);
    private static int databases;

    private readonly string? dataDirectory;
    private readonly string? binDirectory;
    private readonly string? folder;

    private PostgresServer(string adminConnectionString, string? folder, string? dataDirectory, string? binDirectory)
    {
        AdminConnectionString = adminConnectionString;
        this.folder = folder;
        this.dataDirectory = dataDirectory;
        this.binDirectory = binDirectory;
    }

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> Shared() => SharedServer.Value;

    /// <summary>Creates a new, empty database for one test class, and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"pimex_{purpose}_{Interlocked.Increment(ref databases)}_{Environment.ProcessId}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, MaxPoolSize = 30 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("PIMEX_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given, null, null, null);
        }

        var bin = FindBinaries();
        var folder = Directory.CreateTempSubdirectory("pimex-pg-").FullName;
        var data = Path.Combine(folder, "data");
        bool root = Environment.UserName == "root";
        if (root)
        {
            Run("chown", $"-R postgres:postgres {folder}", asPostgres: false);
        }

        int port = FreePort();
        Run(Path.Combine(bin, "initdb"), $"-D {data} -A trust -U pimex -E UTF8 --locale=C --no-sync", root);
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        Run(Path.Combine(bin, "pg_ctl"), $"-D {data} -l {Path.Combine(folder, "server.log")} -o \"{settings}\" -w -t 60 start", root);
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=pimex;Database=postgres;Timeout=30", folder, data, bin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(root);
        await using var probe = new NpgsqlConnection(server.AdminConnectionString);
        await probe.OpenAsync();
        return server;
    }

    private void Stop(bool root)
    {
        if (dataDirectory is null || binDirectory is null || folder is null)
        {
            return;
        }

        // One shell does both, so that the folder goes even when the test host is ended while
        // the server stops.
        var stop = $"{Path.Combine(binDirectory, "pg_ctl")} -D {dataDirectory} -m immediate -w stop";
        if (root)
        {
            stop = $"su postgres -s /bin/sh -c '{stop}'";
        }

        using var process = Process.Start(new ProcessStartInfo("sh", ["-c", $"{stop} >/dev/null 2>&1; rm -rf {folder}"]));
        process?.WaitForExit(TimeSpan.FromSeconds(20));
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PIMEX_PG_BIN");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL is not installed: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql-15, or set PIMEX_PG_BIN or PIMEX_TEST_POSTGRES).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("su", ["postgres", "-s", "/bin/sh", "-c", $"{program} {arguments}"])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {arguments} did not finish in 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"PostgreSQL could not be started: {program} {arguments} exited with {process.ExitCode}: {output.Result} {error.Result}");
        }
    }
}
