using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

/// <summary>Makes .torrent files (v1, v2 or hybrid) of a file or a folder.</summary>
public static class TorrentCreator
{
    /// <summary>Hashes the file or folder and returns the bencoded .torrent.</summary>
    /// <exception cref="EngineIOException">The path does not exist or cannot be read.</exception>
    public static unsafe byte[] Create(CreateTorrentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Path);
        using var strings = new NativeText.Batch();
        var parameters = new TcCreateParams
        {
            Path = strings.Add(Path.GetFullPath(options.Path)),
            Trackers = strings.AddArray(options.Trackers),
            TrackerCount = options.Trackers.Count,
            WebSeeds = strings.AddArray(options.WebSeeds),
            WebSeedCount = options.WebSeeds.Count,
            Comment = strings.Add(options.Comment),
            Creator = strings.Add(options.Creator ?? $"TorrentCluster/{EngineVersion.Text}"),
            Version = options.Version switch
            {
                TorrentVersion.V1 => 1,
                TorrentVersion.V2 => 2,
                _ => 0,
            },
            PieceSize = options.PieceSize,
            IsPrivate = options.IsPrivate ? 1 : 0,
        };
        TcError error;
        var status = NativeMethods.tc_create_torrent(&parameters, out var buffer, &error);
        NativeErrors.ThrowIfFailed(status, &error);
        return NativeLists.ReadBuffer(buffer);
    }
}
