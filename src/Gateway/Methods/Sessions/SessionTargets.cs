using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.Cluster;

namespace TorrentCluster.Gateway.Methods.Sessions;

/// <summary>
/// The sessions a call names: Porla's <c>name</c> picks one silo's engine, none picks every silo's. The methods
/// that change sessions (pause, resume, settings) share this instead of a base class.
/// </summary>
internal static class SessionTargets
{
    /// <summary>Does <paramref name="apply"/> to the named silo, or to every active silo at once.</summary>
    public static async Task ForEachAsync(SiloDirectory silos, string? name, Func<ISiloGrain, Task> apply)
    {
        var targets = await silos.SelectAsync(name);
        await Task.WhenAll(targets.Select(entry => apply(entry.Silo)));
    }
}
