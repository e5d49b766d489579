using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Instances;

/// <param name="Reader">Who reads: an instance filed outside their scope is not found. Null: in-process, everything.</param>
public sealed record GetInstance(Guid InstanceId, Access.Actor? Reader = null) : IQuery<InstanceView>;

public sealed class GetInstanceHandler(PartyWorkflowDbContext db, InstanceViewBuilder views) : IQueryHandler<GetInstance, InstanceView>
{
    public async ValueTask<InstanceView> Handle(GetInstance query, CancellationToken ct)
    {
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.InstanceId, ct)
                  ?? throw new NotFoundException("instance", query.InstanceId.ToString());
        if (await Access.ReadScope.OrganizationsAsync(db, query.Reader, ct) is { } allowed && !allowed.Contains(row.OrganizationId))
            throw new NotFoundException("instance", query.InstanceId.ToString());
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == row.Id).ToListAsync(ct);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.InstanceId == row.Id && d.IsOpen).ToListAsync(ct);
        return views.Build(row, history, deadlines);
    }
}
