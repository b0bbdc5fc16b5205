using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Presets;

/// <summary><c>presets.list</c>: every preset by name, Porla's shape (the result is the map itself).</summary>
public sealed class PresetsList(IGrainFactory grains) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "presets.list";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => PresetsJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var presets = await grains.GetGrain<IPresetsGrain>(0).ListAsync();
        var items = new SortedDictionary<string, PresetItem>(StringComparer.Ordinal);
        foreach (var (name, preset) in presets)
        {
            items[name] = PresetItem.From(preset);
        }

        return JsonRpcResult.Of<IReadOnlyDictionary<string, PresetItem>>(items, PresetsJsonContext.Default.IReadOnlyDictionaryStringPresetItem);
    }
}
