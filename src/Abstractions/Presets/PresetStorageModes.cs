namespace TorrentCluster.Abstractions.Presets;

/// <summary>Porla's words for a preset's <c>storage_mode</c>: libtorrent's two ways of laying out a torrent's files.</summary>
public static class PresetStorageModes
{
    /// <summary>Every file allocated in full when the torrent starts writing.</summary>
    public const string Allocate = "allocate";

    /// <summary>Files grow as pieces arrive (libtorrent's default).</summary>
    public const string Sparse = "sparse";

    public static bool IsKnown(string mode) => mode is Allocate or Sparse;
}
