namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Carries a torrent's home silo from the catalog to placement: the catalog sets it in the request context of the
/// activating call, <see cref="BalancedTorrentPlacementDirector"/> reads it.
/// </summary>
internal static class HomeSilo
{
    public const string RequestContextKey = "torrentcluster.home";

    /// <summary>Runs a grain call with the home silo in its request context.</summary>
    public static async Task<T> CallAsync<T>(string? home, Func<Task<T>> call)
    {
        if (home is null)
        {
            return await call();
        }

        RequestContext.Set(RequestContextKey, home);
        try
        {
            return await call();
        }
        finally
        {
            RequestContext.Remove(RequestContextKey);
        }
    }
}
