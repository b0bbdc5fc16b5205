using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sys;

/// <summary>
/// <c>fs.space</c>: Porla's available, capacity and free bytes for <c>path</c> (default: each silo's first storage
/// root; a path outside a silo's storage roots is error -4).
/// With <c>session</c> one silo answers; without it the numbers are the sums over every silo, and
/// <c>sessions</c> lists each silo's own.
/// </summary>
public sealed class FsSpace(SiloDirectory silos) : JsonRpcMethod<FsSpaceParams>
{
    public override string Name => "fs.space";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<FsSpaceParams> ParamsType => SysJsonContext.Default.FsSpaceParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(FsSpaceParams parameters, CancellationToken cancellationToken)
    {
        var targets = await silos.SelectAsync(parameters.Session);
        var spaces = await Task.WhenAll(targets.Select(entry => entry.Silo.GetDiskSpaceAsync(parameters.Path)));
        var items = spaces.Select(space => new FsSpaceSession(space.Silo, space.Path, space.Available, space.Capacity, space.Free)).ToList();
        return JsonRpcResult.Of(
            new FsSpaceResult(items.Sum(item => item.Available), items.Sum(item => item.Capacity), items.Sum(item => item.Free), null, items),
            SysJsonContext.Default.FsSpaceResult);
    }
}

public sealed record FsSpaceParams
{
    public string? Path { get; init; }
    public string? Session { get; init; }
}

/// <summary>Porla's fields; <c>quota</c> is always null (no quota lookup), <c>sessions</c> is ours.</summary>
public sealed record FsSpaceResult(long Available, long Capacity, long Free, object? Quota, IReadOnlyList<FsSpaceSession> Sessions);

public sealed record FsSpaceSession(string Name, string Path, long Available, long Capacity, long Free);
