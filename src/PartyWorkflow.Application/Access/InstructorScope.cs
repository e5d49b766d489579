using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Access;

/// <summary>
/// An instructor's scope is the units assigned to them and the organizations covering those units
/// today: an instructor role held without a scope of its own is given one grant per such
/// organization when the user signs in or refreshes (an assignment made since takes effect then).
/// Held with a scope, the role reaches that organization as any role does, besides.
/// </summary>
public static class InstructorScope
{
    /// <summary>A scope that reaches nothing: the role is held, with no organization yet.</summary>
    public static readonly Guid Nowhere = Guid.Empty;

    public static async Task<IReadOnlyList<Guid>> OrganizationsAsync(PartyWorkflowDbContext db, Guid person, DateOnly today, CancellationToken ct = default)
    {
        var units = db.UnitAssignments.Where(a => a.PersonId == person && a.Role == "instructor" && a.From <= today && (a.To == null || a.To > today))
            .Select(a => a.UnitId);
        var covering = await db.UnitCoverage.Where(c => units.Contains(c.UnitId) && c.From <= today && (c.To == null || c.To > today))
            .Select(c => c.OrganizationId).Distinct().ToListAsync(ct);
        return covering.Count == 0 ? [Nowhere] : covering;
    }
}
