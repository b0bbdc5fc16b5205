using System.Collections.Concurrent;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Tokens whose signature this gateway has checked, until they expire: a client sends the same token with every
/// call, and parsing it and checking its HMAC again is most of what authenticating a call costs. Only tokens that
/// passed the check get in, so filling it takes logins (rate-limited and hashed), and it is bounded anyway: when
/// full it starts again empty. Revocation is not decided here: every call still asks <see cref="UserStampCache"/>.
/// </summary>
public sealed class VerifiedTokens
{
    /// <summary>The most tokens kept: far more clients than one gateway serves at once.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public VerifiedTokens(TimeProvider clock)
    {
        _clock = clock;
        _entries = new(StringComparer.Ordinal);
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly TimeProvider _clock;

    /// <summary>What a checked, unexpired token says; null when it was not checked here or has expired since.</summary>
    public SignedToken? Find(string token) => Find(token.AsSpan());

    /// <summary>The same, for a token still inside the header that carried it.</summary>
    public SignedToken? Find(ReadOnlySpan<char> token)
    {
        if (!_bySpan.TryGetValue(token, out var entry))
        {
            return null;
        }

        if (_clock.GetUtcNow() < entry.Expires)
        {
            return entry.Signed;
        }

        if (_bySpan.TryRemove(token, out _, out _))
        {
            Interlocked.Decrement(ref _count);
        }

        return null;
    }

    /// <summary>Keeps a token that has just passed the signature, issuer and lifetime checks.</summary>
    public void Add(string token, SignedToken claims, DateTimeOffset expires)
    {
        if (Volatile.Read(ref _count) >= Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (_entries.TryAdd(token, new Entry(claims, expires)))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private sealed record Entry(SignedToken Signed, DateTimeOffset Expires);
}
