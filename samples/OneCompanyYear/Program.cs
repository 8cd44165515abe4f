// One company's year through an EditionSession, built against the packed Pimex.Core package (CI runs it).
using Ardalis.Result;
using Pimex.Common;
using Pimex.Samples;

var (session, results) = Year.Of(new CompanyId("B06000001"));
foreach (var refused in results.Where(r => r.Status != ResultStatus.Ok))
{
    Console.Error.WriteLine($"{refused.Status}: {string.Join(", ", refused.Codes())}");
}

if (session is null)
{
    return 1;
}

var participant = session.Participants[new CompanyId("B06000001")];
Console.WriteLine($"{participant.Id}: {participant.Status}, support granted {participant.SupportGranted}, {session.Events.Count} events");
return results.All(r => r.Status == ResultStatus.Ok) ? 0 : 1;
