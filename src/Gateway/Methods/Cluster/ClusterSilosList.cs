using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Cluster;

/// <summary>
/// <c>cluster.silos.list</c>: every silo Orleans knows, with its status; active silos also with what they host
/// and their engine's rates, peers, free disk and version (asked of each in parallel).
/// </summary>
public sealed class ClusterSilosList(IGrainFactory grains) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "cluster.silos.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => GatewayJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> InvokeAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        var silos = await Task.WhenAll(hosts.Select(async host =>
        {
            var status = host.Value.ToString().ToLowerInvariant();
            if (host.Value != SiloStatus.Active)
            {
                return SiloItem.Inactive(host.Key.ToParsableString(), status);
            }

            var summary = await grains.GetGrain<ISiloGrain>(host.Key.ToParsableString()).GetSummaryAsync();
            return SiloItem.From(summary, status);
        }));
        return JsonRpcResult.Of(
            new ClusterSilosListResult([.. silos.OrderBy(silo => silo.Name, StringComparer.Ordinal)]),
            GatewayJsonContext.Default.ClusterSilosListResult);
    }
}

/// <summary>No parameters.</summary>
public sealed record EmptyParams;

/// <summary>The answer: <c>{ "silos": [...] }</c>.</summary>
public sealed record ClusterSilosListResult(IReadOnlyList<SiloItem> Silos);

/// <summary>One silo; rates in bytes per second, free disk in bytes, of the disk holding the silo's downloads.</summary>
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
    string? Version)
{
    public static SiloItem From(SiloSummary silo, string status) => new(
        silo.Name, silo.Address, status, silo.Torrents, silo.DownloadRate, silo.UploadRate, silo.PeersConnected, silo.ListenPort, silo.FreeDiskBytes, silo.Version);

    // A silo that is not active cannot be asked for its name or load.
    public static SiloItem Inactive(string address, string status) => new(address, address, status, 0, 0, 0, 0, 0, 0, null);
}
