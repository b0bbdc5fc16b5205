using System.Globalization;
using System.Net;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// Separate machines on one box: each node is a Linux network namespace with its own address, plugged into a
/// bridge that lives in a hub namespace of the test's own. The test process itself is one more host on that
/// bridge (<see cref="HostAddress"/>), where seeders and trackers listen. Addresses come from 198.18.0.0/15, the
/// range set aside for network tests; no namespace has a default route, so nothing is routed beyond the bridge.
/// Faults are made the way they happen between machines: a node unplugged from the bridge (its process keeps
/// running and its sockets stay open: a partition), packets between two nodes dropped silently (nftables), or a
/// link that delays and loses packets (<see cref="LinkImpairment"/>).
/// </summary>
public sealed class TestNetwork : IDisposable
{
    private const string NamespacePrefix = "tcnet-";
    private static int s_instances;

    private readonly string _name;
    private readonly string _hub;
    private readonly string _hostPort;
    private readonly int _subnet;
    private readonly List<NetworkNode> _nodes = [];
    private readonly List<LinkImpairment> _impairments = [];

    private TestNetwork(int instance)
    {
        _name = string.Create(CultureInfo.InvariantCulture, $"{NamespacePrefix}{Environment.ProcessId}-{instance}");
        _hub = _name + "-hub";
        _subnet = instance % 250;

        // Interface names in this process's own namespace must be unique on the machine and at most 15 characters.
        _hostPort = string.Create(CultureInfo.InvariantCulture, $"tn{Environment.ProcessId}r{instance}");
    }

    /// <summary>The test process's own address on the bridge: seeders and trackers of the test listen here.</summary>
    public IPAddress HostAddress => Address(1);

    /// <summary>The hub's address: impaired links route through it.</summary>
    internal IPAddress RouterAddress => Address(254);

    internal string HubNamespace => _hub;

    public IReadOnlyList<NetworkNode> Nodes => _nodes;

