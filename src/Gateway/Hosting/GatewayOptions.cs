using System.ComponentModel.DataAnnotations;

namespace TorrentCluster.Gateway.Hosting;

/// <summary>The JSON-RPC endpoint, bound from <c>TorrentCluster:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "TorrentCluster:Gateway";

    /// <summary>
    /// A path prefix for everything the gateway serves (JSON-RPC, the auth routes, <c>/api/v1/system</c> and the web
    /// UI), as Porla's <c>http.base_path</c>: <c>/porla</c> serves JSON-RPC at <c>/porla/api/v1/jsonrpc</c>. Empty (the
    /// default) is the root. Health and metrics stay at the root, where probes and scrapers look.
    /// </summary>
    public string BasePath { get; set; } = string.Empty;

    /// <summary>Where JSON-RPC is served: Porla's path.</summary>
    public string Path { get; set; } = "/api/v1/jsonrpc";

    /// <summary>Where Porla's <c>auth/init</c> and <c>auth/login</c> routes go.</summary>
    public string AuthPath { get; set; } = "/api/v1";

    /// <summary>
    /// Largest request body accepted. A .torrent of a large many-file torrent can be several MB, and base64 adds a
    /// third, so the default leaves room for a 24 MB torrent file.
    /// </summary>
    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>
    /// Largest request body read from a caller without a valid token, before anything is parsed: such a caller
    /// may only send one auth.init or auth.login, which fits in far less.
    /// </summary>
    [Range(1024, int.MaxValue)]
    public int MaxAnonymousRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Most calls in one batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>
    /// The longest any call may take before the gateway answers -32000, retries of reads included: a call whose
    /// answer is lost (a silo cut off from this gateway, frozen, or not yet declared dead) must not hold the caller.
    /// </summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the gateway waits for one silo (or a catalog shard it hosts) to answer its part of a fleet-wide
    /// call, and for membership to name the silos. A silo that crashed answers nothing until the cluster declares it
    /// dead (about 30 s in Orleans); past this wait the call goes on without it (listed as unreachable, or its
    /// torrents as not running) or fails with -32000, instead of waiting out the death.
    /// </summary>
    public TimeSpan SiloAnswerTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the silo list used by fleet-wide calls may be reused.</summary>
    public TimeSpan SiloListTtl { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long <c>torrents.list</c> trusts the catalog's count of torrents before it counts again (in the
    /// background). The count only says when the silos' answers fall short; a short answer is counted again at once.
    /// </summary>
    public TimeSpan CatalogCountTtl { get; set; } = TimeSpan.FromSeconds(5);
}
