using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// The console's shell on the shared two-silo fleet: the Fleet page, the login form, keyboard and theme, a phone's
/// width, and Orleans' dashboard behind the login. Tests that log in through the form or open Orleans' dashboard use
/// a browser of their own, so the gateway's expected 401s before a login (which Chromium logs as console errors)
/// and the dashboard's own scripts never reach the shared browser's <see cref="ConsoleBrowser.ScriptErrors"/>.
/// </summary>
[Collection(ConsoleFleetCollection.Name)]
public sealed partial class ConsoleShellTests(ConsoleFleet fleet)
{
    // Expect() polls until its condition holds; this bounds every such wait (the Fleet page refreshes every 2 s).
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions Text = new() { Timeout = 15_000 };

    [Fact]
    public async Task Fleet_page_shows_both_silos_with_their_numbers()
    {
        // Paused torrents of this test's own on each silo, so each card has torrents to count.
        using var rpc = new JsonRpcClient(new Uri(fleet.Gateway, "/api/v1/jsonrpc")) { Token = fleet.Token };
        for (var i = 0; i < 3; i++)
        {
            var file = Path.Combine(fleet.ContentPath, $"fleet-page-{i}.bin");
            TestFiles.CreateRandom(file, 64 * 1024, seed: 1400 + i);
            var torrent = TorrentCreator.Create(new CreateTorrentOptions { Path = file, Version = TorrentVersion.V1, PieceSize = 16 * 1024 });
            await rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrent), session = $"silo-{i % 2}", paused = true });
        }

        var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await page.GotoAsync("/console/#/fleet");
        await Expect(page.Locator("[data-page=fleet] h1")).ToHaveTextAsync("Fleet");
        var silos = (await rpc.ResultAsync("cluster.silos.list", new { })).GetProperty("silos").EnumerateArray().ToList();
        foreach (var name in new[] { "silo-0", "silo-1" })
        {
            var silo = silos.Single(entry => entry.GetProperty("name").GetString() == name);
            var card = page.Locator($"[data-silo=\"{name}\"][data-status=\"active\"]");
            await Expect(card).ToBeVisibleAsync(Visible);
            await Expect(card).ToContainTextAsync($"Torrents{silo.GetProperty("torrents").GetInt32()}", Text);
            await Expect(card).ToContainTextAsync("active", Text);
            // Every number with its unit: rates per second, disk in binary units.
            await Expect(card).ToContainTextAsync(RateText(), Text);
            await Expect(card).ToContainTextAsync(DiskText(), Text);
            await Expect(card).ToContainTextAsync(silo.GetProperty("version").GetString()!, Text);
            await Expect(card).ToContainTextAsync(silo.GetProperty("address").GetString()!, Text);
            // 'since' comes from membership: the minute this silo started, in UTC.
            var since = silo.GetProperty("since").GetDateTimeOffset().UtcDateTime;
            await Expect(card).ToContainTextAsync($"{since:yyyy-MM-dd HH:mm} UTC", Text);
        }

        await Expect(page.Locator("[data-page=fleet] svg.line-chart")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("[data-page=fleet] .fleet-summary")).ToContainTextAsync("2 active silos", Text);
        await Expect(page.Locator("#logout")).ToBeVisibleAsync(Visible);
        await ConsoleScreenshots.SaveAsync(page, "fleet");
        await page.Context.CloseAsync();
        NoScriptErrors(fleet.Browser);
    }

    [Fact]
    public async Task The_page_preloads_every_console_module_so_that_none_waits_for_the_module_importing_it()
    {
        var scripts = Path.Combine(BuildOutput.RepositoryRoot, "src", "Gateway", "FleetConsole", "wwwroot");
        var modules = Directory.EnumerateFiles(Path.Combine(scripts, "js"), "*.js", SearchOption.AllDirectories)
            .Select(file => "/console/" + Path.GetRelativePath(scripts, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await page.GotoAsync("/console/#/torrents");
        await Expect(page.Locator("[data-page='torrents'] h1")).ToHaveTextAsync("Torrents", new() { Timeout = 15_000 });
        var preloaded = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('link[rel=modulepreload]')].map(link => new URL(link.href).pathname)");
        Assert.Equal(modules, preloaded.Order(StringComparer.Ordinal));
        // Each module fetched once: an import that did not find its preload in the module map (another address,
        // another credentials mode) would fetch it a second time, one import level later.
        var fetched = await page.EvaluateAsync<string[]>(
            "() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(path => path.endsWith('.js'))");
        Assert.Equal(modules, fetched.Order(StringComparer.Ordinal));
        await page.Context.CloseAsync();
        NoScriptErrors(fleet.Browser);
    }

    [Fact]
    public async Task Fleet_page_fits_a_phone_without_horizontal_scrolling()
    {
        var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token, width: 390, height: 844);
        await page.GotoAsync("/console/#/fleet");
        await Expect(page.Locator("[data-silo=\"silo-1\"]")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("[data-page=fleet] svg.line-chart")).ToBeVisibleAsync(Visible);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide in a {widths[1]} px viewport");
        await page.Context.CloseAsync();
        NoScriptErrors(fleet.Browser);
    }

    [Fact]
    public async Task Keyboard_reaches_the_nav_links_and_the_chosen_theme_persists()
    {
        var page = await fleet.Browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await page.GotoAsync("/console/#/fleet");
        await Expect(page.Locator("[data-silo=\"silo-0\"]")).ToBeVisibleAsync(Visible);

        var reached = new List<string>();
        for (var i = 0; i < 8 && !reached.Contains("peers"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement?.dataset?.nav ?? document.activeElement?.id ?? ''"));
        }

        Assert.Contains("fleet", reached);
        Assert.Contains("torrents", reached);
        Assert.Contains("peers", reached);

        var theme = await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme");
        var other = theme == "dark" ? "light" : "dark";
        await page.Locator("#theme-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", other);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-silo=\"silo-0\"]")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-theme", other);
        await Expect(page.Locator("#theme-toggle")).ToHaveAttributeAsync("aria-pressed", other == "dark" ? "true" : "false");
        await page.Context.CloseAsync();
        NoScriptErrors(fleet.Browser);
    }

    [Fact]
    public async Task Login_form_refuses_a_wrong_password_then_logs_in_and_returns_to_the_page_that_asked()
    {
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.NewPageAsync(fleet.Gateway);
        // A page that only exists with a query: the login must bring back this very address.
        await page.GotoAsync("/console/#/fleet?from=login-test");
        await Expect(page.Locator("[data-page=login] h1")).ToHaveTextAsync("Log in");
        await Expect(page.Locator("#logout")).ToBeHiddenAsync();

        // Labelled inputs: found by their labels, as a screen reader names them.
        await page.GetByLabel("User name").FillAsync(ConsoleFleet.Username);
        await page.GetByLabel("Password").FillAsync("not the password at all");
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.", new() { Timeout = 15_000 });
        await ConsoleScreenshots.SaveAsync(page, "login");

        await page.GetByLabel("Password").FillAsync(ConsoleFleet.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#/fleet?from=login-test", StringComparison.Ordinal), new() { Timeout = 15_000 });
        await Expect(page.Locator("#logout")).ToBeVisibleAsync(Visible);
        var cookie = Assert.Single(await page.Context.CookiesAsync(), cookie => cookie.Name == "porla-auth-token");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        // Only the expected refusals before the login: a 401 of the JSON-RPC endpoint.
        Assert.All(browser.ScriptErrors, error => Assert.Matches(Refused401(), error));
        await Expect(page.Locator("[data-silo=\"silo-1\"]")).ToBeVisibleAsync(Visible);
    }

    [Fact]
    public async Task Orleans_dashboard_is_served_only_behind_the_login()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fleet.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        using (var page = await anonymous.GetAsync("/console/orleans/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/console/#/login/orleans", page.Headers.Location?.OriginalString);
        }

        foreach (var path in new[] { "/console/orleans/index.html", "/console/orleans/ClusterStats", "/console/orleans/DashboardCounters", "/console/orleans/index.min.js", "/console/orleans/version" })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"{path}: {refused.StatusCode}");
        }

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/console/orleans/ClusterStats");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fleet.Token[..^4] + "AAAA");
        using (var refused = await anonymous.SendAsync(forged))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/console/orleans/ClusterStats");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fleet.Token);
        using (var served = await anonymous.SendAsync(withToken))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await served.Content.ReadAsStringAsync()).RootElement.ValueKind);
            // Its pages keep their own headers: the console's CSP (no inline style) would break the dashboard's.
            Assert.False(served.Headers.Contains("Content-Security-Policy"));
        }

        using (var console = await anonymous.GetAsync("/console/"))
        {
            Assert.Contains("default-src 'self'", console.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        // The trace (the host's live log) stays off, logged in or not.
        using var trace = new HttpRequestMessage(HttpMethod.Get, "/console/orleans/Trace");
        trace.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fleet.Token);
        using (var off = await anonymous.SendAsync(trace))
        {
            Assert.Equal(HttpStatusCode.Forbidden, off.StatusCode);
        }

        await using var browser = await ConsoleBrowser.LaunchAsync();
        var dashboard = await browser.NewPageAsync(fleet.Gateway, fleet.Token);
        await dashboard.GotoAsync("/console/orleans/");
        await Expect(dashboard).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(dashboard.Locator("body")).ToContainTextAsync("Silos", new() { Timeout = 30_000 });
        await ConsoleScreenshots.SaveAsync(dashboard, "orleans");
        // Its silo list names both silos, as it reads them from the cluster through this gateway.
        await dashboard.GotoAsync("/console/orleans/#/silos");
        await Expect(dashboard.Locator("body")).ToContainTextAsync("silo-1", new() { Timeout = 30_000 });
        await Expect(dashboard.Locator("body")).ToContainTextAsync("silo-0", new() { Timeout = 30_000 });
    }

    private static void NoScriptErrors(ConsoleBrowser browser) =>
        Assert.True(browser.ScriptErrors.Count == 0, string.Join('\n', browser.ScriptErrors));

    [GeneratedRegex(@"\d+(\.\d)? (B|KiB|MiB|GiB)/s")]
    private static partial Regex RateText();

    [GeneratedRegex(@"Free disk\s*\d+(\.\d)? (KiB|MiB|GiB|TiB)")]
    private static partial Regex DiskText();

    [GeneratedRegex("status of 401")]
    private static partial Regex Refused401();
}
