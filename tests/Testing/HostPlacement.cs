namespace TorrentCluster.Testing;

/// <summary>
/// Where a process of a test runs: on this machine's loopback, or inside a network namespace of the test's own
/// with an address of its own, as on a separate machine.
/// </summary>
/// <param name="NetworkNamespace">The namespace to run in, or null for this machine's own network.</param>
/// <param name="Address">The address the process listens on and advertises.</param>
public sealed record HostPlacement(string? NetworkNamespace, string Address)
{
    public static HostPlacement Loopback { get; } = new(null, "127.0.0.1");
}
