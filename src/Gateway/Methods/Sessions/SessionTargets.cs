using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// The sessions a call names: Porla's <c>name</c> picks one silo's engine, none picks every silo's. The methods
/// of the <c>sessions.*</c> area share this instead of a base class.
/// </summary>
internal static class SessionTargets
{
    /// <summary>
    /// The named silo, or every active silo when <paramref name="name"/> is null. An unknown name is Porla's
    /// sessions.* answer, -1 "Session not found" (its torrents.add says -10 for the same, and so do we there).
    /// </summary>
    public static async Task<IReadOnlyList<(ISiloGrain Silo, SiloSummary Summary)>> SelectAsync(SiloDirectory silos, string? name)
    {
        try
        {
            return await silos.SelectAsync(name);
        }
        catch (JsonRpcException error) when (error.Code == JsonRpcErrorCodes.SiloNotFound)
        {
            throw new JsonRpcException(JsonRpcErrorCodes.SessionNotFound, error.Message, error.Detail);
        }
    }

    /// <summary>Does <paramref name="apply"/> to the named silo, or to every active silo at once.</summary>
    public static async Task ForEachAsync(SiloDirectory silos, string? name, Func<ISiloGrain, Task> apply)
    {
        var targets = await SelectAsync(silos, name);
        await Task.WhenAll(targets.Select(entry => apply(entry.Silo)));
    }
}
