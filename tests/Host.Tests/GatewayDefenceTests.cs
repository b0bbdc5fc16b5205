using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Host.Tests;

/// <summary>What a caller without a token, or a web page in the operator's browser, can make the embedded default do: almost nothing.</summary>
public sealed class GatewayDefenceTests(SecuredHostFixture fixture, ITestOutputHelper output) : IClassFixture<SecuredHostFixture>
{
    private const int MiB = 1024 * 1024;

    // No cookie jar: the login cookie of one test would make the next one's anonymous requests authenticated.
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    [Fact]
    public async Task A_20_MiB_anonymous_body_is_refused_before_parsing_and_the_process_barely_grows()
    {
        var login = Encoding.UTF8.GetBytes(
            """{"jsonrpc":"2.0","id":1,"method":"auth.login","params":{"username":"admin","password":" """ + new string('A', 20 * MiB) + "\"}}");
        Assert.True(login.Length > 20 * MiB);

        // Once each way first, so that what is measured is the requests, not code loading on first use.
        await PostLargeAsync(login, chunked: false);
        await PostLargeAsync(login, chunked: true);
        var before = ProcessTable.ResidentBytes(fixture.Host.ProcessId);
        var peak = before;
        for (var i = 0; i < 5; i++)
        {
            foreach (var chunked in new[] { false, true })
            {
                var (status, body) = await PostLargeAsync(login, chunked);
                Assert.True(status == 413, $"{status} {body}");
                var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
                Assert.Equal(-32600, error.GetProperty("code").GetInt32());
                Assert.Contains("65536 bytes, the limit without a valid token", error.GetProperty("data").GetString(), StringComparison.Ordinal);
                peak = Math.Max(peak, ProcessTable.ResidentBytes(fixture.Host.ProcessId));
            }
        }

        var after = ProcessTable.ResidentBytes(fixture.Host.ProcessId);
        output.WriteLine($"host resident memory: {before / (double)MiB:0.0} MiB before ten 20 MiB anonymous requests, peak {peak / (double)MiB:0.0} MiB, after {after / (double)MiB:0.0} MiB (growth {(peak - before) / (double)MiB:0.0} MiB)");
        // A body read into memory would grow the host by 20 MiB at least; the runtime's own churn while serving ten
        // requests (1.2-1.8 MiB under server GC, 5.3 MiB once under workstation GC on a loaded CI machine) stays far
        // below half of one body.
        Assert.True(peak - before < 10 * MiB, $"the host grew by {(peak - before) / (double)MiB:0.0} MiB");
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(new Uri(fixture.Host.BaseUri, "readyz"))).StatusCode);
    }

    [Fact]
    public async Task A_large_body_with_a_valid_token_is_still_read_up_to_the_full_limit()
    {
        // 1 MiB of params: far past the anonymous limit, well within MaxRequestBytes; it reaches the method.
        var call = $$$"""{"jsonrpc":"2.0","id":7,"method":"torrents.add","params":{"ti":"{{{new string('A', MiB)}}}"}}""";
        var (status, body) = await PostAsync(fixture.JsonRpc, call, "application/json", fixture.Token);
        Assert.Equal(200, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.NotEqual(-32600, error.GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("api/v1/jsonrpc", "text/plain")]
    [InlineData("api/v1/jsonrpc", "application/x-www-form-urlencoded")]
    [InlineData("api/v1/jsonrpc", "multipart/form-data; boundary=x")]
    [InlineData("api/v1/auth/login", "text/plain")]
    [InlineData("api/v1/auth/login", "application/x-www-form-urlencoded")]
    [InlineData("api/v1/auth/init", "text/plain")]
    public async Task A_post_a_web_page_could_send_without_asking_is_refused_with_415(string path, string contentType)
    {
        var body = path.EndsWith("jsonrpc", StringComparison.Ordinal) ? ListCall : LoginBody;
        var (status, _) = await PostAsync(new Uri(fixture.Host.BaseUri, path), body, contentType, fixture.Token);
        Assert.Equal(415, status);

        // A page of another origin says so in Origin, which it cannot forge.
        (status, _) = await PostAsync(new Uri(fixture.Host.BaseUri, path), body, contentType, fixture.Token,
            ("Origin", "http://attacker.example"), ("Sec-Fetch-Site", "cross-site"));
        Assert.Equal(415, status);
    }

    [Fact]
    public async Task Porlas_web_ui_posting_text_plain_from_the_same_origin_keeps_working()
    {
        // Porla's UI posts JSON.stringify(...) without headers: browsers label it text/plain and add
        // Sec-Fetch-Site (current browsers) or Origin (older ones).
        var (status, body) = await PostAsync(fixture.JsonRpc, ListCall, "text/plain;charset=UTF-8", fixture.Token, ("Sec-Fetch-Site", "same-origin"));
        Assert.Equal(200, status);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("result", out _), body);

        (status, body) = await PostAsync(fixture.JsonRpc, ListCall, "text/plain;charset=UTF-8", fixture.Token,
            ("Origin", $"http://127.0.0.1:{fixture.Host.HttpPort}"));
        Assert.Equal(200, status);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("result", out _), body);

        (status, body) = await PostAsync(new Uri(fixture.Host.BaseUri, "api/v1/auth/login"), LoginBody, "text/plain;charset=UTF-8", token: null,
            ("Sec-Fetch-Site", "same-origin"));
        Assert.Equal(200, status);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("token", out _), body);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:{port}")]
    [InlineData("127.0.0.1.attacker.example:{port}")]
    [InlineData("localhost.attacker.example")]
    public async Task A_foreign_host_header_is_refused_on_a_loopback_bound_gateway(string host)
    {
        host = host.Replace("{port}", fixture.Host.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (status, body) = await PostAsync(fixture.JsonRpc, ListCall, "application/json", fixture.Token, ("Host", host));
        Assert.Equal(400, status);
        Assert.Contains("Invalid Host header", body, StringComparison.Ordinal);

        using var probe = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Host.BaseUri, "healthz"));
        probe.Headers.Host = host;
        using var answer = await Http.SendAsync(probe);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:{port}")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("127.0.0.2")]
    public async Task Loopback_host_names_are_served_with_any_port(string host)
    {
        host = host.Replace("{port}", fixture.Host.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var (status, body) = await PostAsync(fixture.JsonRpc, ListCall, "application/json", fixture.Token, ("Host", host));
        Assert.Equal(200, status);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("result", out _), body);
    }

    [Fact]
    public async Task Passwords_shorter_than_12_characters_are_refused_with_a_clear_error()
    {
        using var rpc = new JsonRpcClient(fixture.JsonRpc);
        var init = await rpc.CallAsync("auth.init", new { username = "someone", password = "eleven char" });
        Assert.Equal(-32602, init.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("at least 12 characters", init.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);

        var (status, body) = await PostAsync(new Uri(fixture.Host.BaseUri, "api/v1/auth/init"), """{"username":"someone","password":"short"}""", "application/json", token: null);
        Assert.Equal(400, status);
        Assert.Contains("at least 12 characters", body, StringComparison.Ordinal);

        rpc.Token = fixture.Token;
        var change = await rpc.CallAsync("auth.password.set", new { current_password = SecuredHostFixture.Password, new_password = "too short" });
        Assert.Equal(-32602, change.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("'new_password' must be at least 12 characters", change.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    private const string ListCall = """{"jsonrpc":"2.0","id":1,"method":"torrents.list","params":{}}""";

    private static readonly string LoginBody = JsonSerializer.Serialize(new { username = SecuredHostFixture.Username, password = SecuredHostFixture.Password });

    private async Task<(int Status, string Body)> PostLargeAsync(byte[] body, bool chunked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.JsonRpc) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<(int Status, string Body)> PostAsync(Uri uri, string body, string contentType, string? token, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers)
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }

        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
