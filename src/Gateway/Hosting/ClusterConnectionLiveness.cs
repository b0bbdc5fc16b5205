using Orleans.Networking.Shared;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>
/// How fast a cluster connection whose far end went silent (a cut link, a dropped route: no reset, no FIN) is
/// found dead, on silos and gateways alike.
/// </summary>
/// <remarks>
/// A connection with data in flight dies when the kernel runs out of retransmissions (<c>net.ipv4.tcp_retries2</c>,
/// set to 5 on the hosts: about 13 s). An idle one only dies by TCP keep-alive, and Orleans' default sends the first
/// probe after 90 s and gives up after ten more, 30 s apart: six minutes in which a gateway's client still counts as
/// connected to the silo it cannot reach, and the cluster keeps routing that client's answers through it. Probing
/// after 5 s of silence, every 2 s, three times, finds an idle dead connection within about 11 s; a live one
/// answers a probe with an empty acknowledgement, which costs nothing.
/// </remarks>
public static class ClusterConnectionLiveness
{
    public const int KeepAliveTimeSeconds = 5;
    public const int KeepAliveIntervalSeconds = 2;
    public const int KeepAliveRetryCount = 3;

    public static IServiceCollection AddClusterConnectionLiveness(this IServiceCollection services) =>
        services.Configure<SocketConnectionOptions>(sockets =>
        {
            sockets.KeepAlive = true;
            sockets.KeepAliveTimeSeconds = KeepAliveTimeSeconds;
            sockets.KeepAliveIntervalSeconds = KeepAliveIntervalSeconds;
            sockets.KeepAliveRetryCount = KeepAliveRetryCount;
        });
}
