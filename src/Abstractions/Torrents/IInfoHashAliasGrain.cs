namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// Maps a v2 info-hash to the canonical key of a hybrid torrent (whose grain is keyed by its v1 hash), so a
/// torrent is reachable by either half of its info-hash pair. Keyed by the v2 hash.
/// </summary>
public interface IInfoHashAliasGrain : IGrainWithStringKey
{
    /// <summary>The canonical key this v2 hash stands for, or null when none is recorded.</summary>
    Task<string?> GetCanonicalAsync();

    /// <summary>Records the canonical key.</summary>
    Task SetCanonicalAsync(string canonical);

    /// <summary>Forgets the mapping.</summary>
    Task ClearAsync();
}
