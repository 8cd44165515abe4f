// The README's quick start, built against the packed Pimex.Core package (CI runs it).
using NodaTime;
using Pimex.Common;
using Pimex.Editions;
using Pimex.Rulebooks;

var rules = Rulebook.Extremadura;                       // embedded; or Rulebook.Load(json, baseRulebook)
var manager = Actor.ProgrammeManager("mgr-1");
var at = Instant.FromUtc(2016, 1, 10, 9, 0);            // the host's clock, passed in

var opened = Edition.Open(rules, 2016, new CommandContext(manager, at));
if (!opened.IsSuccess)
{
    Console.Error.WriteLine(string.Join("; ", opened.Codes()));
    return 1;
}

var edition = opened.Value.Aggregate;                   // persist opened.Value.Events
Console.WriteLine(edition.Budget.TotalAllocated);       // EUR 88280.00

// A refused command changes nothing and says why, with a stable code.
var refused = Edition.Open(rules, 2016, new CommandContext(Actor.Technician("tech-1"), at));
Console.WriteLine($"{refused.Status}: {string.Join(", ", refused.Codes())}");   // Forbidden: PIMEX-AUTH-001
return edition.Budget.TotalAllocated == rules.Annuity(2016).Value.Budget.Total ? 0 : 1;
