using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Cluster;

/// <summary>
/// <c>cluster.silos.list</c>: every silo Orleans knows, by name, with its membership status; active silos also with
/// what they host and their engine's rates, peers, free disk and version (asked of each in parallel). An active
/// silo that does not answer within the timeout (cut off, frozen, not yet declared dead) is listed as
/// <c>unreachable</c> rather than holding up the whole answer.
/// </summary>
public sealed class ClusterSilosList(IGrainFactory grains) : JsonRpcMethod<EmptyParams>
{
    private static readonly TimeSpan SummaryTimeout = TimeSpan.FromSeconds(5);

    public override string Name => "cluster.silos.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => ClusterJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false).WaitAsync(SummaryTimeout, cancellationToken);
        var silos = await Task.WhenAll(hosts.Select(async host =>
        {
            var address = host.SiloAddress.ToParsableString();
            if (host.Status != SiloStatus.Active)
            {
                return SiloItem.Inactive(host.SiloName, address, host.Status.ToString().ToLowerInvariant());
            }

            try
            {
                var summary = await grains.GetGrain<ISiloGrain>(address).GetSummaryAsync().WaitAsync(SummaryTimeout, cancellationToken);
                return SiloItem.From(summary, "active");
            }
            catch (Exception exception) when (exception is TimeoutException or OrleansException)
            {
                return SiloItem.Inactive(host.SiloName, address, "unreachable");
            }
        }));
        return JsonRpcResult.Of(
            new ClusterSilosListResult([.. silos.OrderBy(silo => silo.Name, StringComparer.Ordinal)]),
            ClusterJsonContext.Default.ClusterSilosListResult);
    }
}

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

    // A silo that is not active (or does not answer) cannot be asked for its load.
    public static SiloItem Inactive(string name, string address, string status) => new(name, address, status, 0, 0, 0, 0, 0, 0, null);
}
