using Pimex.Editions;
using Pimex.Participation;
using Pimex.Promotion;

namespace Pimex.Cli.Ledger;

/// <summary>
/// One command of a ledger: who issues it and when, and what it asks. Each subtype maps to one
/// verb of the library; see <c>docs/ledger-format.md</c> for its JSON form.
/// </summary>
/// <param name="At">When the command is recorded (the host's clock).</param>
/// <param name="Actor">Who issues it.</param>
internal abstract record LedgerCommand(Instant At, Actor Actor)
{
    /// <summary>The command's name in the ledger, such as <c>submitClaim</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The context the library's verbs take.</summary>
    public CommandContext Context => new(Actor, At);
}

/// <summary>A command about one company's participation.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Company">The company.</param>
internal abstract record ParticipantCommand(Instant At, Actor Actor, CompanyId Company) : LedgerCommand(At, Actor);

/// <summary>Opens the edition of the rulebook's annuity of a year (<c>openEdition</c>).</summary>
internal sealed record OpenEdition(Instant At, Actor Actor, int Year) : LedgerCommand(At, Actor)
{
    public override string Name => "openEdition";
}

/// <summary>
/// A company applies (<c>apply</c>). The name and sector are the host's master data: the library
/// never sees them.
/// </summary>
internal sealed record Apply(Instant At, Actor Actor, CompanyApplication Application, string? CompanyName, string? Sector) : LedgerCommand(At, Actor)
{
    public override string Name => "apply";
}

/// <summary>Admits a company that applied (<c>admit</c>).</summary>
internal sealed record Admit(Instant At, Actor Actor, CompanyId Company) : LedgerCommand(At, Actor)
{
    public override string Name => "admit";
}

/// <summary>Schedules a group session (<c>scheduleSession</c>).</summary>
internal sealed record ScheduleSession(Instant At, Actor Actor, GroupSession Session) : LedgerCommand(At, Actor)
{
    public override string Name => "scheduleSession";
}

/// <summary>Spends directly from the training or consultancy line (<c>recordExpense</c>).</summary>
internal sealed record RecordExpense(Instant At, Actor Actor, BudgetLine Line, Monetary.Money Amount, string Description) : LedgerCommand(At, Actor)
{
    public override string Name => "recordExpense";
}

/// <summary>Assigns a participant's technician (<c>assignTechnician</c>).</summary>
internal sealed record AssignTechnician(Instant At, Actor Actor, CompanyId Company, string Technician) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "assignTechnician";
}

/// <summary>Records attendance at a group session (<c>recordAttendance</c>).</summary>
internal sealed record RecordAttendance(Instant At, Actor Actor, CompanyId Company, string Session) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "recordAttendance";
}

/// <summary>Records an individual tutorial (<c>recordTutorial</c>).</summary>
internal sealed record RecordTutorial(Instant At, Actor Actor, CompanyId Company, Tutorial Tutorial) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "recordTutorial";
}

/// <summary>Records a training pill (<c>recordTrainingPill</c>).</summary>
internal sealed record RecordTrainingPill(Instant At, Actor Actor, CompanyId Company, TrainingPill Pill) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "recordTrainingPill";
}

/// <summary>Records senior-consultant advice (<c>requestConsultancy</c>).</summary>
internal sealed record RequestConsultancy(Instant At, Actor Actor, CompanyId Company, decimal Hours, string Topic) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "requestConsultancy";
}

/// <summary>Submits a SWOT analysis (<c>submitSwot</c>).</summary>
internal sealed record SubmitSwot(Instant At, Actor Actor, CompanyId Company, Swot Swot) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "submitSwot";
}

/// <summary>Accepts or returns the SWOT analysis waiting for review (<c>reviewSwot</c>).</summary>
internal sealed record ReviewSwot(Instant At, Actor Actor, CompanyId Company, bool Accept, string? Comment) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "reviewSwot";
}

/// <summary>Submits an international roadmap (<c>submitRoadmap</c>).</summary>
internal sealed record SubmitRoadmap(Instant At, Actor Actor, CompanyId Company, Roadmap Roadmap) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "submitRoadmap";
}

/// <summary>Accepts or returns the roadmap waiting for review (<c>reviewRoadmap</c>).</summary>
internal sealed record ReviewRoadmap(Instant At, Actor Actor, CompanyId Company, bool Accept, string? Comment) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "reviewRoadmap";
}

/// <summary>Submits an expense claim (<c>submitClaim</c>).</summary>
internal sealed record SubmitClaim(Instant At, Actor Actor, CompanyId Company, ExpenseClaim Claim) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "submitClaim";
}

/// <summary>Verifies an expense claim (<c>verifyClaim</c>).</summary>
internal sealed record VerifyClaim(Instant At, Actor Actor, CompanyId Company, string Claim, ClaimVerification Verification) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "verifyClaim";
}

/// <summary>Answers the satisfaction survey (<c>answerSurvey</c>).</summary>
internal sealed record AnswerSurvey(Instant At, Actor Actor, CompanyId Company, SurveyAnswer Answer) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "answerSurvey";
}

/// <summary>Completes the programme (<c>complete</c>).</summary>
internal sealed record Complete(Instant At, Actor Actor, CompanyId Company) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "complete";
}

/// <summary>The company withdraws (<c>withdraw</c>).</summary>
internal sealed record Withdraw(Instant At, Actor Actor, CompanyId Company, string Reason) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "withdraw";
}

/// <summary>The programme manager excludes the participant (<c>exclude</c>).</summary>
internal sealed record Exclude(Instant At, Actor Actor, CompanyId Company, string Reason) : ParticipantCommand(At, Actor, Company)
{
    public override string Name => "exclude";
}

/// <summary>A command with the line of the ledger it was read from (1-based).</summary>
/// <param name="Line">The line number.</param>
/// <param name="Command">The command.</param>
internal sealed record LedgerEntry(int Line, LedgerCommand Command);
