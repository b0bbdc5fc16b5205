using System.Net;
using Microsoft.Playwright;
using TorrentCluster.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// The set-up form against a host of its own with no user yet: the embedded default, at a base path, asking the
/// setup code even of loopback clients (as it asks it of any other machine), so the form's whole way is walked.
/// </summary>
public sealed class ConsoleSetupTests
{
    private const string BasePath = "/tc";

    [Fact]
    public async Task Set_up_form_asks_for_the_setup_code_creates_the_first_user_and_opens_the_console_and_Orleans_dashboard()
    {
        using var data = new TempDirectory();
        await using var host = await HostProcess.StartEmbeddedAsync(data.Path, new Dictionary<string, string>
        {
            ["TorrentCluster__Auth__Enabled"] = "true",
            ["TorrentCluster__Auth__SetupCodeForLoopbackClients"] = "true",
            ["TorrentCluster__Gateway__BasePath"] = BasePath,
        });
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUri })
        {
            using var page = await anonymous.GetAsync($"{BasePath}/console/orleans/");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal($"{BasePath}/console/#/login/orleans", page.Headers.Location?.OriginalString);
            using var api = await anonymous.GetAsync($"{BasePath}/console/orleans/ClusterStats");
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        await using var browser = await ConsoleBrowser.LaunchAsync();
        var console = await browser.NewPageAsync(host.BaseUri);
        // Orleans' dashboard asked first: the login page brings the operator back to it once the user exists.
        await console.GotoAsync($"{BasePath}/console/orleans/");
        await Expect(console.Locator("[data-page=login] h1")).ToHaveTextAsync("Set up the console", new() { Timeout = 15_000 });
        await Expect(console.GetByLabel("Setup code")).ToBeHiddenAsync();
        await console.GetByLabel("User name").FillAsync("admin");
        await console.GetByLabel("Password (at least 12 characters)").FillAsync("a long enough passphrase");
        await console.GetByLabel("Password again").FillAsync("a long enough passphrase");
        await console.GetByRole(AriaRole.Button, new() { Name = "Create user and log in" }).ClickAsync();

        // Refused without the code: the form asks for it, and says where it is.
        await Expect(console.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter the setup code.", new() { Timeout = 15_000 });
        await Expect(console.GetByLabel("Setup code")).ToBeFocusedAsync();
        var code = (await File.ReadAllTextAsync(Path.Combine(data.Path, "state", "setup-code"))).Trim();
        await console.GetByLabel("Setup code").FillAsync(code);
        await console.GetByRole(AriaRole.Button, new() { Name = "Create user and log in" }).ClickAsync();

        await Expect(console).ToHaveTitleAsync("Orleans Dashboard", new() { Timeout = 15_000 });
        await Expect(console.Locator("body")).ToContainTextAsync("Silos", new() { Timeout = 30_000 });

        await console.GotoAsync($"{BasePath}/console/#/fleet");
        await Expect(console.Locator("[data-page=fleet] [data-status=active]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(console.Locator("#logout")).ToBeVisibleAsync();
        Assert.False(File.Exists(Path.Combine(data.Path, "state", "setup-code")));
        // The only errors: the gateway's 401s before the user existed, and the setup code's 403.
        Assert.All(browser.ScriptErrors, error => Assert.Matches("status of (401|403)", error));
    }
}
