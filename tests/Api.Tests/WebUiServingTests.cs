using System.Net;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>
/// A gateway replica with <c>TorrentCluster:Gateway:BasePath</c> and a web UI folder of our own making: the folder's
/// files with their types, index.html rendered for the base path and for client routes, nothing outside the folder,
/// no listing, and the API moved under the base path with it.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class WebUiServingTests(ApiCluster api) : IDisposable
{
    private const string BasePath = "/tc";
    private const string Secret = "not for the browser";

    private readonly TempDirectory _root = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private async Task<Uri> StartAsync()
    {
        var ui = Path.Combine(_root.Path, "ui");
        Directory.CreateDirectory(Path.Combine(ui, "assets"));
        await File.WriteAllTextAsync(Path.Combine(ui, "index.html"),
            """<html><head><link rel="icon" href="./icon.svg" /><script>window.porla = { base_path: "%BASE_PATH%" };</script><script type="module" src="./assets/app.js"></script></head></html>""");
        await File.WriteAllTextAsync(Path.Combine(ui, "assets", "app.js"), "console.log('app');");
        await File.WriteAllTextAsync(Path.Combine(ui, "icon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        await File.WriteAllTextAsync(Path.Combine(ui, ".env"), Secret);
        await File.WriteAllTextAsync(Path.Combine(ui, "notes.unknowntype"), Secret);
        await File.WriteAllTextAsync(Path.Combine(_root.Path, "secret.txt"), Secret);
        var rpc = await api.StartGatewayAsync(settings: new Dictionary<string, string>
        {
            ["TorrentCluster:Gateway:BasePath"] = BasePath,
            ["TorrentCluster:Gateway:WebUi:Path"] = ui,
        });
        return new Uri(rpc, "/");
    }

    [Fact]
    public async Task Index_html_names_the_base_path_and_answers_every_client_route()
    {
        var gateway = await StartAsync();

        foreach (var path in new[] { "/tc", "/tc/", "/tc/index.html", "/tc/settings", "/tc/torrents/some/deep/route", "/tc/assets/" })
        {
            using var response = await _http.GetAsync(new Uri(gateway, path));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("base_path: \"/tc\"", body, StringComparison.Ordinal);
            Assert.Contains("href=\"/tc/icon.svg\"", body, StringComparison.Ordinal);
            Assert.Contains("src=\"/tc/assets/app.js\"", body, StringComparison.Ordinal);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        }
    }

    [Fact]
    public async Task Files_are_served_with_their_content_type_and_a_missing_file_is_404()
    {
        var gateway = await StartAsync();

        using var script = await _http.GetAsync(new Uri(gateway, "/tc/assets/app.js"));
        using var icon = await _http.GetAsync(new Uri(gateway, "/tc/icon.svg"));
        using var missing = await _http.GetAsync(new Uri(gateway, "/tc/assets/missing.js"));
        using var outsideBase = await _http.GetAsync(new Uri(gateway, "/assets/app.js"));

        Assert.Equal("console.log('app');", await script.Content.ReadAsStringAsync());
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outsideBase.StatusCode);
    }

    [Theory]
    [InlineData("/tc/../secret.txt")]
    [InlineData("/tc/%2e%2e/secret.txt")]
    [InlineData("/tc/..%2fsecret.txt")]
    [InlineData("/tc/assets/..%2f..%2fsecret.txt")]
    [InlineData("/tc/%2fetc%2fhostname.txt")]
    [InlineData("/tc/.env")]
    [InlineData("/tc/notes.unknowntype")]
    public async Task Nothing_outside_the_folder_hidden_or_of_an_unknown_type_is_served(string path)
    {
        var gateway = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway + path.TrimStart('/'), UriKind.Absolute));

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
    }

    [Fact]
    public async Task The_api_moves_under_the_base_path_and_the_system_status_says_a_user_exists()
    {
        var gateway = await StartAsync();

        using var status = await _http.GetAsync(new Uri(gateway, "/tc/api/v1/system"));
        using var rootStatus = await _http.GetAsync(new Uri(gateway, "/api/v1/system"));
        using var unknownApi = await _http.GetAsync(new Uri(gateway, "/tc/api/v1/nothing"));
        using var rpc = await PostRpcAsync(new Uri(gateway, "/tc/api/v1/jsonrpc"));
        using var rootRpc = await PostRpcAsync(new Uri(gateway, "/api/v1/jsonrpc"));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal("ok", JsonDocument.Parse(await status.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, rootStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownApi.StatusCode);
        // No token: the endpoint is there, and asks for one.
        Assert.Equal(HttpStatusCode.Unauthorized, rpc.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rootRpc.StatusCode);
    }

    private Task<HttpResponseMessage> PostRpcAsync(Uri endpoint) =>
        _http.PostAsync(endpoint, new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sys.versions\"}", System.Text.Encoding.UTF8, "application/json"));

    public void Dispose()
    {
        _http.Dispose();
        _root.Dispose();
    }
}
