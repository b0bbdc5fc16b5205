using System.Text.Json.Serialization;
using TorrentCluster.Abstractions.Presets;

namespace TorrentCluster.Gateway.Methods.Presets;

/// <summary>
/// A preset in Porla's shape: every field present, null when the preset does not set it, and Porla's own
/// <c>$hidden</c>, which its web UI reads to leave a preset out of the add dialog.
/// </summary>
public sealed record PresetItem(
    string? Category,
    int? DownloadLimit,
    int? MaxConnections,
    int? MaxUploads,
    string? SavePath,
    string? Session,
    string? StorageMode,
    IReadOnlyList<string>? Tags,
    int? UploadLimit,
    [property: JsonPropertyName("$hidden")] bool? Hidden)
{
    public static PresetItem From(Preset preset) => new(
        preset.Category,
        preset.DownloadLimit,
        preset.MaxConnections,
        preset.MaxUploads,
        preset.SavePath,
        preset.Session,
        preset.StorageMode,
        preset.Tags.Count > 0 ? preset.Tags : null,
        preset.UploadLimit,
        preset.Hidden);
}
