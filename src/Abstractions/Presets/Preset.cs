namespace TorrentCluster.Abstractions.Presets;

/// <summary>
/// Named defaults for <c>torrents.add</c>, Porla's preset: every value is optional and only set values apply.
/// The preset named "default" applies to every add; a named one applies over it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Preset
{
    [Id(0)] public string? Category { get; init; }
    [Id(1)] public int? DownloadLimit { get; init; }
    [Id(2)] public int? MaxConnections { get; init; }
    [Id(3)] public int? MaxUploads { get; init; }
    [Id(4)] public string? SavePath { get; init; }
    /// <summary>The silo (Porla's session) torrents added with this preset go to.</summary>
    [Id(5)] public string? Session { get; init; }
    [Id(6)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(7)] public int? UploadLimit { get; init; }
    /// <summary>Porla's <c>$hidden</c>: a client leaves the preset out of its choices (Porla's web UI does); adds ignore it.</summary>
    [Id(8)] public bool? Hidden { get; init; }
    /// <summary>Porla's <c>storage_mode</c>: <see cref="PresetStorageModes.Allocate"/> or <see cref="PresetStorageModes.Sparse"/>.</summary>
    [Id(9)] public string? StorageMode { get; init; }
}
