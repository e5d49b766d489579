using System.Net;
using System.Net.Sockets;

namespace PartyWorkflow.Api.Tests.Infrastructure;

public static class Ports
{
    /// <summary>A loopback port free at the time of asking, for a server a test starts.</summary>
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
