using Microsoft.Extensions.Options;
using TorrentCluster.Grains.Hosting;

namespace TorrentCluster.Grains.Persistence;

/// <summary>
/// Each torrent's metainfo (its .torrent file) on the disk of the silo that hosts it, beside its resume data:
/// <c>&lt;DataPath&gt;/resume/&lt;hash&gt;.torrent</c>. Cluster storage keeps only a magnet link, so what Redis holds
/// a torrent stays small whatever the torrent's size; a silo without the file fetches the metadata from the swarm.
/// A file is written once and flushed to the device before the add answers: an info-hash names one metainfo for good.
/// </summary>
public sealed class MetainfoStore(IOptions<SiloEngineOptions> options)
    : TorrentFileStore(options.Value.ResumePath, ".torrent", flushToDisk: true);
