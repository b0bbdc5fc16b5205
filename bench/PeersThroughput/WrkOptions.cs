namespace TorrentCluster.Bench.PeersThroughput;

/// <summary>wrk's load: threads, open connections and how long.</summary>
internal sealed record WrkOptions(int Threads, int Connections, int Seconds);
