using TorrentCluster.Gateway.Auth;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// What <c>GET /api/v1/system</c> costs the cluster: anyone may ask it as often as they like, and the users grain
/// hears of it at most once a window, and never again once a user exists.
/// </summary>
public sealed class UserExistenceTests
{
    private readonly ScriptedUsersGrain _users = new();
    private readonly SteppedClock _clock = new();

    private UserExistence Existence() => new(new InMemoryGrainFactory(_users), _clock);

    [Fact]
    public async Task Concurrent_askers_share_one_grain_call_and_a_no_is_kept_for_the_window()
    {
        var existence = Existence();

        var askers = Enumerable.Range(0, 100).Select(_ => existence.AnyAsync()).ToList();
        _users.Answer(false);
        var answers = await Task.WhenAll(askers);
        var withinWindow = await existence.AnyAsync();

        Assert.All(answers, Assert.False);
        Assert.False(withinWindow);
        Assert.Equal(1, _users.AnyCalls);
    }

    [Fact]
    public async Task A_no_is_asked_again_after_the_window_and_a_yes_is_kept_for_good()
    {
        var existence = Existence();
        _users.Answer(false);
        Assert.False(await existence.AnyAsync());

        _clock.Advance(UserExistence.NoAnswerDuration);
        _users.Reset();
        _users.Answer(true);
        Assert.True(await existence.AnyAsync());
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await existence.AnyAsync());

        Assert.Equal(2, _users.AnyCalls);
    }

    [Fact]
    public async Task A_failed_read_is_not_kept()
    {
        var existence = Existence();
        _users.Fail();
        await Assert.ThrowsAsync<TimeoutException>(existence.AnyAsync);

        _users.Reset();
        _users.Answer(true);

        Assert.True(await existence.AnyAsync());
        Assert.Equal(2, _users.AnyCalls);
    }

    [Fact]
    public async Task The_first_user_created_here_is_known_at_once_without_a_grain_call()
    {
        var existence = Existence();
        _users.Answer(false);
        Assert.False(await existence.AnyAsync());

        existence.Created();

        Assert.True(await existence.AnyAsync());
        Assert.Equal(1, _users.AnyCalls);
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
