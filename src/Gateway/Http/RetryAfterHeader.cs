using System.Globalization;

namespace TorrentCluster.Gateway.Http;

/// <summary><c>Retry-After</c> in whole seconds, rounded up so that a client that obeys it is not refused again.</summary>
public static class RetryAfterHeader
{
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
