using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// Refused calls change nothing: an add with a bad parameter leaves no torrent in the engine, a bad tag never
/// reaches the overview, and settings the engine depends on stay as they are.
/// </summary>
public sealed class RefusedChangesTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IDisposable
{
    private readonly LoopbackSeeder _files = new(uploadRateLimit: 0);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Url_seeds_with_an_empty_url_leave_nothing_in_the_engine()
    {
        var (torrentFile, _) = _files.Seed("url-seeds.bin", 64 * 1024, seed: 41);
        var ti = Convert.ToBase64String(torrentFile);
        foreach (var seeds in new[] { new { url_seeds = new[] { "" } }, new { url_seeds = new[] { "not a url" } } })
        {
            var error = await ErrorAsync("torrents.add", new { ti, seeds.url_seeds, paused = true });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
            Assert.Contains("url_seeds[0]", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // Had the engine kept the torrent, this add would be refused as a duplicate (-3).
        var added = await fixture.Host.Rpc.ResultAsync("torrents.add", new { ti, paused = true });
        var v1 = added.GetProperty("info_hash")[0].GetString()!;
        Assert.NotNull(await ListedTorrents.FindAsync(fixture.Host, v1));
        await fixture.Host.Rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { v1 }, remove_data = true });
    }

    [Fact]
    public async Task A_null_or_empty_tag_is_refused_and_the_overview_still_works()
    {
        var (torrentFile, _) = _files.Seed("tags.bin", 64 * 1024, seed: 42);
        var ti = Convert.ToBase64String(torrentFile);
        foreach (var tags in new[] { new[] { "fine", null }, new[] { "" } })
        {
            var error = await ErrorAsync("torrents.add", new { ti, tags, paused = true });
            Assert.Equal(-4, error.GetProperty("code").GetInt32());
            Assert.Contains("tags[", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var overview = await fixture.Host.Rpc.ResultAsync("torrents.overview", new { });
        var session = Assert.Single(overview.GetProperty("sessions").EnumerateObject()).Value;
        Assert.Equal(1, session.GetProperty("torrents_total").GetInt64());
    }

    [Fact]
    public async Task Settings_the_engine_depends_on_are_refused_and_nothing_is_applied()
    {
        var keys = new[] { "alert_mask", "alert_queue_size", "connections_limit" };
        var before = await SettingsAsync(keys);

        var error = await ErrorAsync("sessions.settings.set", new { settings = new Dictionary<string, object> { ["connections_limit"] = 77, ["alert_mask"] = 0 } });
        Assert.Equal(-4, error.GetProperty("code").GetInt32());
        Assert.Contains("alert_mask", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        error = await ErrorAsync("sessions.settings.set", new { settings = new Dictionary<string, object> { ["alert_queue_size"] = 10 } });
        Assert.Equal(-4, error.GetProperty("code").GetInt32());

        Assert.Equal(before, await SettingsAsync(keys));
        Assert.NotEqual("77", before["connections_limit"]);
    }

    private async Task<Dictionary<string, string>> SettingsAsync(string[] keys)
    {
        var settings = (await fixture.Host.Rpc.ResultAsync("sessions.settings.get", new { keys })).GetProperty("settings");
        return settings.EnumerateObject().ToDictionary(setting => setting.Name, setting => setting.Value.GetRawText());
    }

    private async Task<JsonElement> ErrorAsync(string method, object parameters)
    {
        var answer = await fixture.Host.Rpc.CallAsync(method, parameters);
        Assert.False(answer.TryGetProperty("result", out _), $"{method} {JsonSerializer.Serialize(parameters)} should fail, answered {answer}");
        return answer.GetProperty("error").Clone();
    }
}
