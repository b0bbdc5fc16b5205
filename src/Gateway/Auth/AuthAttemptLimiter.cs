using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Rations password guesses with the rate limiters ASP.NET Core's rate-limiting middleware is built on: fixed
/// windows per client address and per user name. The middleware itself cannot do it: the user name is inside the
/// body, and the JSON-RPC endpoint serves every method, so the auth methods ask here once they have read it.
/// Every gateway replica counts on its own.
/// </summary>
public sealed class AuthAttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byUser;

    public AuthAttemptLimiter(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
        _byAddress = Create(settings.AttemptsPerAddress, settings.AttemptWindow);
        _byUser = Create(settings.AttemptsPerUser, settings.AttemptWindow);
    }

    /// <summary>Counts one attempt; throws <see cref="JsonRpcErrorCodes.TooManyAttempts"/> with its <c>Retry-After</c> past a limit.</summary>
    public void Count(AuthClient client, string? username)
    {
        ArgumentNullException.ThrowIfNull(client);
        Take(_byAddress, client.AddressKey, "this address");
        if (username is not null)
        {
            Take(_byUser, username, "this user");
        }
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byUser.Dispose();
    }

    private static void Take(PartitionedRateLimiter<string> limiter, string key, string who)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        throw new JsonRpcException(JsonRpcErrorCodes.TooManyAttempts, "Too many attempts",
            $"too many login attempts for {who}; try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s") { RetryAfter = retryAfter };
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }), StringComparer.Ordinal);
}
