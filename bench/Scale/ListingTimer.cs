namespace TorrentCluster.Bench.Scale;

/// <summary>Times <c>torrents.list</c>, a page of 50, one call at a time after a few calls to warm up.</summary>
internal static class ListingTimer
{
    public const int Warmup = 3;
    public const int Rounds = 20;

    public static async Task<IReadOnlyList<double>> TimeAsync(ScaleRpc rpc, object parameters, long expectedTotal, CancellationToken cancellation)
    {
        var answer = await rpc.CallAsync("torrents.list", parameters, cancellation);
        var total = answer.GetProperty("torrents_total").GetInt64();
        var page = answer.GetProperty("torrents").GetArrayLength();
        if (total != expectedTotal || page != Math.Min(50, expectedTotal))
        {
            throw new BenchStepException($"torrents.list shows {total} torrents ({page} on the page), {expectedTotal} were added");
        }

        for (var i = 1; i < Warmup; i++)
        {
            await rpc.CallAsync("torrents.list", parameters, cancellation);
        }

        var milliseconds = new List<double>(Rounds);
        for (var i = 0; i < Rounds; i++)
        {
            milliseconds.Add(await rpc.TimeCallAsync("torrents.list", parameters, cancellation));
        }

        return milliseconds;
    }

    public static readonly object DefaultOrder = new { page_size = 50 };

    public static readonly object NameDescending = new { page_size = 50, order_by = "name", order_by_dir = "desc" };
}
