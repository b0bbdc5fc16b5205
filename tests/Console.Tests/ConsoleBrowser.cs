using Microsoft.Playwright;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// Debian's headless chromium driven by Playwright, resolving no host name (so nothing it might fetch on its own
/// leaves the machine), with every console error and page error of its pages collected for the tests to assert on.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    // Playwright's own browser download cannot be used here (and is never run).
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _scriptErrors = [];

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Console errors and uncaught page errors of every page opened so far.</summary>
    public IReadOnlyList<string> ScriptErrors
    {
        get
        {
            lock (_scriptErrors)
            {
                return [.. _scriptErrors];
            }
        }
    }

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new FileNotFoundException($"{Chromium} is missing: apt-get install -y chromium", Chromium);
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--no-proxy-server"],
            });
            return new ConsoleBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A page in a context of its own (its own cookies), at the given viewport, logged in when a token is given.</summary>
    public async Task<IPage> NewPageAsync(Uri gateway, string? token = null, int width = 1280, int height = 800)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = gateway.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        if (token is not null)
        {
            // What the gateway's login sets (src/Gateway/Auth/AuthEndpoints.cs), without going through the form.
            await context.AddCookiesAsync([new Cookie
            {
                Name = "porla-auth-token",
                Value = token,
                Domain = gateway.Host,
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteAttribute.Strict,
            }]);
        }

        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"pageerror: {error}");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private void Record(string error)
    {
        lock (_scriptErrors)
        {
            _scriptErrors.Add(error);
        }
    }
}
