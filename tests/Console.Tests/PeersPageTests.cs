using System.Text.RegularExpressions;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TorrentCluster.Console.Tests;

/// <summary>The Peers page while a transfer from a real loopback seeder runs on the shared fleet.</summary>
[Collection(ConsoleFleetCollection.Name)]
public sealed class PeersPageTests(ConsoleFleet fleet)
{
    // 8 MiB at 256 KiB/s: about half a minute of transfer, so the seeder stays connected while the page is read.
    private const long FileSize = 8L * 1024 * 1024;
    private const int SeederRate = 256 * 1024;
    private const string SeederClient = "console-peers/1.0";

    private static readonly Microsoft.Playwright.LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };
    private static readonly Microsoft.Playwright.LocatorAssertionsToHaveTextOptions Text = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_peers_page_charts_the_fleets_peers_by_client_and_silo_and_lists_them_with_filters_while_a_transfer_runs()
    {
        var errorsBefore = fleet.Browser.ScriptErrors.Count;
        using var api = new FleetRpc(fleet);
        using var seeder = new LoopbackSeeder(SeederRate, SeederClient);
        var (torrentFile, _) = seeder.Seed("console-peers.bin", FileSize, seed: 1503, TorrentVersion.V1);
        var hash = TorrentMetadata.Parse(torrentFile).InfoHashes.V1!;
        await api.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), session = "silo-0" });
        try
        {
            await api.AddPeerAsync(hash, seeder);

            var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
            await page.GotoAsync("console/index.html#/peers");
            await Expect(page.Locator("[data-page='peers'] h1")).ToHaveTextAsync("Peers", Text);

            // The chart by client: the seeder's name is a bar.
            var clientBar = page.Locator($"svg.bar-chart g.bar[data-key='{SeederClient}']");
            await Expect(clientBar).ToBeVisibleAsync(Visible);
            await Expect(clientBar.Locator("text.bar-value")).ToHaveTextAsync(new Regex(@"^\d+ conn\.$"), Text);

            // The list: the seeder's connection, tagged with its torrent and silo.
            var row = page.Locator($"tr[data-peer='127.0.0.1:{seeder.Port}']");
            await Expect(row).ToBeVisibleAsync(Visible);
            await Expect(row.Locator("td[data-column='client']")).ToHaveTextAsync(SeederClient, Text);
            await Expect(row.Locator("td[data-column='silo']")).ToHaveTextAsync("silo-0", Text);
            await Expect(row.Locator("td[data-column='progress']")).ToHaveTextAsync("100.0 %", Text);
            await Expect(row.Locator("td[data-column='torrent'] a")).ToHaveAttributeAsync("href", $"#/torrent/{hash}", new() { Timeout = 30_000 });
            // Live: the seeder's rate comes in with a later refresh, without reloading the page.
            await Expect(row.Locator("td[data-column='down']")).Not.ToHaveTextAsync("0 B/s", Text);
            await ConsoleScreenshots.SaveAsync(page, "peers");

            // By silo, and by download rate.
            await page.Locator("select[name='group_by']").SelectOptionAsync("silo");
            await Expect(page.Locator("svg.bar-chart g.bar[data-key='silo-0']")).ToBeVisibleAsync(Visible);
            await page.Locator("select[name='measure']").SelectOptionAsync("down_speed");
            await Expect(page.Locator("svg.bar-chart g.bar[data-key='silo-0'] text.bar-value")).ToHaveTextAsync(new Regex(@"/s$"), Text);

            // fleet.peers.list's filters: a client nobody runs lists nothing, the seeder's lists it.
            await page.Locator("input[name='client']").FillAsync("nobody-runs-this");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(row).ToHaveCountAsync(0, new() { Timeout = 30_000 });
            await Expect(page.Locator(".pager .page-info")).ToHaveTextAsync(new Regex(@"· 0 peers$"), Text);
            await page.Locator("input[name='client']").FillAsync("CONSOLE-PEERS");
            await page.Locator("input[name='silo']").FillAsync("silo-0");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(row).ToBeVisibleAsync(Visible);

            // A bad filter is the API's message, beside the form.
            await page.Locator("input[name='ip']").FillAsync("not-an-address");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.Locator("[data-page='peers'] .form-error")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });

            // A phone's width: the tables scroll inside their panels, the page does not scroll sideways.
            var phone = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token, width: 390, height: 800);
            await phone.GotoAsync("console/index.html#/peers");
            await Expect(phone.Locator($"svg.bar-chart g.bar[data-key='{SeederClient}']")).ToBeVisibleAsync(Visible);
            Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the Peers page scrolls sideways at 390 px");
            await phone.Context.CloseAsync();
            await page.Context.CloseAsync();
        }
        finally
        {
            await api.ResultAsync("torrents.remove", new { info_hashes = new[] { hash }, remove_data = true });
        }

        var errors = fleet.Browser.ScriptErrors.Skip(errorsBefore).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
