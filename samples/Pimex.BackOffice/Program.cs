using Pimex.BackOffice.Hosting;

namespace Pimex.BackOffice;

/// <summary>
/// The back office: <c>Pimex.BackOffice</c> serves the HTTP API;
/// <c>Pimex.BackOffice mint-token --id tech-1 --role Technician --region extremadura</c> prints a
/// development token; <c>Pimex.BackOffice load-ledger --url http://127.0.0.1:5080</c> sends the
/// embedded 2016 ledger over HTTP.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        WebApplication app;
        try
        {
            if (args.Length > 0 && args[0] == "mint-token")
            {
                return DevTools.MintToken(args[1..], Console.Out, Console.Error);
            }

            if (args.Length > 0 && args[0] == "load-ledger")
            {
                return await DevTools.LoadLedgerAsync(args[1..], Console.Out, Console.Error);
            }

            app = BackOfficeApp.Build(args);
        }
        catch (InvalidOperationException e) when (e.Message.Contains(Tokens.SigningKeySetting, StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Pimex.BackOffice does not start: " + e.Message);
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}

/// <summary>A type of this assembly for <c>WebApplicationFactory&lt;T&gt;</c> (Program is static).</summary>
public sealed class BackOfficeEntryPoint;
