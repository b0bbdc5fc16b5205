using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Torrents;

/// <summary>
/// <c>torrents.add</c>: a .torrent file (base64 <c>ti</c>) or a magnet link, placed on a silo by the cluster or on
/// the one named by <c>session</c>. As in Porla, the "default" preset applies first, then the named preset, then
/// the call's own parameters. <c>save_path</c> must lie inside the storage roots of the silo that takes the torrent
/// (error -4, and nothing added, when it does not); a relative one resolves under that silo's first root.
/// </summary>
public sealed class TorrentsAdd(IGrainFactory grains, SiloDirectory silos) : JsonRpcMethod<TorrentsAddParams>
{
    public override string Name => "torrents.add";

    protected override JsonTypeInfo<TorrentsAddParams> ParamsType => TorrentsJsonContext.Default.TorrentsAddParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(TorrentsAddParams parameters, CancellationToken cancellationToken)
    {
        // Whether a source is given at all is the intake's one check (-4 for neither); here only 'ti' is decoded.
        var torrentFile = DecodeTorrentFile(parameters.Ti);
        var preset = await PresetFor(parameters.Preset);
        var session = parameters.Session ?? parameters.SessionId ?? preset.Session;
        if (session is not null)
        {
            await silos.RequireAsync(session);
        }

        var command = new AddTorrentCommand
        {
            TorrentFile = torrentFile,
            // As in Porla, a .torrent wins over a magnet link given with it.
            MagnetUri = torrentFile is null ? parameters.MagnetUri : null,
            SavePath = parameters.SavePath ?? preset.SavePath,
            Paused = parameters.Paused ?? false,
            Name = parameters.Name,
            Trackers = parameters.Trackers ?? [],
            UrlSeeds = parameters.UrlSeeds ?? [],
            HttpSeeds = parameters.HttpSeeds ?? [],
            UploadLimit = parameters.UploadLimit ?? preset.UploadLimit ?? 0,
            DownloadLimit = parameters.DownloadLimit ?? preset.DownloadLimit ?? 0,
            MaxConnections = parameters.MaxConnections ?? preset.MaxConnections ?? 0,
            MaxUploads = parameters.MaxUploads ?? preset.MaxUploads ?? 0,
            Category = parameters.Category ?? preset.Category,
            Tags = parameters.Tags ?? preset.Tags,
            Metadata = RawJson.Serialize(parameters.Metadata),
            Silo = session,
            AllocateFiles = preset.StorageMode == PresetStorageModes.Allocate,
        };

        var infoHash = await grains.GetGrain<ITorrentIntakeGrain>(0).AddAsync(command);
        return JsonRpcResult.Of(new TorrentsAddResult(infoHash), TorrentsJsonContext.Default.TorrentsAddResult);
    }

    // The "default" preset, with the named one's set values over it. Porla ignores an unknown preset name; so do we.
    private async Task<Preset> PresetFor(string? name)
    {
        var presets = await grains.GetGrain<IPresetsGrain>(0).ListAsync();
        var merged = presets.GetValueOrDefault("default") ?? new Preset();
        if (name is null || name == "default" || !presets.TryGetValue(name, out var named))
        {
            return merged;
        }

        return new Preset
        {
            Category = named.Category ?? merged.Category,
            DownloadLimit = named.DownloadLimit ?? merged.DownloadLimit,
            MaxConnections = named.MaxConnections ?? merged.MaxConnections,
            MaxUploads = named.MaxUploads ?? merged.MaxUploads,
            SavePath = named.SavePath ?? merged.SavePath,
            Session = named.Session ?? merged.Session,
            StorageMode = named.StorageMode ?? merged.StorageMode,
            Tags = named.Tags.Count > 0 ? named.Tags : merged.Tags,
            UploadLimit = named.UploadLimit ?? merged.UploadLimit,
        };
    }

    private static byte[]? DecodeTorrentFile(string? ti)
    {
        if (ti is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(ti);
        }
        catch (FormatException)
        {
            throw JsonRpcException.InvalidParams("'ti' must be a base64-encoded .torrent file");
        }
    }
}

/// <summary>Porla's <c>torrents.add</c> parameters; <c>session_id</c> is accepted as another name for <c>session</c>.</summary>
public sealed record TorrentsAddParams
{
    public string? Category { get; init; }
    public int? DownloadLimit { get; init; }
    public string[]? HttpSeeds { get; init; }
    public string? MagnetUri { get; init; }
    public int? MaxConnections { get; init; }
    public int? MaxUploads { get; init; }
    public Dictionary<string, JsonElement>? Metadata { get; init; }
    public string? Name { get; init; }
    public bool? Paused { get; init; }
    public string? Preset { get; init; }
    public string? SavePath { get; init; }
    public string? Session { get; init; }
    public string? SessionId { get; init; }
    public string[]? Tags { get; init; }
    public string? Ti { get; init; }
    public string[]? Trackers { get; init; }
    public int? UploadLimit { get; init; }
    public string[]? UrlSeeds { get; init; }
}

/// <summary>The info-hash pair of the added torrent.</summary>
public sealed record TorrentsAddResult(InfoHashPair InfoHash);
