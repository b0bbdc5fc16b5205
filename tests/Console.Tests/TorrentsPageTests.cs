using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// The Torrents and Torrent pages against the shared two-silo fleet and a real loopback seeder: what an operator
/// does with them, checked in the page and through the API.
/// </summary>
[Collection(ConsoleFleetCollection.Name)]
public sealed class TorrentsPageTests(ConsoleFleet fleet)
{
    // 12 MiB at 1 MiB/s per torrent: about twelve seconds of transfer, long enough to see the seeder among the
    // torrent's peers (two seeds drop each other once the download completes).
    private const long FileSize = 12L * 1024 * 1024;
    private const int SeederRate = 1024 * 1024;
    private const string SeederClient = "console-seeder/1.0";

    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Complete = new() { Timeout = 90_000 };
    private static readonly LocatorAssertionsToHaveCountOptions Count = new() { Timeout = 30_000 };

    [Fact]
    public async Task Torrents_added_by_magnet_and_by_upload_download_from_a_seeder_and_are_filtered_paused_resumed_rechecked_moved_and_removed_from_the_page()
    {
        var errorsBefore = fleet.Browser.ScriptErrors.Count;
        using var api = new FleetRpc(fleet);
        using var seeder = new LoopbackSeeder(SeederRate, SeederClient);
        var (magnetFile, magnetSource) = seeder.Seed("console-magnet.bin", FileSize, seed: 1501, TorrentVersion.V1);
        var (uploadFile, uploadSource) = seeder.Seed("console-upload.bin", FileSize, seed: 1502, TorrentVersion.V1);
        var magnetHash = TorrentMetadata.Parse(magnetFile).InfoHashes.V1!;
        var uploadHash = TorrentMetadata.Parse(uploadFile).InfoHashes.V1!;
        var magnetRow = $"tr[data-hash='{magnetHash}']";
        var uploadRow = $"tr[data-hash='{uploadHash}']";

        var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await page.GotoAsync("console/index.html#/torrents");
        await Expect(page.Locator("[data-page='torrents'] h1")).ToHaveTextAsync("Torrents", Text);

        // The Add dialog closes with Esc and gives focus back to the button that opened it.
        var addButton = page.GetByRole(AriaRole.Button, new() { Name = "Add torrent…" });
        await addButton.ClickAsync();
        await Expect(page.Locator("dialog[open]")).ToBeVisibleAsync(Visible);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0, Count);
        await Expect(addButton).ToBeFocusedAsync();

        // By magnet, with the seeder as its peer (x.pe), on the silo the operator chose.
        var magnet = $"{TorrentMetadata.MagnetUriOf(magnetFile)}&x.pe=127.0.0.1:{seeder.Port}";
        await AddThroughDialogAsync(page, dialog => dialog.Locator("input[name='magnet_uri']").FillAsync(magnet), "console-magnet", "silo-1");
        await Expect(page.Locator(magnetRow)).ToBeVisibleAsync(Visible);
        Assert.Equal("silo-1", (await api.TorrentAsync(magnetHash)).GetProperty("silo").GetString());

        // By .torrent upload; the seeder is given to it as a tracker would.
        await AddThroughDialogAsync(page, dialog => dialog.Locator("input[name='torrent_file']").SetInputFilesAsync(new FilePayload
        {
            Name = "console-upload.torrent",
            MimeType = "application/x-bittorrent",
            Buffer = uploadFile,
        }), "console-upload", silo: null);
        await Expect(page.Locator(uploadRow)).ToBeVisibleAsync(Visible);
        await api.AddPeerAsync(uploadHash, seeder);

        // The torrent's own page while it downloads: the seeder among its peers with the seed's fields.
        await page.Locator($"{uploadRow} td[data-column='name'] a").ClickAsync();
        await Expect(page.Locator("[data-page='torrent'] h1")).ToHaveTextAsync("console-upload.bin", Text);
        var seederPeer = page.Locator($"[data-section='peers'] tr[data-peer='127.0.0.1:{seeder.Port}']");
        await Expect(seederPeer).ToBeVisibleAsync(Visible);
        await Expect(seederPeer.Locator("td[data-column='client']")).ToHaveTextAsync(SeederClient, Text);
        await Expect(seederPeer.Locator("td[data-column='progress']")).ToHaveTextAsync("100.0 %", Text);
        await Expect(seederPeer.Locator("td[data-column='flags']")).ToHaveTextAsync(new Regex(@"\bseed\b"), Text);
        await Expect(seederPeer.Locator("td[data-column='connection']")).ToHaveTextAsync("bittorrent", Text);
        await Expect(seederPeer.Locator("td[data-column='rtt']")).ToHaveTextAsync(new Regex(@"^\d+ ms$"), Text);
        await Expect(page.Locator("[data-section='files'] tr[data-file='0'] td").First).ToHaveTextAsync("console-upload.bin", Text);
        await Expect(page.Locator("canvas.piece-map")).ToHaveAttributeAsync("aria-label", new Regex(@"^Piece map: \d+ of \d+ pieces"), new() { Timeout = 30_000 });
        await ConsoleScreenshots.SaveAsync(page, "torrent");

