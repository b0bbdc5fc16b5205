using System.Diagnostics;
using System.Globalization;
using TorrentCluster.Abstractions.Fleet;
using TorrentCluster.Abstractions.Torrents;

// fleet.peers.summary's work at fleet scale, through the code the silos and the gateway run: three silos each
// summarise their share of 10,000 torrents' peer snapshots (in parallel, as the silos do), the gateway merges and
// takes the top groups. Peers are recorded-style snapshots: 12 per torrent from 600 clients and 30,000 addresses.
//   dotnet run -c Release --project bench/FleetSummary [-- --torrents 10000 --peers 12 --rounds 20]
var torrents = Option(args, "--torrents", 10_000);
var peersPerTorrent = Option(args, "--peers", 12);
var rounds = Option(args, "--rounds", 20);

var silos = Enumerable.Range(0, 3).Select(silo => Snapshot(silo, torrents / 3, peersPerTorrent)).ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{torrents} torrents, {silos.Sum(s => s.Count)} peers on 3 silos"));
foreach (var grouping in PeerGroupings.All)
{
    var times = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        var clock = Stopwatch.StartNew();
        var parts = await Task.WhenAll(silos.Select(peers => Task.Run(() => PeerAggregation.Summarize(peers, grouping))));
        var merged = PeerAggregation.Merge(parts);
        _ = merged.Groups.OrderByDescending(group => group.Connections).Take(10).ToList();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"group_by {PeerGroupings.NameOf(grouping),-8} median {times[times.Count / 2],7:0.0} ms   worst {times[^1],7:0.0} ms"));
}

static List<FleetPeer> Snapshot(int silo, int torrents, int peersPerTorrent)
{
    var random = new Random(silo);
    var peers = new List<FleetPeer>(torrents * peersPerTorrent);
    for (var t = 0; t < torrents; t++)
    {
        var infoHash = new InfoHashPair(Convert.ToHexStringLower(BitConverter.GetBytes(((long)silo << 40) | (long)t)).PadLeft(40, '0'), null);
        for (var p = 0; p < peersPerTorrent; p++)
        {
            var address = $"10.{random.Next(0, 4)}.{random.Next(0, 30)}.{random.Next(0, 250)}";
            peers.Add(new FleetPeer(
                new PeerDetails
                {
                    Client = $"client-{random.Next(0, 600)}/1.{random.Next(0, 9)}",
                    Ip = new PeerEndpoint(address, random.Next(1024, 65535)),
                    LocalEndpoint = new PeerEndpoint("192.0.2.10", 6881),
                    DownSpeed = random.Next(0, 1_000_000),
                    UpSpeed = random.Next(0, 1_000_000),
                    TotalDownload = random.NextInt64(0, 1L << 34),
                    TotalUpload = random.NextInt64(0, 1L << 34),
                    Progress = (float)random.NextDouble(),
                },
                infoHash,
                $"silo-{silo}"));
        }
    }

    return peers;
}

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
