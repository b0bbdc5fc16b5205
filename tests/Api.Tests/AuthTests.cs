using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>Porla's authentication: the first user by auth.init, HS256 tokens by auth.login, 401 for anything else.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class AuthTests(ApiCluster api)
{
    [Fact]
    public async Task A_call_without_a_token_is_refused_with_porlas_401()
    {
        using var anonymous = new JsonRpcClient(api.FirstGateway);
        var (status, body) = await anonymous.PostRawAsync("""{"jsonrpc":"2.0","id":1,"method":"torrents.list","params":{}}""");
        Assert.Equal(401, status);
        Assert.Equal("Unauthorized", body);
    }

    [Fact]
    public async Task A_garbage_token_is_refused()
    {
        using var client = new JsonRpcClient(api.FirstGateway) { Token = "not.a.jwt" };
        Assert.Equal(401, (await client.PostRawAsync(ListCall)).Status);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var shortLived = await api.StartGatewayAsync(tokenLifetime: TimeSpan.FromSeconds(1));
        using var client = new JsonRpcClient(shortLived);
        client.Token = await LoginAsync(client);
        Assert.Equal(200, (await client.PostRawAsync(ListCall)).Status);

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(401, (await client.PostRawAsync(ListCall)).Status);
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_is_refused()
    {
        var foreign = await api.StartGatewayAsync(secret: "another-secret-of-at-least-32-characters!!");
        using var foreignClient = new JsonRpcClient(foreign);
        var foreignToken = await LoginAsync(foreignClient);

        using var client = new JsonRpcClient(api.FirstGateway) { Token = foreignToken };
        Assert.Equal(401, (await client.PostRawAsync(ListCall)).Status);
    }

    [Fact]
    public async Task A_token_from_one_gateway_replica_is_accepted_by_another()
    {
        using var second = new JsonRpcClient(api.SecondGateway) { Token = api.Rpc.Token };
        var (status, body) = await second.PostRawAsync(ListCall);
        Assert.Equal(200, status);
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("result", out _), body);
    }

    [Fact]
    public async Task Init_works_once_and_login_refuses_a_wrong_password()
    {
        using var anonymous = new JsonRpcClient(api.SecondGateway);
        var again = await anonymous.CallAsync("auth.init", new { username = "intruder", password = "long enough to be a password" });
        Assert.Equal(-1, again.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Already initialized", again.GetProperty("error").GetProperty("message").GetString());

        var wrong = await anonymous.CallAsync("auth.login", new { username = ApiCluster.Username, password = "wrong" });
        Assert.Equal("invalid_auth", wrong.GetProperty("error").GetProperty("message").GetString());
        var unknown = await anonymous.CallAsync("auth.login", new { username = "nobody", password = "wrong" });
        Assert.Equal("invalid_auth", unknown.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Porlas_http_routes_log_in_and_refuse_a_second_init()
    {
        using var http = new HttpClient();
        var login = await http.PostAsJsonAsync(new Uri(api.SecondGateway, "/api/v1/auth/login"), new { username = ApiCluster.Username, password = ApiCluster.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("porla-auth-token=", StringComparison.Ordinal));

        using var client = new JsonRpcClient(api.FirstGateway) { Token = token };
        Assert.Equal(200, (await client.PostRawAsync(ListCall)).Status);

        var bad = await http.PostAsJsonAsync(new Uri(api.SecondGateway, "/api/v1/auth/login"), new { username = ApiCluster.Username, password = "nope" });
        Assert.Equal("invalid_auth", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var init = await http.PostAsJsonAsync(new Uri(api.SecondGateway, "/api/v1/auth/init"), new { username = "second", password = "long enough to be a password" });
        Assert.Equal(HttpStatusCode.BadRequest, init.StatusCode);
        Assert.Equal("Already initialized", await init.Content.ReadAsStringAsync());
    }

    private const string ListCall = """{"jsonrpc":"2.0","id":1,"method":"torrents.list","params":{}}""";

    private static async Task<string> LoginAsync(JsonRpcClient client) =>
        (await client.ResultAsync("auth.login", new { username = ApiCluster.Username, password = ApiCluster.Password })).GetProperty("token").GetString()!;
}
