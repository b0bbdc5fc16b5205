namespace TorrentCluster.Abstractions.Torrents;

/// <summary>A torrent's limits and libtorrent flags (Porla's <c>torrents.properties.get</c>); -1 means unlimited.</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentProperties
{
    [Id(0)] public int DownloadLimit { get; init; }
    [Id(1)] public int UploadLimit { get; init; }
    [Id(2)] public int MaxConnections { get; init; }
    [Id(3)] public int MaxUploads { get; init; }
    [Id(4)] public IReadOnlyDictionary<string, bool> Flags { get; init; } = new Dictionary<string, bool>();
}

/// <summary>What <c>torrents.properties.set</c> changes: only the values that are set.</summary>
[GenerateSerializer, Immutable]
public sealed record TorrentPropertiesUpdate
{
    [Id(0)] public int? DownloadLimit { get; init; }
    [Id(1)] public int? UploadLimit { get; init; }
    [Id(2)] public int? MaxConnections { get; init; }
    [Id(3)] public int? MaxUploads { get; init; }
    [Id(4)] public IReadOnlyDictionary<string, bool>? Flags { get; init; }
}
