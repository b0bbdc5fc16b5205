using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// A slow, lossy link between one node and some of its peers, made in user space because this machine's kernel
/// has no netem: the node's packets to those peers are routed into a TUN device of this process, and the peers'
/// packets to the node go to the hub, which routes them into a second TUN device. This process carries packets
/// between the two devices, each one late by the delay and lost with the given probability, in both directions.
/// Other traffic of the node (to the test process, to other nodes) is untouched.
/// </summary>
public sealed class LinkImpairment : IDisposable
{
    private readonly TunDevice _nodeSide;
    private readonly TunDevice _hubSide;
    private readonly TimeSpan _delay;
    private readonly double _loss;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private long _carried;
    private long _dropped;

    private LinkImpairment(TunDevice nodeSide, TunDevice hubSide, TimeSpan delay, double loss)
    {
        _nodeSide = nodeSide;
        _hubSide = hubSide;
        _delay = delay;
        _loss = loss;
    }

    /// <summary>Packets carried so far.</summary>
    public long Carried => Interlocked.Read(ref _carried);

    /// <summary>Packets dropped so far.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    internal static LinkImpairment Start(TestNetwork network, NetworkNode node, IReadOnlyList<NetworkNode> peers, TimeSpan delay, double loss, int index)
    {
        var suffix = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId % 100_000}{index}");
        var nodeSide = TunDevice.Create($"tl{suffix}n");
        var hubSide = TunDevice.Create($"tl{suffix}h");
        var impairment = new LinkImpairment(nodeSide, hubSide, delay, loss);
        try
        {
            HostCommand.Run("ip", "link", "set", nodeSide.Name, "netns", node.Namespace);
            HostCommand.Run("ip", "-n", node.Namespace, "link", "set", nodeSide.Name, "up");
            HostCommand.Run("ip", "link", "set", hubSide.Name, "netns", network.HubNamespace);
            HostCommand.Run("ip", "-n", network.HubNamespace, "link", "set", hubSide.Name, "up");
            TestNetwork.Sysctl(node.Namespace, $"net.ipv4.conf.{nodeSide.Name}.rp_filter", "0");
            TestNetwork.Sysctl(network.HubNamespace, $"net.ipv4.conf.{hubSide.Name}.rp_filter", "0");

            // Node to peers: into the node's device. Peers to node: to the hub, which sends it into its device.
            HostCommand.Run("ip", "-n", network.HubNamespace, "route", "add", $"{node.Address}/32", "dev", hubSide.Name);
            foreach (var peer in peers)
            {
                HostCommand.Run("ip", "-n", node.Namespace, "route", "add", $"{peer.Address}/32", "dev", nodeSide.Name, "src", node.Address.ToString());
                HostCommand.Run("ip", "-n", peer.Namespace, "route", "add", $"{node.Address}/32", "via", network.RouterAddress.ToString());
            }

            impairment.Carry(nodeSide, hubSide);
            impairment.Carry(hubSide, nodeSide);
        }
        catch
        {
            impairment.Dispose();
            throw;
        }

        return impairment;
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _nodeSide.Dispose();
        _hubSide.Dispose();
        _stop.Dispose();
    }

    // One reader and one writer thread per direction: the reader stamps each packet with the time it is due,
    // the writer hands it over then. The delay is the same for every packet, so order is kept.
    private void Carry(TunDevice from, TunDevice to)
    {
        var due = new BlockingCollection<(long DueTicks, byte[] Packet)>(boundedCapacity: 100_000);
        var reader = new Thread(() =>
        {
            var buffer = new byte[65_536];
            while (!_stop.IsCancellationRequested)
            {
                var length = from.Read(buffer, timeoutMilliseconds: 100);
                if (length == 0)
                {
                    continue;
                }

                if (Random.Shared.NextDouble() < _loss)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }

                if (!due.TryAdd((Stopwatch.GetTimestamp() + (long)(_delay.TotalSeconds * Stopwatch.Frequency), buffer[..length])))
                {
                    Interlocked.Increment(ref _dropped);
                }
            }

            due.CompleteAdding();
        }) { IsBackground = true, Name = $"link {from.Name} reader" };
        var writer = new Thread(() =>
        {
            foreach (var (dueTicks, packet) in due.GetConsumingEnumerable())
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueTicks);
                if (wait > TimeSpan.Zero)
                {
                    Thread.Sleep(wait);
                }

                to.Write(packet);
                Interlocked.Increment(ref _carried);
            }
        }) { IsBackground = true, Name = $"link {from.Name} writer" };
        _threads.Add(reader);
        _threads.Add(writer);
        reader.Start();
        writer.Start();
    }
}
