namespace TorrentCluster.Cli.Commands;

/// <summary>A torrent <c>tcctl add --watch</c> follows: its info-hash and what to call it until its name is known.</summary>
internal sealed record WatchedTorrent(string InfoHash, string Label);
