namespace TorrentCluster.Bench.Scale;

/// <summary>One row of the table: what was measured, our figure, the anchor's in the same run, the target, and whether it is met.</summary>
internal sealed record Figure(string Name, string Ours, string Anchor, string Target, bool? Met);
