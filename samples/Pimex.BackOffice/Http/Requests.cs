using Pimex.Common;
using Pimex.Editions;
using Pimex.Monetary;

namespace Pimex.BackOffice.Http;

/// <summary>Opens the edition of a year under the region's rulebook.</summary>
public sealed record OpenEditionRequest(int Year);

/// <summary>Admits a company that applied.</summary>
public sealed record AdmitRequest(CompanyId Company);

/// <summary>Spends directly from the training or consultancy line.</summary>
public sealed record ExpenseRequest(BudgetLine Line, Money Amount, string Description);

/// <summary>Assigns the participant's technician.</summary>
public sealed record TechnicianRequest(string Technician);

/// <summary>Records attendance at a group session.</summary>
public sealed record AttendanceRequest(string Session);

/// <summary>Records senior-consultant advice.</summary>
public sealed record ConsultancyRequest(decimal Hours, string Topic);

/// <summary>Accepts or returns a SWOT analysis or a roadmap waiting for review.</summary>
public sealed record ReviewRequest(bool Accept, string? Comment);

/// <summary>Why a participant withdraws or is excluded.</summary>
public sealed record ExitRequest(string Reason);

/// <summary>A completion carries nothing but the caller and the moment.</summary>
public sealed record EmptyRequest;
