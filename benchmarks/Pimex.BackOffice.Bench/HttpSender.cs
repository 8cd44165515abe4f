using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Pimex.BackOffice.Hosting;
using Pimex.BackOffice.Http;
using Pimex.Common;

namespace Pimex.BackOffice.Bench;

/// <summary>Sends a plan's steps to the back office, each with its actor's token; any refusal stops the run.</summary>
public sealed class HttpSender(Uri address, Tokens tokens, string region) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = address };
    private readonly Dictionary<string, string> tokensByActor = new(StringComparer.Ordinal);

    public async Task SendAsync(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        using var request = new HttpRequestMessage(HttpMethod.Post, step.Path);
        if (step.Body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(step.Body, step.Body.GetType(), BackOfficeJson.Options), Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(step.Actor));
        request.Headers.TryAddWithoutValidation(Caller.RecordedAtHeader, InstantPattern.ExtendedIso.Format(step.At));
        if (step.IfMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Commands.ETag(version));
        }

        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{step.Phase} {step.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => http.Dispose();

    private string TokenFor(Actor actor)
    {
        var key = actor.ToString();
        if (!tokensByActor.TryGetValue(key, out var token))
        {
            token = tokens.Mint(actor, region, SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(1), migration: true);
            tokensByActor[key] = token;
        }

        return token;
    }
}
