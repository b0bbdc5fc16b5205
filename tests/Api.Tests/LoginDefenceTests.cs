using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>
/// Password guessing is slow and cheap for the gateway: logins are rate-limited per address and per user name
/// (HTTP 429 with Retry-After), auth calls never ride in batches, and Argon2id runs a bounded number at a time.
/// Each test starts a gateway replica of its own, so the limits it spends are its own.
/// </summary>
[Collection(ApiClusterCollection.Name)]
public sealed class LoginDefenceTests(ApiCluster api)
{
    [Fact]
    public async Task Twenty_rapid_wrong_logins_get_429_with_retry_after()
    {
        var gateway = await api.StartGatewayAsync();
        using var http = new HttpClient();
        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await http.PostAsJsonAsync(gateway, new { jsonrpc = "2.0", id = i, method = "auth.login", @params = new { username = ApiCluster.Username, password = $"wrong guess {i}" } });
            statuses.Add((int)response.StatusCode);
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
                Assert.Equal(-32002, answer.GetProperty("error").GetProperty("code").GetInt32());
                Assert.Equal(i, answer.GetProperty("id").GetInt32());
            }
            else
            {
                Assert.Equal("invalid_auth", answer.GetProperty("error").GetProperty("message").GetString());
            }
        }

        // The default: ten attempts a minute from one address.
        Assert.Equal([.. Enumerable.Repeat(200, 10), .. Enumerable.Repeat(429, 10)], statuses);

        // The right password too: the budget is spent, whoever is asking.
        using var right = await http.PostAsJsonAsync(gateway, new { jsonrpc = "2.0", id = 99, method = "auth.login", @params = new { username = ApiCluster.Username, password = ApiCluster.Password } });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
    }

    [Fact]
    public async Task Porlas_http_login_route_is_rate_limited_too()
    {
        var gateway = await api.StartGatewayAsync();
        using var http = new HttpClient();
        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await http.PostAsJsonAsync(new Uri(gateway, "/api/v1/auth/login"), new { username = ApiCluster.Username, password = $"wrong guess {i}" });
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
            }
        }

        Assert.Equal([.. Enumerable.Repeat(200, 10), .. Enumerable.Repeat(429, 10)], statuses);
    }

    [Fact]
    public async Task Logins_for_one_user_name_are_limited_whatever_the_address()
    {
        var gateway = await api.StartGatewayAsync(settings: new Dictionary<string, string>
        {
            ["TorrentCluster:Auth:AttemptsPerAddress"] = "1000",
            ["TorrentCluster:Auth:AttemptsPerUser"] = "5",
        });
        using var client = new JsonRpcClient(gateway);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(-2, Code(await client.CallAsync("auth.login", new { username = ApiCluster.Username, password = "wrong guess" })));
        }

        var (status, body) = await client.PostRawAsync($$$"""{"jsonrpc":"2.0","id":1,"method":"auth.login","params":{"username":"{{{ApiCluster.Username}}}","password":"wrong guess"}}""");
        Assert.Equal(429, status);
        Assert.Contains("for this user", body, StringComparison.Ordinal);

        // Another user name from the same address still gets its answer.
        Assert.Equal(-2, Code(await client.CallAsync("auth.login", new { username = "somebody else", password = "wrong guess" })));
    }

    [Theory]
    [InlineData("auth.login")]
    [InlineData("auth.init")]
    [InlineData("auth.logout")]
    [InlineData("auth.password.set")]
    public async Task A_batch_holding_an_auth_call_is_refused_whole(string method)
    {
        var batch = $$$"""[{"jsonrpc":"2.0","id":1,"method":"sys.versions"},{"jsonrpc":"2.0","id":2,"method":"{{{method}}}","params":{"username":"operator","password":"correct horse battery staple"}}]""";
        using var anonymous = new JsonRpcClient(api.SecondGateway);
        foreach (var client in new[] { api.Rpc, anonymous })
        {
            var (status, body) = await client.PostRawAsync(batch);
            Assert.Equal(200, status);
            var answer = JsonDocument.Parse(body).RootElement;
            Assert.Equal(JsonValueKind.Object, answer.ValueKind);
            Assert.Equal(-32600, Code(answer));
            Assert.Contains("not allowed in a batch", answer.GetProperty("error").GetProperty("data").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Password_hashes_beyond_the_concurrency_limit_wait_or_are_refused_as_busy()
    {
        // One hash at a time, 64 MiB each, so that eight logins sent together overlap.
        var limits = new Dictionary<string, string>
        {
            ["TorrentCluster:Auth:AttemptsPerAddress"] = "1000",
            ["TorrentCluster:Auth:AttemptsPerUser"] = "1000",
            ["TorrentCluster:Auth:MaxConcurrentHashes"] = "1",
            ["TorrentCluster:Auth:Argon2MemoryKiB"] = "65536",
        };
        var waiting = await api.StartGatewayAsync(settings: new Dictionary<string, string>(limits) { ["TorrentCluster:Auth:HashQueueLimit"] = "8" });
        var queued = await LoginsAtOnceAsync(waiting, 8);
        Assert.All(queued, answer => Assert.Equal((200, -2), answer));

        var refusing = await api.StartGatewayAsync(settings: new Dictionary<string, string>(limits) { ["TorrentCluster:Auth:HashQueueLimit"] = "0" });
        var refused = await LoginsAtOnceAsync(refusing, 8);
        Assert.Contains((200, -2), refused);
        Assert.Contains((503, -32001), refused);
        Assert.All(refused, answer => Assert.Contains(answer, new[] { (200, -2), (503, -32001) }));
    }

    private static async Task<(int Status, int Code)[]> LoginsAtOnceAsync(Uri gateway, int count)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await http.PostAsJsonAsync(gateway, new { jsonrpc = "2.0", id = i, method = "auth.login", @params = new { username = ApiCluster.Username, password = "wrong guess" } });
            return ((int)response.StatusCode, Code(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }));
    }

    private static int Code(JsonElement answer) => answer.GetProperty("error").GetProperty("code").GetInt32();
}
