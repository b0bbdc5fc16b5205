using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using TorrentCluster.Security.Tests.Corpus;
using TorrentCluster.Security.Tests.Fuzzing;

namespace TorrentCluster.Security.Tests.Probing;

/// <summary>
/// Sends a corpus through <c>torrents.add</c> a few inputs at a time and keeps the info-hashes of those the host
/// accepted, so the test can look at what they did on disk and then remove them.
/// </summary>
public sealed class TorrentsAddSender(RpcProbe probe)
{
    private const int Concurrency = 3;

    public ConcurrentBag<JsonElement> Added { get; } = [];

    /// <summary>Each .torrent as base64 <c>ti</c>, started (not paused) so the engine lays out its files at once.</summary>
    public Task<TimeSpan> SendTorrentFilesAsync(IEnumerable<HostileInput> inputs, ProbeTally tally) =>
        SendAsync(inputs, input => Params(("ti", JsonText.Quote(Convert.ToBase64String(input.Bytes))), ("paused", "false")), tally);

    /// <summary>Each magnet link, paused: a hostile magnet's trackers and peers are never contacted.</summary>
    public Task<TimeSpan> SendMagnetLinksAsync(IEnumerable<HostileInput> inputs, ProbeTally tally) =>
        SendAsync(inputs, input => Params(("magnet_uri", JsonText.Quote(System.Text.Encoding.UTF8.GetString(input.Bytes))), ("paused", "true")), tally);

    private async Task<TimeSpan> SendAsync(IEnumerable<HostileInput> inputs, Func<HostileInput, string> parameters, ProbeTally tally)
    {
        var started = Stopwatch.StartNew();
        var id = 0;
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (input, _) =>
        {
            var call = JsonText.Members([("jsonrpc", "\"2.0\""), ("id", Interlocked.Increment(ref id).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("method", "\"torrents.add\""), ("params", parameters(input))]);
            var answer = await probe.PostAsync(JsonText.Utf8(call), "application/json", tally, input.ToString());
            if (answer is { Crash: null, Status: 200 })
            {
                using var document = JsonDocument.Parse(answer.Body);
                if (document.RootElement.TryGetProperty("result", out var result) && result.TryGetProperty("info_hash", out var infoHash))
                {
                    Added.Add(infoHash.Clone());
                }
            }
        });
        return started.Elapsed;
    }

    private static string Params(params (string Key, string Value)[] members) => JsonText.Members(members);
}
