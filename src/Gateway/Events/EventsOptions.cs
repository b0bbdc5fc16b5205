namespace TorrentCluster.Gateway.Events;

/// <summary>Porla's event stream, <c>GET /api/v1/events</c>, bound from <c>TorrentCluster:Gateway:Events</c>.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "TorrentCluster:Gateway:Events";

    /// <summary>Where the stream is served: Porla's path.</summary>
    public string Path { get; set; } = "/api/v1/events";

    /// <summary>
    /// Most clients streaming from this gateway at once; past it a client gets HTTP 503. Each holds a connection
    /// and a buffer for as long as it stays.
    /// </summary>
    public int MaxClients { get; set; } = 64;

    /// <summary>
    /// Events held for one client that reads slower than they come; past it that client misses events (counted in
    /// <c>torrentcluster.events.client.dropped</c>) rather than the gateway's memory growing.
    /// </summary>
    public int ClientBuffer { get; set; } = 1024;

    /// <summary>
    /// How long a stream may stay quiet before a comment line keeps proxies from closing it; the caller's token is
    /// checked again then, so a stream ends within this time of its token being revoked or expiring.
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
