using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package): it records every delivery attempt and can
/// refuse the first ones, so that tests see retries.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public sealed record Delivery(string MessageId, string To, string Subject, bool Accepted);

    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private int refuse;

    public int Port { get; }
    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public LoopbackSmtpServer(int refuseFirst = 0)
    {
        refuse = refuseFirst;
        Port = Ports.Free();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    public IReadOnlyList<Delivery> Accepted => Deliveries.Where(d => d.Accepted).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }
        stop.Dispose();
    }

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, ct);
            var accept = Interlocked.Decrement(ref server.refuse) < 0;
            server.Deliveries.Enqueue(new Delivery(message.MessageId ?? "", message.To.ToString(), message.Subject ?? "", accept));
            return accept ? SmtpResponse.Ok : SmtpResponse.TransactionFailed;
        }
    }
}
