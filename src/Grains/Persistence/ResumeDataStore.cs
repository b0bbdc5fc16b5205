using Microsoft.Extensions.Options;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// libtorrent resume data on the silo's own disk, beside the torrent data it describes:
/// <c>&lt;DataPath&gt;/resume/&lt;hash&gt;.resume</c>. Not flushed to the device: resume data is rewritten often, and
/// an old or missing copy costs a re-check only.
/// </summary>
public sealed class ResumeDataStore(IOptions<SiloEngineOptions> options)
    : TorrentFileStore(options.Value.ResumePath, ".resume", flushToDisk: false);
