using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Auth;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Each user's current stamp as this gateway last read it from the users grain, so that checking a token costs
/// no cluster call on the hot path. An entry is trusted for <see cref="AuthOptions.StampCacheDuration"/>; a token
/// issued after the entry was read (a login or password change on another replica) is checked at once instead,
/// so new tokens work everywhere without waiting out the window. Concurrent readers share one grain call.
/// </summary>
public sealed class UserStampCache(IGrainFactory grains, IOptions<AuthOptions> options, TimeProvider clock)
{
    // Token times are whole seconds: anything issued within this of a read may be newer than what was read.
    private static readonly TimeSpan IssueTimeResolution = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>True while <paramref name="token"/> carries its user's current stamp.</summary>
    public async ValueTask<bool> IsCurrentAsync(SignedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _entries.TryGetValue(token.Username, out var entry);
        if (entry is not null && clock.GetUtcNow() - entry.ReadAt < options.Value.StampCacheDuration)
        {
            if (!entry.Stamp.IsCompleted)
            {
                return await entry.Stamp == token.Stamp;
            }

            if (entry.Stamp.IsCompletedSuccessfully
                && (entry.Stamp.Result == token.Stamp || token.IssuedAt + IssueTimeResolution <= entry.ReadAt))
            {
                return entry.Stamp.Result == token.Stamp;
            }
        }

        return await Refresh(token.Username, entry).Stamp == token.Stamp;
    }

    /// <summary>Takes a stamp this gateway has just set or read, so that its own tokens follow it at once.</summary>
    public void Set(string username, string stamp) =>
        _entries[username] = new Entry(Task.FromResult<string?>(stamp), clock.GetUtcNow());

    private Entry Refresh(string username, Entry? seen)
    {
        var read = new Task<Task<string?>>(() => grains.GetGrain<IUsersGrain>(0).GetStampAsync(username));
        var fresh = new Entry(read.Unwrap(), clock.GetUtcNow());
        var won = seen is null ? _entries.TryAdd(username, fresh) : _entries.TryUpdate(username, fresh, seen);
        if (!won)
        {
            // Another caller refreshed first: share its read.
            return _entries.TryGetValue(username, out var current) ? current : Refresh(username, null);
        }

        read.Start(TaskScheduler.Default);
        return fresh;
    }

    private sealed record Entry(Task<string?> Stamp, DateTimeOffset ReadAt);
}
