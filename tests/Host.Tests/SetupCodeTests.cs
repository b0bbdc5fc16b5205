using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// A fresh install is not claimed by whoever asks first: <c>auth.init</c> from another machine needs the one-time
/// code the process wrote to its log and state folder. The client is made remote by a proxy's
/// <c>X-Forwarded-For</c> (tests stay on loopback); the gateway counts a forwarded request as remote.
/// </summary>
public sealed class SetupCodeTests : IAsyncLifetime
{
    private const string Password = "the first user's password";

    private readonly TempDirectory _root = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private HostProcess _host = null!;

    public async Task InitializeAsync() =>
        _host = await HostProcess.StartEmbeddedAsync(Path.Combine(_root.Path, "host"), SecuredHostFixture.AuthOn());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _http.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task Init_from_another_machine_needs_the_setup_code_from_the_log_and_state_folder_and_it_works_once()
    {
        var file = Path.Combine(_host.DataPath, "state", "setup-code");
        await Eventually.Until(() => File.Exists(file), TimeSpan.FromSeconds(30), "the setup code file");
        var code = (await File.ReadAllTextAsync(file)).Trim();
        Assert.Equal(32, code.Length);
        await Eventually.Until(() => _host.Output.Contains(code, StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the setup code in the log");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Equal(-3, ErrorCode(await InitAsync(setupCode: null, remote: true)));
        Assert.Equal(-3, ErrorCode(await InitAsync(setupCode: new string('0', 32), remote: true)));
        var (status, text) = await PostAsync("api/v1/auth/init", new { username = "admin", password = Password }, remote: true);
        Assert.Equal(403, status);
        Assert.Contains("setup_code", text, StringComparison.Ordinal);

        // A refused password does not use the code up.
        Assert.Equal(-32602, ErrorCode(await InitAsync(code, remote: true, password: "short")));

        var created = await InitAsync(code, remote: true);
        Assert.True(created.GetProperty("result").GetProperty("ok").GetBoolean(), created.ToString());
        Assert.False(File.Exists(file), "the setup code file outlived its use");

        // Once: the same code opens nothing any more, from anywhere.
        Assert.Equal(-1, ErrorCode(await InitAsync(code, remote: true)));
        Assert.Equal(-1, ErrorCode(await InitAsync(setupCode: null, remote: false)));
        using var rpc = new JsonRpcClient(new Uri(_host.BaseUri, "api/v1/jsonrpc"));
        Assert.True((await rpc.ResultAsync("auth.login", new { username = "admin", password = Password })).TryGetProperty("token", out _));
    }

    private static int ErrorCode(JsonElement answer) =>
        answer.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : throw new InvalidOperationException($"no error in {answer}");

    private async Task<JsonElement> InitAsync(string? setupCode, bool remote, string password = Password)
    {
        var (status, body) = await PostAsync("api/v1/jsonrpc",
            new { jsonrpc = "2.0", id = 1, method = "auth.init", @params = new { username = "admin", password, setup_code = setupCode } }, remote);
        Assert.Equal(200, status);
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(int Status, string Body)> PostAsync(string path, object body, bool remote)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.BaseUri, path))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (remote)
        {
            request.Headers.Add("X-Forwarded-For", "192.0.2.10");
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
