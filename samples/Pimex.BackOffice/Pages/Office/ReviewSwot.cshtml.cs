using Ardalis.Result;
using Pimex.Common;
using Pimex.Participation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>Reviews the SWOT analysis waiting for review: accept, or return with a comment (the library's <c>ReviewSwot</c>).</summary>
public sealed class ReviewSwotModel : DeliverableReviewModel
{
    public override string Keys => "review";

    protected override ReviewStatus StatusOf(Participant participant) => participant.Swot.Status;

    protected override Result<Changed<Participant, ParticipantEvent>> Review(Participant participant, bool accept, string? comment, CommandContext context) =>
        participant.ReviewSwot(accept, comment, context);
}
