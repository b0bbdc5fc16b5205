using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.EngineThroughput;

/// <summary>
/// The whole path a user takes: the embedded host (silo and gateway in one process, the engine's DEFAULT transport
/// settings, uTP on), the torrent added by <c>torrents.add</c>, the seeder named by <c>torrents.peers.add</c>, and
/// <c>torrents.list</c> polled until the torrent is complete. The host starts before the clock does.
/// </summary>
internal static class WholePathDownloader
{
    // The bare downloader polls its handle every 50 ms: the same cadence here, so neither gains by polling.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<DownloadRun> RunAsync(byte[] torrentFile, long totalSize, string hostFolder, int seederPort)
    {
        await using var host = await HostProcess.StartEmbeddedAsync(hostFolder, new Dictionary<string, string>
        {
            // HostProcess turns uTP off for tests; the benchmark measures the defaults an operator gets.
            ["TorrentCluster__Engine__EnableUtp"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        });

        await WarmUpAsync(host, hostFolder);
        var clock = Stopwatch.StartNew();
        var added = await host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) });
        var infoHash = added.GetProperty("info_hash");
        var v1 = infoHash[0].GetString();
        var addSeconds = clock.Elapsed.TotalSeconds;
        await host.Rpc.ResultAsync("torrents.peers.add", new { info_hash = infoHash, peers = new object[] { new object[] { "127.0.0.1", seederPort } } });
        var peersAddedSeconds = clock.Elapsed.TotalSeconds;
        while (!await IsCompleteAsync(host.Rpc, v1))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("the whole path did not finish the download within 10 minutes:\n" + host.Output);
            }

            await Task.Delay(PollInterval);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole path: torrents.add answered at {addSeconds:0.000} s, torrents.peers.add at {peersAddedSeconds:0.000} s, complete in torrents.list at {seconds:0.000} s"));
        var peakKib = PeakResidentKib(host.ProcessId);
        await host.StopAsync();
        return new DownloadRun(seconds, totalSize / seconds / 1e6, peakKib / 1024.0);
    }

    // A host that has served calls before, as an operator's has: the first add of a fresh process pays for JIT
    // compilation and first activations (about a second on this machine), which says nothing about a download.
    private static async Task WarmUpAsync(HostProcess host, string hostFolder)
    {
        var file = Path.Combine(hostFolder, "warm-up", "warm-up.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        TestFiles.CreateRandom(file, 256 * 1024, seed: 2);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = file, Version = TorrentVersion.V1 });
        var added = await host.Rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), paused = true });
        await host.Rpc.ResultAsync("torrents.peers.add", new { info_hash = added.GetProperty("info_hash"), peers = new object[] { new object[] { "127.0.0.1", 9 } } });
        await host.Rpc.ResultAsync("torrents.list", new { });
    }

    private static async Task<bool> IsCompleteAsync(JsonRpcClient rpc, string? v1)
    {
        var list = await rpc.ResultAsync("torrents.list", new { });
        foreach (var torrent in list.GetProperty("torrents").EnumerateArray())
        {
            if (torrent.GetProperty("info_hash")[0].GetString() == v1)
            {
                return torrent.GetProperty("progress").GetSingle() >= 1.0f;
            }
        }

        return false;
    }

    private static long PeakResidentKib(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
