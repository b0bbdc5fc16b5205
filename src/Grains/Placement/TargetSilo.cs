namespace TorrentCluster.Grains.Placement;

/// <summary>
/// Carries the silo to place a torrent on from the caller to placement: the catalog names the torrent's home silo,
/// the intake names the silo a caller chose (Porla's session). The caller sets it in the request context of the
/// activating call, <see cref="BalancedTorrentPlacementDirector"/> reads it.
/// </summary>
internal static class TargetSilo
{
    // The value stays what it was when this was called the home silo, so silos of either version understand it.
    public const string RequestContextKey = "torrentcluster.home";

    /// <summary>Runs a grain call with the target silo in its request context; a null silo lets placement decide.</summary>
    public static async Task<T> CallAsync<T>(string? silo, Func<Task<T>> call)
    {
        if (silo is null)
        {
            return await call();
        }

        RequestContext.Set(RequestContextKey, silo);
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
