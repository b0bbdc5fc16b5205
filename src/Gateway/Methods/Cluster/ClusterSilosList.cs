using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Cluster;

/// <summary>
/// <c>cluster.silos.list</c>: every silo Orleans knows, by name, with its membership status; active silos also with
/// what they host and their engine's rates, peers, free disk and version (asked of each in parallel). An active
/// silo that does not answer within the timeout (cut off, frozen, not yet declared dead) is listed as
/// <c>unreachable</c> rather than holding up the whole answer.
/// </summary>
public sealed class ClusterSilosList(SiloDirectory silos) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "cluster.silos.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => ClusterJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var known = await silos.ListAllAsync(cancellationToken);
        return JsonRpcResult.Of(
            new ClusterSilosListResult([.. known.Select(SiloItem.From)]),
            ClusterJsonContext.Default.ClusterSilosListResult);
    }
}

/// <summary>The answer: <c>{ "silos": [...] }</c>.</summary>
public sealed record ClusterSilosListResult(IReadOnlyList<SiloItem> Silos);

/// <summary>
/// One silo; rates in bytes per second, free disk in bytes, of the disk holding the silo's downloads; <c>since</c>
/// when this incarnation of the silo started (null when membership does not say).
/// </summary>
public sealed record SiloItem(
    string Name,
    string Address,
    string Status,
    int Torrents,
    long DownloadRate,
    long UploadRate,
    long Peers,
    int ListenPort,
    long FreeDisk,
    string? Version,
    DateTimeOffset? Since)
{
    // A silo that is not active (or does not answer) cannot be asked for its load.
    public static SiloItem From(KnownSilo silo) => silo.Summary is { } summary
        ? new(summary.Name, summary.Address, silo.Status, summary.Torrents, summary.DownloadRate, summary.UploadRate, summary.PeersConnected, summary.ListenPort, summary.FreeDiskBytes, summary.Version, silo.Since)
        : new(silo.Name, silo.Address, silo.Status, 0, 0, 0, 0, 0, 0, null, silo.Since);
}