    /// <summary>Creates the hub, its bridge and the test process's port on it.</summary>
    public static TestNetwork Create()
    {
        HostCommand.RequireRoot();
        RemoveAbandoned();
        var network = new TestNetwork(Interlocked.Increment(ref s_instances));
        try
        {
            network.CreateHub();
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return network;
    }

    /// <summary>Adds a machine named <paramref name="name"/> with the next free address on the bridge.</summary>
    public NetworkNode AddNode(string name)
    {
        var index = _nodes.Count + 10;
        var node = new NetworkNode(name, $"{_name}-{name}", Address(index), string.Create(CultureInfo.InvariantCulture, $"p{index}"));
        HostCommand.Run("ip", "netns", "add", node.Namespace);
        _nodes.Add(node);
        HostCommand.Run("ip", "-n", _hub, "link", "add", node.BridgePort, "type", "veth", "peer", "name", "eth0", "netns", node.Namespace);
        HostCommand.Run("ip", "-n", _hub, "link", "set", node.BridgePort, "master", "br0", "up");
        HostCommand.Run("ip", "-n", node.Namespace, "addr", "add", $"{node.Address}/24", "dev", "eth0");
        HostCommand.Run("ip", "-n", node.Namespace, "link", "set", "eth0", "up");
        HostCommand.Run("ip", "-n", node.Namespace, "link", "set", "lo", "up");
        Sysctl(node.Namespace, "net.ipv4.conf.all.rp_filter", "0");
        // As docs/reliability.md asks of silo and gateway hosts: a connection whose data goes unacknowledged is given
        // up after seconds, not Linux's default of about 15 minutes, so a silo cut off from a gateway stops
        // routing that gateway's answers into the dead connection.
        Sysctl(node.Namespace, "net.ipv4.tcp_retries2", "5");
        return node;
    }

    /// <summary>
    /// Unplugs <paramref name="node"/> from the bridge: its link stays up and its processes keep running, but no
    /// packet reaches it or leaves it, and nobody is told (no reset, no unreachable), as when a machine's switch
    /// port dies or its VM freezes.
    /// </summary>
    public void Partition(NetworkNode node) => HostCommand.Run("ip", "-n", _hub, "link", "set", node.BridgePort, "nomaster");

    /// <summary>Plugs a partitioned node back into the bridge.</summary>
    public void Heal(NetworkNode node) => HostCommand.Run("ip", "-n", _hub, "link", "set", node.BridgePort, "master", "br0");

    /// <summary>Drops every packet between <paramref name="a"/> and <paramref name="b"/>, both ways, silently.</summary>
    public void Cut(NetworkNode a, NetworkNode b)
    {
        Require(a);
        Require(b);
        DropFrom(a, b.Address);
        DropFrom(b, a.Address);
    }

    /// <summary>Undoes <see cref="Cut"/>.</summary>
    public void Restore(NetworkNode a, NetworkNode b)
    {
        Require(a);
        Require(b);
        HostCommand.Run("ip", "netns", "exec", a.Namespace, "nft", "flush", "ruleset");
        HostCommand.Run("ip", "netns", "exec", b.Namespace, "nft", "flush", "ruleset");
    }

    /// <summary>
    /// Delays by <paramref name="delay"/> and drops with probability <paramref name="loss"/> every packet between
    /// <paramref name="node"/> and each of <paramref name="peers"/>, in both directions, until the network is disposed.
    /// </summary>
    public LinkImpairment Impair(NetworkNode node, IReadOnlyList<NetworkNode> peers, TimeSpan delay, double loss)
    {
        var impairment = LinkImpairment.Start(this, node, peers, delay, loss, _impairments.Count);
        _impairments.Add(impairment);
        return impairment;
    }

    public void Dispose()
    {
        foreach (var impairment in _impairments)
        {
            impairment.Dispose();
        }

        // Deleting a namespace destroys its interfaces, and with them their veth peers: the bridge ports, the
        // nodes' links and this process's port go with the namespaces.
        foreach (var node in _nodes)
        {
            HostCommand.Try("ip", "netns", "del", node.Namespace);
        }

        HostCommand.Try("ip", "netns", "del", _hub);
        HostCommand.Try("ip", "link", "del", _hostPort);
    }

    private void CreateHub()
    {
        HostCommand.Run("ip", "netns", "add", _hub);
        HostCommand.Run("ip", "-n", _hub, "link", "add", "br0", "type", "bridge");
        HostCommand.Run("ip", "-n", _hub, "addr", "add", $"{RouterAddress}/24", "dev", "br0");
        HostCommand.Run("ip", "-n", _hub, "link", "set", "br0", "up");
        HostCommand.Run("ip", "-n", _hub, "link", "set", "lo", "up");

        // The hub forwards only between the bridge and impaired links' devices: it has no other route.
        Sysctl(_hub, "net.ipv4.ip_forward", "1");
        Sysctl(_hub, "net.ipv4.conf.all.rp_filter", "0");
        Sysctl(_hub, "net.ipv4.conf.all.send_redirects", "0");

        HostCommand.Run("ip", "link", "add", _hostPort, "type", "veth", "peer", "name", "host", "netns", _hub);
        HostCommand.Run("ip", "-n", _hub, "link", "set", "host", "master", "br0", "up");
        HostCommand.Run("ip", "addr", "add", $"{HostAddress}/24", "dev", _hostPort);
        HostCommand.Run("ip", "link", "set", _hostPort, "up");
    }

    private void Require(NetworkNode node)
    {
        if (!_nodes.Contains(node))
        {
            throw new ArgumentException($"{node.Name} is not a node of this network", nameof(node));
        }
    }

    private static void DropFrom(NetworkNode node, IPAddress peer)
    {
        HostCommand.Run("ip", "netns", "exec", node.Namespace, "nft", "add", "table", "inet", "cut");
        HostCommand.Run("ip", "netns", "exec", node.Namespace, "nft", "add", "chain", "inet", "cut", "in", "{ type filter hook input priority 0; }");
        HostCommand.Run("ip", "netns", "exec", node.Namespace, "nft", "add", "chain", "inet", "cut", "out", "{ type filter hook output priority 0; }");
        HostCommand.Run("ip", "netns", "exec", node.Namespace, "nft", "add", "rule", "inet", "cut", "in", "ip", "saddr", peer.ToString(), "drop");
        HostCommand.Run("ip", "netns", "exec", node.Namespace, "nft", "add", "rule", "inet", "cut", "out", "ip", "daddr", peer.ToString(), "drop");
    }

    internal static void Sysctl(string networkNamespace, string key, string value) =>
        HostCommand.Run("ip", "netns", "exec", networkNamespace, "sysctl", "-qw", $"{key}={value}");

    private IPAddress Address(int host) => IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"198.18.{_subnet}.{host}"));

    // A test process that was killed leaves its namespaces behind; their names carry its process id.
    private static void RemoveAbandoned()
    {
        foreach (var line in HostCommand.Run("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[0];
            if (!name.StartsWith(NamespacePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var owner = name[NamespacePrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
            {
                HostCommand.Try("ip", "netns", "del", name);
            }
        }
    }
}
