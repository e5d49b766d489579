using Mediator;
using Microsoft.EntityFrameworkCore;
using PartyWorkflow.Application.Common;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Application.Instances;

public sealed record GetInstance(Guid InstanceId) : IQuery<InstanceView>;

public sealed class GetInstanceHandler(PartyWorkflowDbContext db, InstanceViewBuilder views) : IQueryHandler<GetInstance, InstanceView>
{
    public async ValueTask<InstanceView> Handle(GetInstance query, CancellationToken ct)
    {
        var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.InstanceId, ct)
                  ?? throw new NotFoundException("instance", query.InstanceId.ToString());
        var history = await db.History.AsNoTracking().Where(h => h.InstanceId == row.Id).ToListAsync(ct);
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => d.InstanceId == row.Id && d.IsOpen).ToListAsync(ct);
        return views.Build(row, history, deadlines);
    }
}
