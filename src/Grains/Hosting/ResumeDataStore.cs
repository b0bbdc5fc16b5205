using Microsoft.Extensions.Options;

namespace TorrentCluster.Grains.Hosting;

/// <summary>
/// libtorrent resume data on the silo's own disk, beside the torrent data it describes: one file per torrent,
/// replaced atomically so a crash mid-write leaves the previous version.
/// </summary>
public sealed class ResumeDataStore
{
    private readonly string _folder;

    public ResumeDataStore(IOptions<SiloEngineOptions> options)
    {
        _folder = options.Value.ResumePath;
        Directory.CreateDirectory(_folder);
    }

    public byte[]? TryRead(string infoHash)
    {
        var path = PathOf(infoHash);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    // Not flushed to the device: resume data is rewritten often, and an old or missing copy costs a re-check only.
    public Task WriteAsync(string infoHash, byte[] data, CancellationToken cancellationToken) =>
        AtomicFile.ReplaceAsync(PathOf(infoHash), data, flushToDisk: false, cancellationToken);

    public void Delete(string infoHash)
    {
        File.Delete(PathOf(infoHash));
    }

    // Keys reach here only as validated lowercase hex, so they are safe file names.
    private string PathOf(string infoHash) => Path.Combine(_folder, infoHash + ".resume");
}
