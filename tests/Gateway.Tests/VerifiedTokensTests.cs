using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.Auth;
using Xunit;

namespace TorrentCluster.Gateway.Tests;

/// <summary>
/// Tokens are checked once and remembered, but a remembered token must never outlive its expiry, a token this
/// cluster did not sign must never be remembered, and the memory is bounded.
/// </summary>
public sealed class VerifiedTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var clock = new ManualClock(Start);
        var tokens = new TokenService(Options.Create(new AuthOptions { Secret = new string('k', 48), TokenLifetime = TimeSpan.FromMinutes(10) }), clock);
        var token = tokens.Issue("admin", "stamp-1");

        Assert.Equal("admin", (await tokens.ReadAsync(token))?.Username);
        clock.Now = Start + TimeSpan.FromMinutes(9);
        Assert.Equal("stamp-1", (await tokens.ReadAsync(token))?.Stamp);
        clock.Now = Start + TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1);
        Assert.Null(await tokens.ReadAsync(token));
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused_every_time()
    {
        var clock = new ManualClock(Start);
        var ours = new TokenService(Options.Create(new AuthOptions { Secret = new string('k', 48) }), clock);
        var foreign = new TokenService(Options.Create(new AuthOptions { Secret = new string('x', 48) }), clock).Issue("admin", "stamp-1");

        Assert.Null(await ours.ReadAsync(foreign));
        Assert.Null(await ours.ReadAsync(foreign));
        Assert.NotNull(await ours.ReadAsync(ours.Issue("admin", "stamp-1")));
    }

    [Fact]
    public void The_memory_holds_at_most_its_capacity()
    {
        var clock = new ManualClock(Start);
        var verified = new VerifiedTokens(clock);
        var claims = new SignedToken("admin", "stamp-1", Start);
        for (var i = 0; i <= VerifiedTokens.Capacity; i++)
        {
            verified.Add($"token-{i}", claims, Start + TimeSpan.FromHours(1));
        }

        // Full at the last add: it started again empty, so the oldest is forgotten and the newest kept.
        Assert.Null(verified.Find("token-0"));
        Assert.NotNull(verified.Find($"token-{VerifiedTokens.Capacity}"));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
