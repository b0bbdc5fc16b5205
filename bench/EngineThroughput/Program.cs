using System.Globalization;
using TorrentCluster.Bench.EngineThroughput;

// Downloads one file over loopback from one bare libtorrent seeder (TCP only, as most seeders a farm meets may be),
// alternating a bare libtorrent downloader and our engine alone in a process of its own, and prints MB/s, peak
// memory and the ratio of the medians. The whole path (embedded host, torrents.add) is bench/Scale's download row.
//   dotnet run -c Release --project bench/EngineThroughput [-- --size-mib 1024 --rounds 3 --json]
// --json: the last line is one JSON object with the figures.
if (args is ["--leech", var torrent, var output, var seederPort])
{
    return await OurDownloader.RunAsync(torrent, output, int.Parse(seederPort, CultureInfo.InvariantCulture));
}

var sizeMib = Option(args, "--size-mib", 1024);
var rounds = Option(args, "--rounds", 3);
var bench = new ThroughputBench(sizeMib, rounds, json: args.Contains("--json"));
await bench.RunAsync();
return 0;

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
