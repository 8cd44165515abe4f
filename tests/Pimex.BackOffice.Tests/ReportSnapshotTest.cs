using Marten;
using Pimex.BackOffice.Store;
using Pimex.BackOffice.Tests.Support;
using Pimex.Common;
using Pimex.Participation;
using Pimex.Rulebooks;

namespace Pimex.BackOffice.Tests;

/// <summary>
/// The report adds the participants' parts to the edition's part when it is read: it reads them
/// all from one snapshot, so a command saved in between is in all of them or in none.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class ReportSnapshotTest(RaceFixture race) : IClassFixture<RaceFixture>
{
    [Fact]
    public async Task AReportSession_ReadsOneSnapshot_WhateverIsSavedMeanwhile()
    {
        var api = race.Factory.Api("extremadura");
        await api.OpenWithApplicantsAsync(["R1"]);
        var version = await api.AdmitAsync("R1");
        var edition = new EditionId(Rulebook.Extremadura.Id, 2016);

        await using var session = race.Factory.Store.LightweightSession(ReportQueries.SnapshotReads("extremadura"));
        var before = await ReportQueries.EditionTallyAsync(session, edition, CancellationToken.None);
        Api.Must(await api.PostAsync(Api.Tech, api.Participant("R1") + "/pills", new TrainingPill("Pricing", new NodaTime.LocalDate(2016, 6, 2), "management"), Api.At(7, 10), version));
        var sameSnapshot = await ReportQueries.EditionTallyAsync(session, edition, CancellationToken.None);

        await using var later = race.Factory.Store.LightweightSession(ReportQueries.SnapshotReads("extremadura"));
        var after = await ReportQueries.EditionTallyAsync(later, edition, CancellationToken.None);

        Assert.Equal(before, sameSnapshot);
        Assert.Equal(before!.Pills + 1, after!.Pills);
    }
}
