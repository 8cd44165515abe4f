using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pimex.BackOffice.Hosting;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// No silent development signing key: outside the Development environment the back office does
/// not start without a key of its own (anyone could mint tokens with a key printed in its
/// source); in Development it falls back to the development key; a configured key is used.
/// </summary>
public sealed class SigningKeyTest
{
    private static WebApplication Build(string environment, string? key) =>
        BackOfficeApp.Build(["--environment", environment], builder =>
        {
            builder.Configuration[Tokens.SigningKeySetting] = key ?? string.Empty;
            builder.Configuration["ConnectionStrings:Pimex"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none";
        });

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public void Build_OutsideDevelopmentWithoutAKey_RefusesToStart_NamingTheSetting(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(environment, null));

        Assert.Contains("BackOffice:Jwt:SigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("BackOffice__Jwt__SigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(environment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithAKeyShorterThan32Bytes_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", "too-short-a-key"));

        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_InDevelopmentWithoutAKey_UsesTheDevelopmentKey()
    {
        await using var app = Build("Development", null);

        var key = app.Services.GetRequiredService<Tokens>().Key.Key;

        Assert.Equal(Encoding.UTF8.GetBytes(Tokens.DevelopmentKey), key);
    }

    [Fact]
    public async Task Build_WithAConfiguredKey_UsesIt_InAnyEnvironment()
    {
        const string Key = "a-key-of-this-installation-0123456789-abcdef";
        await using var production = Build("Production", Key);
        await using var development = Build("Development", Key);

        Assert.Equal(Encoding.UTF8.GetBytes(Key), production.Services.GetRequiredService<Tokens>().Key.Key);
        Assert.Equal(Encoding.UTF8.GetBytes(Key), development.Services.GetRequiredService<Tokens>().Key.Key);
    }

    /// <summary>The executable itself, as an operator starts it: exit code 1 and the reason, no stack trace.</summary>
    [Fact]
    public async Task TheExecutable_InProductionWithoutAKey_ExitsWithTheReason()
    {
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet, [Path.Combine(AppContext.BaseDirectory, "Pimex.BackOffice.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("BackOffice__Jwt__SigningKey");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var said = await stderr + await stdout;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("does not start", said, StringComparison.Ordinal);
        Assert.Contains("BackOffice__Jwt__SigningKey", said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
    }
}
