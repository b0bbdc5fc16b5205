namespace TorrentCluster.Abstractions.Fleet;

/// <summary>
/// Connections of one group (a client, an address, a torrent, a silo) added up. <see cref="Ips"/> are the
/// distinct peer addresses, kept as a set so partial groups of several silos merge without counting one address
/// twice.
/// </summary>
[GenerateSerializer]
public sealed class PeerGroup
{
    [Id(0)] public required string Key { get; init; }
    [Id(1)] public int Connections { get; set; }
    [Id(2)] public HashSet<string> Ips { get; init; } = new(StringComparer.Ordinal);
    [Id(3)] public long DownSpeed { get; set; }
    [Id(4)] public long UpSpeed { get; set; }
    [Id(5)] public long TotalDownload { get; set; }
    [Id(6)] public long TotalUpload { get; set; }

    /// <summary>Adds one connection.</summary>
    public void Add(FleetPeer peer)
    {
        Connections++;
        Ips.Add(peer.Peer.Ip.Address);
        DownSpeed += peer.Peer.DownSpeed;
        UpSpeed += peer.Peer.UpSpeed;
        TotalDownload += peer.Peer.TotalDownload;
        TotalUpload += peer.Peer.TotalUpload;
    }

    /// <summary>Adds another silo's part of the same group.</summary>
    public void Merge(PeerGroup other)
    {
        Connections += other.Connections;
        Ips.UnionWith(other.Ips);
        DownSpeed += other.DownSpeed;
        UpSpeed += other.UpSpeed;
        TotalDownload += other.TotalDownload;
        TotalUpload += other.TotalUpload;
    }
}
