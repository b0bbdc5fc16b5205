using System.Diagnostics;
using System.Globalization;
using System.Net;
using TorrentCluster.Engine;
using TorrentCluster.Testing;

namespace TorrentCluster.Bench.EngineThroughput;

/// <summary>Our engine as a downloader, in a process of its own so its peak memory is its own.</summary>
internal static class OurDownloader
{
    public static async Task<int> RunAsync(string torrentPath, string output, int seederPort)
    {
        var torrentFile = await File.ReadAllBytesAsync(torrentPath);
        using var engine = LoopbackEngine.Create(FreePort.Next());
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.TorrentFinished += (_, _) => finished.TrySetResult();

        var clock = Stopwatch.StartNew();
        using var torrent = await engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = output });
        torrent.ConnectPeer(new IPEndPoint(IPAddress.Loopback, seederPort));
        await finished.Task.WaitAsync(TimeSpan.FromMinutes(10));
        var seconds = clock.Elapsed.TotalSeconds;

        var size = TorrentMetadata.Parse(torrentFile).TotalSize;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} {size / seconds / 1e6:0.0} {PeakResidentKib()}"));
        return 0;
    }

    private static long PeakResidentKib()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
