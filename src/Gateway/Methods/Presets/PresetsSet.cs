using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Presets;

/// <summary>
/// <c>presets.set</c> (ours; Porla reads presets from its config file): creates or replaces a preset, stored in the
/// cluster so that every gateway and silo sees it and it survives restarts. The silo keeping the presets checks
/// <c>save_path</c> against its storage roots (error -4 outside them); a relative one resolves per silo, under its
/// first root.
/// </summary>
public sealed class PresetsSet(IGrainFactory grains) : JsonRpcMethod<PresetsSetParams>
{
    public override string Name => "presets.set";

    protected override JsonTypeInfo<PresetsSetParams> ParamsType => PresetsJsonContext.Default.PresetsSetParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(PresetsSetParams parameters, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(parameters.Name))
        {
            throw JsonRpcException.InvalidParams("'name' must not be empty");
        }

        if (parameters.StorageMode is { } mode && !PresetStorageModes.IsKnown(mode))
        {
            throw JsonRpcException.InvalidParams($"'storage_mode' must be '{PresetStorageModes.Allocate}' or '{PresetStorageModes.Sparse}'");
        }

        await grains.GetGrain<IPresetsGrain>(0).SetAsync(parameters.Name, new Preset
        {
            Category = parameters.Category,
            DownloadLimit = parameters.DownloadLimit,
            MaxConnections = parameters.MaxConnections,
            MaxUploads = parameters.MaxUploads,
            SavePath = parameters.SavePath,
            Session = parameters.Session,
            Tags = parameters.Tags ?? [],
            UploadLimit = parameters.UploadLimit,
            Hidden = parameters.Hidden,
            StorageMode = parameters.StorageMode,
        });
        return JsonRpcResult.Null;
    }
}

public sealed record PresetsSetParams
{
    public required string Name { get; init; }
    public string? Category { get; init; }
    public int? DownloadLimit { get; init; }
    public int? MaxConnections { get; init; }
    public int? MaxUploads { get; init; }
    public string? SavePath { get; init; }
    public string? Session { get; init; }
    public string? StorageMode { get; init; }
    public string[]? Tags { get; init; }
    public int? UploadLimit { get; init; }

    /// <summary>Porla's preset key, read from its config file there; here set like the others.</summary>
    [JsonPropertyName("$hidden")]
    public bool? Hidden { get; init; }
}
