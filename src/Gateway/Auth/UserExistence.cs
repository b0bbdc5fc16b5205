using TorrentCluster.Abstractions.Auth;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Whether the first user exists, for <c>GET /api/v1/system</c>, which anyone may ask as often as they like (the web
/// UI asks on every page load). Users are never removed, so a "yes" is kept for good; a "no" is kept for
/// <see cref="NoAnswerDuration"/>, and callers in that window share one grain call, so a storm of anonymous
/// requests costs the users grain at most one call per window.
/// </summary>
public sealed class UserExistence(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan NoAnswerDuration = TimeSpan.FromSeconds(1);

    private volatile bool _exists;
    private Read? _last;

    public async Task<bool> AnyAsync()
    {
        if (_exists)
        {
            return true;
        }

        var last = Volatile.Read(ref _last);
        if (last is null || (last.Answer.IsCompleted && (!last.Answer.IsCompletedSuccessfully || clock.GetUtcNow() - last.At >= NoAnswerDuration)))
        {
            var fresh = new Read(grains.GetGrain<IUsersGrain>(0).AnyAsync(), clock.GetUtcNow());
            last = Interlocked.CompareExchange(ref _last, fresh, last) == last ? fresh : Volatile.Read(ref _last)!;
        }

        var exists = await last.Answer;
        if (exists)
        {
            _exists = true;
        }

        return exists;
    }

    /// <summary>This gateway has just created the first user: say so at once, without waiting out a cached "no".</summary>
    public void Created() => _exists = true;

    private sealed record Read(Task<bool> Answer, DateTimeOffset At);
}
