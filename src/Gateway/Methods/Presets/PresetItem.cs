using TorrentCluster.Abstractions.Presets;

namespace TorrentCluster.Gateway.Methods.Presets;

/// <summary>A preset in Porla's shape: every field present, null when the preset does not set it.</summary>
public sealed record PresetItem(
    string? Category,
    int? DownloadLimit,
    int? MaxConnections,
    int? MaxUploads,
    string? SavePath,
    string? Session,
    IReadOnlyList<string>? Tags,
    int? UploadLimit)
{
    public static PresetItem From(Preset preset) => new(
        preset.Category,
        preset.DownloadLimit,
        preset.MaxConnections,
        preset.MaxUploads,
        preset.SavePath,
        preset.Session,
        preset.Tags.Count > 0 ? preset.Tags : null,
        preset.UploadLimit);
}
