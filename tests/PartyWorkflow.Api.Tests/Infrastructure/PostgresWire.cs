using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>
/// A loopback proxy in front of PostgreSQL that watches the protocol the server speaks: a round trip
/// is each time the client sends again after PostgreSQL has answered, and every statement executed
/// is read from the Parse/Bind/Execute (or Query) messages, prepared or not, so BEGIN, COMMIT,
/// savepoints and raw SQL are counted as much as EF Core's commands.
/// </summary>
public sealed class PostgresWire : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint upstream;
    private readonly CancellationTokenSource stop = new();
    private readonly object gate = new();
    private readonly List<string> statements = [];
    private int roundTrips;

    private PostgresWire(IPEndPoint upstream) => this.upstream = upstream;

    /// <summary>The connection string that goes through the proxy.</summary>
    public string ConnectionString { get; private set; } = "";

    public int RoundTrips { get { lock (gate) return roundTrips; } }

    /// <summary>The statements executed since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<string> Statements { get { lock (gate) return statements.ToList(); } }

    public int Count(string keyword) => Statements.Count(s => s.TrimStart().StartsWith(keyword, StringComparison.OrdinalIgnoreCase));

    public void Reset()
    {
        lock (gate)
        {
            roundTrips = 0;
            statements.Clear();
        }
    }

    public static PostgresWire Start(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var address = Dns.GetHostAddresses(builder.Host!).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var wire = new PostgresWire(new IPEndPoint(address, builder.Port));
        wire.listener.Start();
        builder.Host = "127.0.0.1";
        builder.Port = ((IPEndPoint)wire.listener.LocalEndpoint).Port;
        builder.SslMode = SslMode.Disable;
        wire.ConnectionString = builder.ConnectionString;
        _ = wire.AcceptAsync();
        return wire;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        await server.ConnectAsync(upstream, stop.Token);
        client.NoDelay = server.NoDelay = true;
        var connection = new Connection(this);
        var up = PumpAsync(client.GetStream(), server.GetStream(), connection.FromClient);
        var down = PumpAsync(server.GetStream(), client.GetStream(), _ => connection.ServerSpoke());
        await Task.WhenAny(up, down);
        client.Close();
        server.Close();
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Action<ReadOnlyMemory<byte>> watch)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                watch(buffer.AsMemory(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
    }

    /// <summary>One client connection: its message parser and its prepared statements.</summary>
    private sealed class Connection(PostgresWire wire)
    {
        private readonly List<byte> pending = [];
        private readonly Dictionary<string, string> prepared = new();
        private bool started;
        private bool serverSpoke;
        private string? bound;

        public void ServerSpoke()
        {
            lock (wire.gate) serverSpoke = true;
        }

        public void FromClient(ReadOnlyMemory<byte> data)
        {
            lock (wire.gate)
            {
                if (started && serverSpoke) wire.roundTrips++;
                serverSpoke = false;
                pending.AddRange(data.Span);
                while (TryTake(out var type, out var body)) Handle(type, body);
            }
        }

        private bool TryTake(out char type, out byte[] body)
        {
            type = '\0';
            body = [];
            var header = started ? 5 : 4;
            if (pending.Count < header) return false;
            var head = pending.Take(header).ToArray();
            var length = BinaryPrimitives.ReadInt32BigEndian(started ? head.AsSpan(1) : head);
            var total = (started ? 1 : 0) + length;
            if (pending.Count < total) return false;
            type = started ? (char)head[0] : '\0';
            body = pending.Skip(header).Take(total - header).ToArray();
            pending.RemoveRange(0, total);
            if (!started)
            {
                // SSLRequest and GSSENCRequest come before the startup message, which has no type byte either.
                var code = BinaryPrimitives.ReadInt32BigEndian(body);
                if (code != 80877103 && code != 80877104) started = true;
            }
            return true;
        }

        private void Handle(char type, byte[] body)
        {
            switch (type)
            {
                case 'Q':
                    wire.statements.Add(CString(body, 0, out _));
                    break;
                case 'P':
                    var name = CString(body, 0, out var next);
                    prepared[name] = CString(body, next, out _);
                    break;
                case 'B':
                    CString(body, 0, out var afterPortal);
                    bound = CString(body, afterPortal, out _);
                    break;
                case 'E':
                    wire.statements.Add(bound is not null && prepared.TryGetValue(bound, out var sql) ? sql : "?");
                    break;
                case 'C' when body.Length > 0 && body[0] == (byte)'S':
                    prepared.Remove(CString(body, 1, out _));
                    break;
            }
        }

        private static string CString(byte[] body, int start, out int next)
        {
            var end = Array.IndexOf(body, (byte)0, start);
            if (end < 0) end = body.Length;
            next = end + 1;
            return Encoding.UTF8.GetString(body, start, end - start);
        }
    }
}
