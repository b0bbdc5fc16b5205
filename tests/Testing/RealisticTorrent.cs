using TorrentCluster.Engine;

namespace TorrentCluster.Testing;

/// <summary>
/// The farm-scale issue's "realistic" torrent: 2,000 pieces of 16 KiB over 20 files, so about 40 KB of piece
/// hashes in its .torrent. Made from real files, so it could be seeded; nothing needs to be for a paused add.
/// </summary>
public static class RealisticTorrent
{
    public const int Pieces = 2000;
    public const int Files = 20;
    public const int PieceSize = 16 * 1024;

    /// <summary>Writes the files under <paramref name="folder"/>/<paramref name="name"/> and returns the .torrent.</summary>
    public static byte[] Create(string folder, string name, int seed, IReadOnlyList<string>? trackers = null)
    {
        var content = Path.Combine(folder, name);
        const long fileSize = (long)Pieces * PieceSize / Files;
        for (var i = 0; i < Files; i++)
        {
            TestFiles.CreateRandom(Path.Combine(content, $"part-{i:00}.bin"), fileSize, seed + i);
        }

        return TorrentCreator.Create(new CreateTorrentOptions
        {
            Path = content,
            Version = TorrentVersion.V1,
            PieceSize = PieceSize,
            Trackers = trackers ?? [],
        });
    }
}