        // Both reach 100 % in the table, refreshed in place.
        await page.GotoAsync("console/index.html#/torrents");
        await Expect(page.Locator($"{magnetRow} td[data-column='progress']")).ToHaveTextAsync("100.0 %", Complete);
        await Expect(page.Locator($"{uploadRow} td[data-column='progress']")).ToHaveTextAsync("100.0 %", Complete);
        await Expect(page.Locator($"{magnetRow} td[data-column='silo']")).ToHaveTextAsync("silo-1", Text);
        await Expect(page.Locator($"{magnetRow} td[data-column='category']")).ToHaveTextAsync("console-magnet", Text);
        await ConsoleScreenshots.SaveAsync(page, "torrents");

        // The API's own message when it refuses: the same torrent again is -3 (naming it), and the dialog stays open.
        await OpenAddDialogAsync(page);
        await page.Locator("dialog[open] input[name='torrent_file']").SetInputFilesAsync(new FilePayload { Name = "again.torrent", MimeType = "application/x-bittorrent", Buffer = uploadFile });
        await page.Locator("dialog[open] button[type='submit']").ClickAsync();
        await Expect(page.Locator("dialog[open] .form-error")).ToHaveTextAsync(new Regex("^Torrent [0-9a-f]{40} already exists$"), Text);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0, Count);

        // A phone's width: the table scrolls inside its panel, the page does not scroll sideways.
        var phone = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token, width: 390, height: 800);
        await phone.GotoAsync("console/index.html#/torrents");
        await Expect(phone.Locator(magnetRow)).ToBeVisibleAsync(Visible);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the Torrents page scrolls sideways at 390 px");
        // The torrent's own page too: its peer, file and tracker tables scroll inside their panels.
        await phone.GotoAsync($"console/index.html#/torrent/{uploadHash}");
        await Expect(phone.Locator("[data-page='torrent'] h1")).ToHaveTextAsync("console-upload.bin", Text);
        await Expect(phone.Locator("[data-section='files'] tr[data-file='0']")).ToBeVisibleAsync(Visible);
        await Expect(phone.Locator("canvas.piece-map")).ToBeVisibleAsync(Visible);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the Torrent page scrolls sideways at 390 px");
        await phone.Context.CloseAsync();

        // The Fleet page's link from a silo (#/torrents?home=NAME): only the torrents whose home it is, and the filter
        // in its own field, where the operator can clear it.
        var homed = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await homed.GotoAsync("console/index.html#/torrents?home=silo-1");
        await Expect(homed.Locator("input[name='home']")).ToHaveValueAsync("silo-1", new() { Timeout = 30_000 });
        await Expect(homed.Locator(magnetRow)).ToBeVisibleAsync(Visible);
        await Expect(homed.Locator("tr[data-hash] td[data-column='silo']").Filter(new() { HasNotText = "silo-1" })).ToHaveCountAsync(0, Count);
        await homed.Context.CloseAsync();

        // PQL: a query matching one of the two shows only it, and the view survives a reload through the address.
        await page.Locator("input[name='query']").FillAsync("category = \"console-magnet\"");
        await page.Locator("input[name='query']").PressAsync("Enter");
        await Expect(page.Locator(uploadRow)).ToHaveCountAsync(0, Count);
        await Expect(page.Locator(magnetRow)).ToBeVisibleAsync(Visible);
        await page.GetByRole(AriaRole.Button, new() { Name = "Name", Exact = true }).ClickAsync();
        await Expect(page.Locator("th[aria-sort='ascending'] button[data-sort='name']")).ToHaveCountAsync(1, Count);
        await page.ReloadAsync();
        await Expect(page.Locator("input[name='query']")).ToHaveValueAsync("category = \"console-magnet\"", new() { Timeout = 30_000 });
        await Expect(page.Locator("th[aria-sort='ascending'] button[data-sort='name']")).ToHaveCountAsync(1, Count);
        await Expect(page.Locator(magnetRow)).ToBeVisibleAsync(Visible);
        await Expect(page.Locator(uploadRow)).ToHaveCountAsync(0, Count);

        // A malformed query shows the API's -1000 message and where it went wrong, beside the box.
        await page.Locator("input[name='query']").FillAsync("category =");
        await page.Locator("input[name='query']").PressAsync("Enter");
        await Expect(page.Locator(".query-error")).ToHaveTextAsync(new Regex(@"mismatched input '<EOF>'.*\(at column 10\)"), Text);
        await Expect(page.Locator("input[name='query']")).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 30_000 });

        await page.Locator("input[name='query']").FillAsync("tags contains \"console\"");
        await page.Locator("input[name='query']").PressAsync("Enter");
        await Expect(page.Locator(uploadRow)).ToBeVisibleAsync(Visible);
        await Expect(page.Locator(".query-error")).ToBeEmptyAsync(new() { Timeout = 30_000 });

        // Pause and resume the selection: the row says so, and so does the API.
        await page.Locator($"{magnetRow} td.select input").CheckAsync();
        await page.Locator($"{uploadRow} td.select input").CheckAsync();
        await page.Locator("button[data-action='pause']").ClickAsync();
        await Expect(page.Locator($"{magnetRow} td[data-column='state']")).ToHaveTextAsync("paused", Text);
        await Expect(page.Locator($"{uploadRow} td[data-column='state']")).ToHaveTextAsync("paused", Text);
        Assert.True(await api.IsPausedAsync(magnetHash));
        Assert.True(await api.IsPausedAsync(uploadHash));
        await Expect(page.Locator($"{uploadRow} td.select input")).ToBeCheckedAsync(new() { Timeout = 5_000 });
        await page.Locator("button[data-action='resume']").ClickAsync();
        await Expect(page.Locator($"{magnetRow} td[data-column='state']")).ToHaveTextAsync("seeding", Text);
        await Expect(page.Locator($"{uploadRow} td[data-column='state']")).ToHaveTextAsync("seeding", Text);
        Assert.False(await api.IsPausedAsync(magnetHash));
        Assert.False(await api.IsPausedAsync(uploadHash));

        // Recheck the upload alone: its silo hashes the data again, and finds it whole.
        await page.Locator($"{magnetRow} td.select input").UncheckAsync();
        await page.Locator("button[data-action='recheck']").ClickAsync();
        await Expect(page.Locator("[data-page='torrents'] .action-status")).ToHaveTextAsync("Rechecking 1 torrent.", Text);
        await Expect(page.Locator($"{uploadRow} td[data-column='state']")).ToHaveTextAsync("seeding", Text);
        await Expect(page.Locator($"{uploadRow} td[data-column='progress']")).ToHaveTextAsync("100.0 %", Text);

        // Move it to a folder inside its silo's storage roots: the files go, and the API names the new folder.
        var uploadFolder = (await api.TorrentAsync(uploadHash)).GetProperty("save_path").GetString()!;
        var movedFolder = Path.Combine(uploadFolder, "console-moved");
        await page.Locator("button[data-action='move']").ClickAsync();
        await page.Locator("dialog[open] input[name='path']").FillAsync(movedFolder);
        await page.Locator("dialog[open] button[type='submit']").ClickAsync();
        await Expect(page.Locator("[data-page='torrents'] .action-status")).ToHaveTextAsync("Moving 1 torrent.", Text);
        await Eventually.Until(
            async () => (await api.TorrentAsync(uploadHash)).GetProperty("save_path").GetString() == movedFolder
                && File.Exists(Path.Combine(movedFolder, "console-upload.bin"))
                && !File.Exists(Path.Combine(uploadFolder, "console-upload.bin")),
            TimeSpan.FromSeconds(30),
            "the moved torrent's file to be in its new folder and its save_path to say so");
        await page.Locator($"{magnetRow} td.select input").CheckAsync();

        // Remove both with their data, after the confirm dialog.
        var magnetData = Path.Combine((await api.TorrentAsync(magnetHash)).GetProperty("save_path").GetString()!, "console-magnet.bin");
        var uploadData = Path.Combine((await api.TorrentAsync(uploadHash)).GetProperty("save_path").GetString()!, "console-upload.bin");
        Assert.Equal(TestFiles.Sha256(magnetSource), TestFiles.Sha256(magnetData));
        Assert.Equal(TestFiles.Sha256(uploadSource), TestFiles.Sha256(uploadData));
        await page.Locator("button[data-action='remove']").ClickAsync();
        await page.Locator("dialog[open] input[name='remove_data']").CheckAsync();
        await page.Locator("dialog[open] button[type='submit']").ClickAsync();
        await Expect(page.Locator(magnetRow)).ToHaveCountAsync(0, Count);
        await Expect(page.Locator(uploadRow)).ToHaveCountAsync(0, Count);
        Assert.Equal(-1, (await api.CallAsync("torrents.get", new { info_hash = magnetHash })).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-1, (await api.CallAsync("torrents.get", new { info_hash = uploadHash })).GetProperty("error").GetProperty("code").GetInt32());
        await Eventually.Until(() => !File.Exists(magnetData) && !File.Exists(uploadData), TimeSpan.FromSeconds(30), "the removed torrents' data to be deleted");

        await page.Context.CloseAsync();
        var errors = fleet.Browser.ScriptErrors.Skip(errorsBefore).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<ILocator> OpenAddDialogAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add torrent…" }).ClickAsync();
        var dialog = page.Locator("dialog[open]");
        await Expect(dialog).ToBeVisibleAsync(Visible);
        return dialog;
    }

    private static async Task AddThroughDialogAsync(IPage page, Func<ILocator, Task> chooseSource, string category, string? silo)
    {
        var dialog = await OpenAddDialogAsync(page);
        await chooseSource(dialog);
        await dialog.Locator("input[name='category']").FillAsync(category);
        await dialog.Locator("input[name='tags']").FillAsync("console, test");
        if (silo is not null)
        {
            await Expect(dialog.Locator($"select[name='session'] option[value='{silo}']")).ToBeAttachedAsync(new() { Timeout = 30_000 });
            await dialog.Locator("select[name='session']").SelectOptionAsync(silo);
        }

        await dialog.Locator("button[type='submit']").ClickAsync();
        await Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0, Count);
    }
}
