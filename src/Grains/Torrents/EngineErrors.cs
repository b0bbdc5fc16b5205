using System.Diagnostics;
using System.Runtime.CompilerServices;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Telemetry;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// The one place that turns engine exceptions into what callers of the cluster see. Every engine call a caller
/// waits on goes through <see cref="Call{T}"/>, <see cref="CallAsync{T}"/> or <see cref="CallSession"/>: a failure
/// that bypassed them would reach the caller as an internal error (-32603) instead of an error it can act on.
/// </summary>
internal static class EngineErrors
{
    /// <summary>
    /// The cluster's error for an engine failure of the torrent <paramref name="infoHash"/>, or of the whole
    /// session when it is null. Arguments the engine checks itself are .NET's <see cref="ArgumentException"/>s,
    /// those libtorrent refuses are <see cref="EngineArgumentException"/>s: both are the caller's bad argument.
    /// </summary>
    public static TorrentClusterException Translate(Exception exception, string? infoHash) => exception switch
    {
        TorrentClusterException cluster => cluster,
        DuplicateTorrentException e => new TorrentClusterException(ClusterErrorCode.TorrentExists, infoHash is null ? e.Message : $"Torrent {infoHash} already exists"),
        InvalidTorrentException e => new TorrentClusterException(ClusterErrorCode.InvalidTorrent, $"Not a valid torrent file: {e.Message}"),
        InvalidMagnetException e => new TorrentClusterException(ClusterErrorCode.InvalidMagnet, $"Not a valid magnet link: {e.Message}"),
        TorrentNotFoundException e => infoHash is null ? new TorrentClusterException(ClusterErrorCode.TorrentNotFound, e.Message) : TorrentClusterException.NotFound(infoHash),
        NoMetadataException e => new TorrentClusterException(ClusterErrorCode.NoMetadata, infoHash is null ? e.Message : $"Torrent {infoHash} has no metadata yet"),
        EngineArgumentException or UnknownSettingException or ReservedSettingException or ArgumentException =>
            new TorrentClusterException(ClusterErrorCode.InvalidArgument, exception.Message),
        _ => new TorrentClusterException(ClusterErrorCode.EngineFailure, exception.Message),
    };

    /// <summary>Runs an engine call on one torrent in a span of its own and translates what it throws.</summary>
    public static T Call<T>(string infoHash, Func<T> call, [CallerArgumentExpression(nameof(call))] string operation = "") =>
        Invoke(infoHash, call, operation);

    /// <summary>Runs an engine call on one torrent in a span of its own and translates what it throws.</summary>
    public static void Call(string infoHash, Action call, [CallerArgumentExpression(nameof(call))] string operation = "") =>
        Invoke(infoHash, Returning(call), operation);

    /// <summary>Runs an engine call on the whole session (settings) in a span of its own and translates what it throws.</summary>
    public static T CallSession<T>(Func<T> call, [CallerArgumentExpression(nameof(call))] string operation = "") =>
        Invoke(infoHash: null, call, operation);

    /// <summary>Runs an engine call on the whole session (pause, settings) in a span of its own and translates what it throws.</summary>
    public static void CallSession(Action call, [CallerArgumentExpression(nameof(call))] string operation = "") =>
        Invoke(infoHash: null, Returning(call), operation);

    /// <summary>Awaits an asynchronous engine call on one torrent in a span of its own and translates what it throws.</summary>
    public static async Task<T> CallAsync<T>(string infoHash, Func<Task<T>> call, [CallerArgumentExpression(nameof(call))] string operation = "")
    {
        using var activity = Start(infoHash, operation);
        try
        {
            return await call();
        }
        catch (Exception exception) when (IsEngineFailure(exception))
        {
            throw Failed(activity, exception, infoHash);
        }
    }

    private static T Invoke<T>(string? infoHash, Func<T> call, string operation)
    {
        using var activity = Start(infoHash, operation);
        try
        {
            return call();
        }
        catch (Exception exception) when (IsEngineFailure(exception))
        {
            throw Failed(activity, exception, infoHash);
        }
    }

    private static Func<bool> Returning(Action call) => () =>
    {
        call();
        return true;
    };

    // The engine call is the last span of a request's trace: gateway, grain call, then this.
    private static Activity? Start(string? infoHash, string operation)
    {
        var activity = EngineTelemetry.Source.StartActivity($"engine {EngineTelemetry.OperationName(operation)}");
        if (infoHash is not null)
        {
            activity?.SetTag("torrent.info_hash", infoHash);
        }

        return activity;
    }

    private static bool IsEngineFailure(Exception exception) => exception is TorrentEngineException or ArgumentException;

    private static TorrentClusterException Failed(Activity? activity, Exception exception, string? infoHash)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
        return Translate(exception, infoHash);
    }
}
