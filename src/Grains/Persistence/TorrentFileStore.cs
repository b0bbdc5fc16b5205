namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// One file per torrent on the silo's own disk, named by its info-hash, replaced atomically so a crash mid-write
/// leaves the previous version. What differs between the kinds of file is their extension and whether a write
/// must reach the device before it returns.
/// </summary>
public abstract class TorrentFileStore
{
    private readonly string _folder;
    private readonly string _extension;
    private readonly bool _flushToDisk;

    protected TorrentFileStore(string folder, string extension, bool flushToDisk)
    {
        _folder = folder;
        _extension = extension;
        _flushToDisk = flushToDisk;
        Directory.CreateDirectory(_folder);
    }

    public byte[]? TryRead(string infoHash)
    {
        var path = PathOf(infoHash);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public bool Contains(string infoHash) => File.Exists(PathOf(infoHash));

    public Task WriteAsync(string infoHash, byte[] data, CancellationToken cancellationToken) =>
        AtomicFile.ReplaceAsync(PathOf(infoHash), data, _flushToDisk, cancellationToken);

    public void Delete(string infoHash) => File.Delete(PathOf(infoHash));

    // Keys reach here only as validated lowercase hex, so they are safe file names.
    private string PathOf(string infoHash) => Path.Combine(_folder, infoHash + _extension);
}
