using Ardalis.Result;
using Pimex.Common;
using Pimex.Participation;

namespace Pimex.BackOffice.Pages.Office;

/// <summary>Reviews the international roadmap waiting for review: accept, or return with a comment (the library's <c>ReviewRoadmap</c>).</summary>
public sealed class ReviewRoadmapModel : DeliverableReviewModel
{
    public override string Keys => "roadmapReview";

    protected override ReviewStatus StatusOf(Participant participant) => participant.Roadmap.Status;

    protected override Result<Changed<Participant, ParticipantEvent>> Review(Participant participant, bool accept, string? comment, CommandContext context) =>
        participant.ReviewRoadmap(accept, comment, context);
}
