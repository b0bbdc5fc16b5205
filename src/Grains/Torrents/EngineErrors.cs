using System.Diagnostics;
using System.Runtime.CompilerServices;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Telemetry;

namespace TorrentCluster.Grains.Torrents;

/// <summary>The one place that turns engine exceptions into what callers of the cluster see.</summary>
internal static class EngineErrors
{
    public static TorrentClusterException Translate(Exception exception, string infoHash) => exception switch
    {
        TorrentClusterException cluster => cluster,
        DuplicateTorrentException => new TorrentClusterException(ClusterErrorCode.TorrentExists, $"Torrent {infoHash} already exists"),
        InvalidTorrentException e => new TorrentClusterException(ClusterErrorCode.InvalidTorrent, $"Not a valid torrent file: {e.Message}"),
        InvalidMagnetException e => new TorrentClusterException(ClusterErrorCode.InvalidMagnet, $"Not a valid magnet link: {e.Message}"),
        TorrentNotFoundException => TorrentClusterException.NotFound(infoHash),
        NoMetadataException => new TorrentClusterException(ClusterErrorCode.NoMetadata, $"Torrent {infoHash} has no metadata yet"),
        ArgumentException e => new TorrentClusterException(ClusterErrorCode.InvalidArgument, e.Message),
        TorrentEngineException e => new TorrentClusterException(ClusterErrorCode.EngineFailure, e.Message),
        _ => new TorrentClusterException(ClusterErrorCode.EngineFailure, exception.Message),
    };

    /// <summary>Runs an engine call in a span of its own and translates what it throws.</summary>
    public static T Call<T>(string infoHash, Func<T> call, [CallerArgumentExpression(nameof(call))] string operation = "")
    {
        // The engine call is the last span of a request's trace: gateway, grain call, then this.
        using var activity = EngineTelemetry.Source.StartActivity($"engine {EngineTelemetry.OperationName(operation)}");
        activity?.SetTag("torrent.info_hash", infoHash);
        try
        {
            return call();
        }
        catch (Exception exception) when (exception is TorrentEngineException or ArgumentException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw Translate(exception, infoHash);
        }
    }

    /// <summary>Awaits an asynchronous engine call in a span of its own and translates what it throws.</summary>
    public static async Task<T> CallAsync<T>(string infoHash, Func<Task<T>> call, [CallerArgumentExpression(nameof(call))] string operation = "")
    {
        using var activity = EngineTelemetry.Source.StartActivity($"engine {EngineTelemetry.OperationName(operation)}");
        activity?.SetTag("torrent.info_hash", infoHash);
        try
        {
            return await call();
        }
        catch (Exception exception) when (exception is TorrentEngineException or ArgumentException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw Translate(exception, infoHash);
        }
    }

    /// <summary>Runs an engine call in a span of its own and translates what it throws.</summary>
    public static void Call(string infoHash, Action call, [CallerArgumentExpression(nameof(call))] string operation = "") => Call(infoHash, () =>
    {
        call();
        return true;
    }, operation);
}
