namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// Replaces a file as a whole: the bytes go to a temporary file beside it, which is then renamed over it, so a
/// crash mid-write leaves the previous version (or none), never half of the new one.
/// </summary>
internal static class AtomicFile
{
    // flushToDisk forces the bytes to the device before the rename, so the file survives a power loss once this
    // returns. It costs a disk flush: for what is written once and must not be lost, not for what is rewritten often.
    public static async Task ReplaceAsync(string path, byte[] data, bool flushToDisk, CancellationToken cancellationToken)
    {
        // Unique per write: two writers of the same file (a grain and a background service) may run at once.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true))
            {
                await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                if (flushToDisk)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
