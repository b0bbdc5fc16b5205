using System.Globalization;
using TorrentCluster.Bench.PeersThroughput;

// wrk against torrents.peers.list on the embedded host (auth on, a real token) and against Transmission's
// torrent-get with the peers field, one torrent with one live peer each, in the same run.
//   dotnet run -c Release --project bench/PeersThroughput [-- --threads 2 --connections 64 --seconds 10 --rounds 1]
// The last line is one JSON object with both rates and p99 latencies (for bench/scale/peers.sh and bench/Scale).
var options = new WrkOptions(
    Option(args, "--threads", 2),
    Option(args, "--connections", 64),
    Option(args, "--seconds", 10));
await new PeersBench(options, Option(args, "--rounds", 1)).RunAsync();
return 0;

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
