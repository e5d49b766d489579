using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for this provider without a running server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PartyWorkflowDbContext>
{
    public PartyWorkflowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PartyWorkflowDbContext>();
        DatabaseProvider.Configure(options, "Host=localhost;Database=design;Username=postgres");
        return new PartyWorkflowDbContext(options.Options);
    }
}
