using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Presets;

/// <summary><c>presets.remove</c> (ours): removes a preset; an unknown name is error -1.</summary>
public sealed class PresetsRemove(IGrainFactory grains) : JsonRpcMethod<PresetsRemoveParams>
{
    public override string Name => "presets.remove";

    protected override JsonTypeInfo<PresetsRemoveParams> ParamsType => PresetsJsonContext.Default.PresetsRemoveParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(PresetsRemoveParams parameters, CancellationToken cancellationToken)
    {
        if (!await grains.GetGrain<IPresetsGrain>(0).RemoveAsync(parameters.Name))
        {
            throw new JsonRpcException(JsonRpcErrorCodes.PresetNotFound, "Preset not found", $"there is no preset '{parameters.Name}'");
        }

        return JsonRpcResult.Null;
    }
}

public sealed record PresetsRemoveParams
{
    public required string Name { get; init; }
}
