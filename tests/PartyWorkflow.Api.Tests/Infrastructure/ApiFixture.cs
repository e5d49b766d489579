using Microsoft.Extensions.Time.Testing;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>One server and database per test class; today is 2026-11-30 in Beijing unless a test moves it.</summary>
public abstract class ApiFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);
    public ApiFactory Factory { get; private set; } = null!;
    public ApiClient Api { get; private set; } = null!;

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Factory = new ApiFactory(await CreateDatabaseAsync(), Time);
        Api = new ApiClient(Factory.CreateSignedInClient());
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class PostgresFixture : ApiFixture
{
    protected override Task<string> CreateDatabaseAsync() => TestDatabases.CreatePostgresAsync();
}

public sealed class SqliteFixture : ApiFixture
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(TestDatabases.CreateSqlite());
}
