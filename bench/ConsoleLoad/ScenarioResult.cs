namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// A scenario's loads, the gateway's mean time for the torrents.list calls made meanwhile (the page's live refreshes
/// among them) and their count, and the same call timed from the bench.
/// </summary>
internal sealed record ScenarioResult(string Name, IReadOnlyList<LoadSample> Loads, double? GatewayMeanMs, double GatewayCalls, IReadOnlyList<double> ApiMilliseconds);
