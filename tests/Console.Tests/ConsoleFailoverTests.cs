using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// A fleet of its own for the tests that break it: killing a silo, and a logout (which revokes every token of the
/// user). The shared fleet's other tests need two live silos and a valid token whatever order they run in.
/// Torrents move as soon as their home is declared dead (no rehome grace), as FailoverTests' cluster does.
/// </summary>
public sealed class ConsoleFailoverFleet : ConsoleFleet
{
    protected override IReadOnlyDictionary<string, string> MoreSiloSettings => new Dictionary<string, string>
    {
        ["TorrentCluster__Placement__RehomeGrace"] = "00:00:00",
    };
}

public sealed class ConsoleFailoverTests(ConsoleFailoverFleet fleet) : IClassFixture<ConsoleFailoverFleet>
{
    private const string DoomedSilo = "silo-1";

    [Fact]
    public async Task A_killed_silo_shows_dead_within_30_s_and_its_torrents_come_back_on_the_other_silo()
    {
        using var rpc = new JsonRpcClient(new Uri(fleet.Gateway, "/api/v1/jsonrpc")) { Token = fleet.Token };
        var homed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var file = Path.Combine(fleet.ContentPath, $"homed-{i}.bin");
            TestFiles.CreateRandom(file, 64 * 1024, seed: 1500 + i);
            var torrent = TorrentCreator.Create(new CreateTorrentOptions { Path = file, Version = TorrentVersion.V1, PieceSize = 16 * 1024 });
            var added = await rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrent), session = DoomedSilo, paused = true });
            homed.Add(added.GetProperty("info_hash")[0].GetString()!);
        }

        var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await page.GotoAsync("/console/#/fleet");
        var doomed = page.Locator($"[data-silo=\"{DoomedSilo}\"]");
        await Expect(doomed).ToHaveAttributeAsync("data-status", "active", new() { Timeout = 15_000 });
        await Expect(doomed).ToContainTextAsync("Torrents3", new() { Timeout = 15_000 });

        await fleet.Cluster.Silo(DoomedSilo).KillAsync();

        // Dead, said in words and with an icon, not by colour alone.
        var dead = page.Locator($"[data-silo=\"{DoomedSilo}\"][data-status=\"dead\"]");
        await Expect(dead).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(dead.Locator(".silo-status")).ToContainTextAsync("dead");
        await Expect(dead.Locator(".status-icon")).ToHaveTextAsync("✖");
        await Expect(page.Locator(".fleet-summary")).ToContainTextAsync("1 not active", new() { Timeout = 15_000 });

        // Its torrents run on silo-0 again; the dead silo's card says none are left waiting for it.
        await Eventually.Until(
            async () =>
            {
                var listed = (await rpc.CallAsync("torrents.list", new { page_size = 1000 }));
                return listed.TryGetProperty("result", out var result)
                    && homed.All(hash => result.GetProperty("torrents").EnumerateArray().Any(torrent =>
                        torrent.GetProperty("info_hash")[0].GetString() == hash && torrent.GetProperty("silo").GetString() == "silo-0"));
            },
            TimeSpan.FromSeconds(60),
            "the dead silo's torrents to run on silo-0");
        await Expect(dead.Locator(".silo-homed")).ToContainTextAsync("None of its torrents are waiting", new() { Timeout = 30_000 });
        var survivor = page.Locator("[data-silo=\"silo-0\"][data-status=\"active\"]");
        await Expect(survivor).ToContainTextAsync("Torrents3", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
        Assert.Empty(fleet.Browser.ScriptErrors);
    }

    [Fact]
    public async Task Logout_ends_the_session_for_real()
    {
        // A browser of its own: the 401s after the logout are expected, and stay out of the fixture browser's errors.
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(fleet.Gateway);
        await page.GotoAsync("/console/#/fleet");
        await page.GetByLabel("User name").FillAsync(ConsoleFleet.Username);
        await page.GetByLabel("Password").FillAsync(ConsoleFleet.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("[data-silo=\"silo-0\"]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var token = Assert.Single(await page.Context.CookiesAsync(), cookie => cookie.Name == "porla-auth-token").Value;

        await page.Locator("#logout").ClickAsync();
        await Expect(page.Locator("[data-page=login] h1")).ToHaveTextAsync("Log in", new() { Timeout = 15_000 });
        await Expect(page.Locator("#logout")).ToBeHiddenAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "porla-auth-token");

        // The token itself is revoked, not only the cookie dropped: a copy of it is refused.
        using var rpc = new JsonRpcClient(new Uri(fleet.Gateway, "/api/v1/jsonrpc")) { Token = token };
        var (status, _) = await rpc.PostRawAsync("""{"jsonrpc":"2.0","id":1,"method":"sys.versions"}""");
        Assert.Equal((int)HttpStatusCode.Unauthorized, status);

        // The Fleet page now sends the browser to the login page again.
        await page.GotoAsync("/console/#/fleet");
        await Expect(page.Locator("[data-page=login] h1")).ToHaveTextAsync("Log in", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
        Assert.All(browser.ScriptErrors, error => Assert.Contains("status of 401", error, StringComparison.Ordinal));

        // Every token of the user went with it, the fixture's too.
        await fleet.LogInAgainAsync();
    }
}
