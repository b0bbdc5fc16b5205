using Microsoft.Extensions.Options;

namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// Each torrent's metainfo (its .torrent file) on the disk of the silo that hosts it, beside its resume data:
/// <c>&lt;DataPath&gt;/resume/&lt;hash&gt;.torrent</c>. Cluster storage keeps only a magnet link, so what Redis holds
/// a torrent stays small whatever the torrent's size; a silo without the file fetches the metadata from the swarm.
/// A file is written once, flushed to the device, and never changes: an info-hash names one metainfo for good.
/// </summary>
public sealed class MetainfoStore
{
    private readonly string _folder;

    public MetainfoStore(IOptions<SiloEngineOptions> options)
    {
        _folder = options.Value.ResumePath;
        Directory.CreateDirectory(_folder);
    }

    public byte[]? TryRead(string infoHash)
    {
        var path = PathOf(infoHash);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public bool Contains(string infoHash) => File.Exists(PathOf(infoHash));

    /// <summary>Returns once the file is on the device (atomic replace, flushed).</summary>
    public Task WriteAsync(string infoHash, byte[] torrentFile, CancellationToken cancellationToken) =>
        AtomicFile.ReplaceAsync(PathOf(infoHash), torrentFile, flushToDisk: true, cancellationToken);

    public void Delete(string infoHash) => File.Delete(PathOf(infoHash));

    // Keys reach here only as validated lowercase hex, so they are safe file names.
    private string PathOf(string infoHash) => Path.Combine(_folder, infoHash + ".torrent");
}
