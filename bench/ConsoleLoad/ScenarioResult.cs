namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>A scenario's loads and the same torrents.list call timed from the bench.</summary>
internal sealed record ScenarioResult(string Name, IReadOnlyList<LoadSample> Loads, IReadOnlyList<double> ApiMilliseconds);
