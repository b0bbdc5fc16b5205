namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// How a cold load gets the console's page: as the gateway serves it, or through the bench with its module preloads
/// kept or removed.
/// </summary>
internal enum ModulePreloadLinks
{
    Served,
    Kept,
    Removed,
}
