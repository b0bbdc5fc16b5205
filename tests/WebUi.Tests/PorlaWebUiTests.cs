using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TorrentCluster.WebUi.Tests;

/// <summary>
/// Porla's own web UI, unchanged, against a two-silo Redis cluster whose silos serve it (and the API) under a base
/// path, driven in headless Chromium as a person would: set-up page, torrent list, pause and resume, the version
/// footer, PQL search, tag filter, and not one script error on the way. Torrents are placed through the cluster's own gateway (auth
/// off, for the test's bookkeeping); the browser speaks only to silo-0's gateway, auth on.
/// </summary>
public sealed class PorlaWebUiTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string BasePath = "/porla";

    // Debian's chromium: Playwright's own browser download cannot be used here (and is never run).
    private const string Chromium = "/usr/bin/chromium";

    // Expect() polls until its condition holds; this bounds every such wait (the UI refreshes its list each second).
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToHaveCountOptions Count = new() { Timeout = 30_000 };

    private static readonly (string Name, string Silo, string Tag)[] Torrents =
    [
        ("alpha-one", "silo-0", "red"),
        ("alpha-two", "silo-1", "blue"),
        ("beta-one", "silo-0", "blue"),
        ("beta-two", "silo-1", "red"),
    ];

    [Fact]
    public async Task Porla_web_ui_sets_up_lists_pauses_resumes_searches_and_filters_torrents_of_two_silos()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        using var ui = await PorlaWebUi.BuildAsync();
        await using var cluster = await RedisCluster.StartAsync(silos: 2, siloSettings: new Dictionary<string, string>
        {
            ["TorrentCluster__Cluster__HostGateway"] = "true",
            ["TorrentCluster__Auth__Enabled"] = "true",
            ["TorrentCluster__Auth__Secret"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["TorrentCluster__Gateway__BasePath"] = BasePath,
            ["TorrentCluster__Gateway__WebUi__Path"] = ui.Path,
        });
        using var content = new TempDirectory();
        var hashes = await AddTorrentsAsync(cluster, content.Path);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Loopback only: no name resolves, so nothing the browser might fetch on its own leaves the machine.
            Args = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-proxy-server"],
        });
        var page = await browser.NewPageAsync();
        var scriptErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                scriptErrors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => scriptErrors.Add($"pageerror: {error}");

        var home = new Uri(cluster.Silo("silo-0").BaseUri, BasePath + "/");

        // No user yet: the UI asks GET /api/v1/system and shows its set-up page, whose form creates the first user
        // and signs in.
        await page.GotoAsync(home.ToString());
        await Expect(page.GetByText("Welcome to Porla")).ToBeVisibleAsync(Visible);
        await page.GetByLabel("Username").FillAsync("operator");
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync("correct horse battery");
        await page.GetByLabel("Repeat password").FillAsync("correct horse battery");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create account" }).ClickAsync();

        // The list: every torrent, from both silos.
        foreach (var torrent in Torrents)
        {
            await Expect(page.GetByText(torrent.Name, new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync(Visible);
        }

        // Pause and resume from a torrent's menu (one on each silo), as the cluster sees it.
        foreach (var name in new[] { "alpha-one", "alpha-two" })
        {
            await ChooseFromMenuAsync(page, name, "Pause");
            await Eventually.Until(async () => await IsPausedAsync(cluster, hashes[name]), TimeSpan.FromSeconds(30), $"{name} to be paused");
            await ChooseFromMenuAsync(page, name, "Resume");
            await Eventually.Until(async () => !await IsPausedAsync(cluster, hashes[name]), TimeSpan.FromSeconds(30), $"{name} to be resumed");
        }

        // The footer shows sys.versions' porla object, which the UI cannot do without.
        var porla = (await cluster.Gateway.Rpc.ResultAsync("sys.versions", new { })).GetProperty("porla");
        await Expect(page.GetByText(porla.GetProperty("version").GetString()!, new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync(Visible);
        if (porla.GetProperty("commitish").GetString() is { Length: >= 7 } commit)
        {
            await Expect(page.GetByText(commit[..7], new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync(Visible);
        }

        Assert.True(scriptErrors.Count == 0, string.Join('\n', scriptErrors));

        // The search box sends a PQL query in filters.query.
        var search = page.GetByPlaceholder("Filter torrents");
        await search.FillAsync("name contains \"alpha\"");
        await search.PressAsync("Enter");
        await ExpectListedAsync(page, "alpha-one", "alpha-two");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "close" }).ClickAsync();
        await ExpectListedAsync(page, Torrents.Select(torrent => torrent.Name).ToArray());

        // A tag is a link that filters the list by that tag.
        await page.GetByText("red", new PageGetByTextOptions { Exact = true }).First.ClickAsync();
        await ExpectListedAsync(page, "alpha-one", "beta-two");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "close" }).ClickAsync();
        await ExpectListedAsync(page, Torrents.Select(torrent => torrent.Name).ToArray());

        output.WriteLine(string.Join('\n', scriptErrors));
        Assert.Empty(scriptErrors);
    }

    // Adds the torrents where the table says (Porla's session is our silo), and returns their v1 hashes by name.
    private static async Task<Dictionary<string, string>> AddTorrentsAsync(RedisCluster cluster, string folder)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (torrent, index) in Torrents.Select((torrent, index) => (torrent, index)))
        {
            var file = Path.Combine(folder, torrent.Name, "payload.bin");
            TestFiles.CreateRandom(file, 256 * 1024, seed: 1400 + index);
            var metainfo = TorrentCreator.Create(new CreateTorrentOptions { Path = Path.GetDirectoryName(file)!, Version = TorrentVersion.V1, PieceSize = 16 * 1024 });
            var added = await cluster.Gateway.Rpc.ResultAsync("torrents.add", new
            {
                ti = Convert.ToBase64String(metainfo),
                session = torrent.Silo,
                tags = new[] { torrent.Tag },
            });
            hashes[torrent.Name] = added.GetProperty("info_hash")[0].GetString()!;
        }

        var silos = (await cluster.ListTorrentsAsync()).Select(torrent => torrent.GetProperty("silo").GetString()).Distinct().Count();
        Assert.Equal(2, silos);
        return hashes;
    }

    private static async Task ExpectListedAsync(IPage page, params string[] names)
    {
        foreach (var torrent in Torrents)
        {
            var row = page.GetByText(torrent.Name, new PageGetByTextOptions { Exact = true });
            if (names.Contains(torrent.Name))
            {
                await Expect(row).ToBeVisibleAsync(Visible);
            }
            else
            {
                await Expect(row).ToHaveCountAsync(0, Count);
            }
        }
    }

    // A torrent's row is the grid around its name; its one button opens its menu.
    private static async Task ChooseFromMenuAsync(IPage page, string torrent, string item)
    {
        var row = page.GetByText(torrent, new PageGetByTextOptions { Exact = true }).Locator("xpath=../..");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        var menuItem = page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = item });
        await Expect(menuItem).ToBeVisibleAsync(Visible);
        await menuItem.ClickAsync();
        await Expect(menuItem).ToHaveCountAsync(0, Count);
    }

    private static async Task<bool> IsPausedAsync(RedisCluster cluster, string hash)
    {
        var torrent = (await cluster.ListTorrentsAsync()).Single(listed => listed.GetProperty("info_hash")[0].GetString() == hash);
        return torrent.GetProperty("flags").EnumerateArray().Any(flag => flag.ValueKind == JsonValueKind.String && flag.GetString() == "paused");
    }
}
