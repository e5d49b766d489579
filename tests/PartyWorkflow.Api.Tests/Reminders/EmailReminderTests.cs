using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PartyWorkflow.Api.Tests.Infrastructure;
using PartyWorkflow.Application.Reminders;
using PartyWorkflow.Persistence;

namespace PartyWorkflow.Api.Tests.Reminders;

/// <summary>E-mail reminders through a real SMTP server on loopback: delivered once accepted, retried with the same Message-ID.</summary>
public sealed class EmailReminderTests
{
    [Fact]
    public async Task Email_reminders_reach_the_smtp_server_and_a_refused_delivery_is_retried_with_the_same_message_id()
    {
        await using var smtp = new LoopbackSmtpServer(refuseFirst: 1);
        var time = new FakeTimeProvider(Sweeps.Morning(new DateOnly(2026, 12, 1)));
        var logs = new LogCapture();
        await using var factory = new ApiFactory(await TestDatabases.CreatePostgresAsync(), time, settings: new Dictionary<string, string>
        {
            ["PartyWorkflow:Reminders:Smtp:Host"] = "127.0.0.1",
            ["PartyWorkflow:Reminders:Smtp:Port"] = smtp.Port.ToString(),
            ["PartyWorkflow:Reminders:Smtp:Security"] = "None",
            ["PartyWorkflow:Reminders:Smtp:RetryAfterSeconds"] = "60",
            // The operators' level: a line per sweep and per e-mail batch.
            ["Logging:LogLevel:PartyWorkflow"] = "Information",
        }, services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs));
        var api = new ApiClient(factory.CreateSignedInClient());
        var committee = await api.CreateOrganizationAsync("party-committee", approvalAuthority: true);
        var created = await api.Client.PostAsJsonAsync("/api/party-organizations", new { name = "某企业党支部", kind = "branch", parentId = committee, email = "branch@example.org" });
        var branch = Guid.Parse((await ApiClient.ExpectAsync(created, HttpStatusCode.Created))["id"]!.GetValue<string>());
        var unit = new Unit(api, committee, branch, [await api.CreateMemberAsync(branch)]);
        await unit.ApplyAsync("2026-12-01");

        // The initial talk is due 2027-01-01: the branch is reminded 7 days before.
        time.SetUtcNow(Sweeps.Morning(new DateOnly(2026, 12, 25)));
        Assert.Equal(1, await factory.SweepAsync());
        Assert.Equal(0, await DispatchAsync(factory));
        var refused = Assert.Single(smtp.Deliveries);
        Assert.False(refused.Accepted);

        var outbox = await OutboxAsync(factory);
        var pending = Assert.Single(outbox);
        Assert.Null(pending.SentAt);
        Assert.Equal(1, pending.Attempts);
        Assert.Equal(pending.MessageId, refused.MessageId);

        // Not yet time to retry; a minute later it is.
        Assert.Equal(0, await DispatchAsync(factory));
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await DispatchAsync(factory));
        // Each batch is one line of counts, without the addresses it wrote to.
        Assert.Contains(logs.Lines, l => l.Contains("E-mail batch sent 1 messages", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("branch@example.org", StringComparison.Ordinal));
        var delivered = Assert.Single(smtp.Accepted);
        Assert.Equal(refused.MessageId, delivered.MessageId);
        Assert.Contains("branch@example.org", delivered.To);
        Assert.Contains("入党申请谈话期限", delivered.Subject);

        // Nothing is sent twice once accepted; the due-day reminder is a new message with its own id.
        Assert.Equal(0, await DispatchAsync(factory));
        time.SetUtcNow(Sweeps.Morning(new DateOnly(2027, 1, 1)));
        Assert.Equal(1, await factory.SweepAsync());
        Assert.Equal(1, await DispatchAsync(factory));
        Assert.Equal(2, smtp.Accepted.Count);
        Assert.Equal(2, smtp.Accepted.Select(d => d.MessageId).Distinct().Count());
        Assert.All(await OutboxAsync(factory), m => Assert.NotNull(m.SentAt));
    }

    private static async Task<int> DispatchAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DispatchAsync();
    }

    private static async Task<List<Persistence.Entities.EmailMessage>> OutboxAsync(ApiFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PartyWorkflowDbContext>().EmailOutbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
    }
}
