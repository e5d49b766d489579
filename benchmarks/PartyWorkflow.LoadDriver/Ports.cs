using System.Net;
using System.Net.Sockets;

namespace PartyWorkflow.LoadDriver;

public static class Ports
{
    /// <summary>A loopback port free at the time of asking, so that runs never collide with another server here.</summary>
    public static int Free()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
