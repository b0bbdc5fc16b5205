using System.Globalization;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// <c>auth.logout</c> and <c>auth.password.set</c> revoke every earlier token of the user: at once on the gateway
/// that served them, within <c>StampCacheDuration</c> on another replica. The replica is a standalone gateway
/// process in front of the embedded silo, with the same secret.
/// </summary>
public sealed class AccountTests(AccountTests.TwoGateways gateways) : IClassFixture<AccountTests.TwoGateways>
{
    [Fact]
    public async Task A_token_is_refused_after_auth_logout_on_the_same_gateway_at_once()
    {
        using var first = gateways.Client(gateways.Host, await gateways.LoginAsync(gateways.Host));
        using var second = gateways.Client(gateways.Host, await gateways.LoginAsync(gateways.Host));
        Assert.Equal(200, await StatusAsync(first));
        Assert.Equal(200, await StatusAsync(second));

        var logout = await first.ResultAsync("auth.logout", null);
        Assert.True(logout.GetProperty("ok").GetBoolean());

        // Every token of the user, not only the caller's.
        Assert.Equal(401, await StatusAsync(first));
        Assert.Equal(401, await StatusAsync(second));
        using var again = gateways.Client(gateways.Host, await gateways.LoginAsync(gateways.Host));
        Assert.Equal(200, await StatusAsync(again));
    }

    [Fact]
    public async Task A_token_is_refused_after_a_password_change_and_only_the_new_password_logs_in()
    {
        using var rpc = gateways.Client(gateways.Host, await gateways.LoginAsync(gateways.Host));
        var wrong = await rpc.CallAsync("auth.password.set", new { current_password = "not the password at all", new_password = "another fine password" });
        Assert.Equal(-2, wrong.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(200, await StatusAsync(rpc));

        var oldPassword = gateways.Password;
        var newToken = await gateways.ChangePasswordAsync(rpc, "another fine password");
        Assert.Equal(401, await StatusAsync(rpc));
        using var renewed = gateways.Client(gateways.Host, newToken);
        Assert.Equal(200, await StatusAsync(renewed));

        using var anonymous = gateways.Client(gateways.Host, token: null);
        var refused = await anonymous.CallAsync("auth.login", new { username = TwoGateways.Username, password = oldPassword });
        Assert.Equal("invalid_auth", refused.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(200, await StatusAsync(gateways.Client(gateways.Host, await gateways.LoginAsync(gateways.Host))));
    }

    [Fact]
    public async Task Another_replica_refuses_revoked_tokens_within_its_cache_window_and_takes_new_ones_at_once()
    {
        using var onReplica = gateways.Client(gateways.Replica, await gateways.LoginAsync(gateways.Host));
        Assert.Equal(200, await StatusAsync(onReplica));

        // A password change on the embedded gateway: its new token is newer than what the replica read, so
        // the replica reads the stamp again at once, and from then on refuses the old token.
        using var onHost = gateways.Client(gateways.Host, onReplica.Token);
        using var renewed = gateways.Client(gateways.Replica, await gateways.ChangePasswordAsync(onHost, "yet another fine password"));
        Assert.Equal(200, await StatusAsync(renewed));
        Assert.Equal(401, await StatusAsync(onReplica));

        // A logout there: the replica learns of it when its cached stamp expires.
        await gateways.Client(gateways.Host, renewed.Token).ResultAsync("auth.logout", null);
        var started = DateTime.UtcNow;
        await Eventually.Until(async () => await StatusAsync(renewed) == 401, TwoGateways.ReplicaStampCache + TimeSpan.FromSeconds(3),
            "the replica to refuse a token revoked on another gateway");
        Assert.True(DateTime.UtcNow - started < TwoGateways.ReplicaStampCache + TimeSpan.FromSeconds(3));
    }

    private static async Task<int> StatusAsync(JsonRpcClient client) =>
        (await client.PostRawAsync("""{"jsonrpc":"2.0","id":1,"method":"torrents.list","params":{}}""")).Status;

    /// <summary>The embedded default with auth on, and a standalone gateway process beside it on the same silo.</summary>
    public sealed class TwoGateways : IAsyncLifetime
    {
        public const string Username = "admin";
        public static readonly TimeSpan ReplicaStampCache = TimeSpan.FromSeconds(2);

        private readonly TempDirectory _root = new();
        private readonly List<JsonRpcClient> _clients = [];

        public HostProcess Host { get; private set; } = null!;

        public HostProcess Replica { get; private set; } = null!;

        /// <summary>The user's password as the tests have left it.</summary>
        public string Password { get; private set; } = "the first password of all";

        public async Task InitializeAsync()
        {
            var gatewayPort = Text(FreePort.Next());
            // Tests here log in often: the attempt limits have their own tests.
            var settings = new Dictionary<string, string>(SecuredHostFixture.AuthOn())
            {
                ["TorrentCluster__Cluster__GatewayPort"] = gatewayPort,
                ["TorrentCluster__Auth__AttemptsPerAddress"] = "1000",
                ["TorrentCluster__Auth__AttemptsPerUser"] = "1000",
            };
            Host = await HostProcess.StartEmbeddedAsync(Path.Combine(_root.Path, "host"), settings);
            await ClusterApi.InitAndLoginAsync(Host.BaseUri, Username, Password);

            var secret = (await File.ReadAllTextAsync(Path.Combine(Host.DataPath, "state", "jwt-secret"))).Trim();
            Replica = await HostProcess.StartGatewayAsync(Path.Combine(_root.Path, "replica"), redis: string.Empty, new Dictionary<string, string>
            {
                ["TorrentCluster__Cluster__GatewayPort"] = gatewayPort,
                ["TorrentCluster__Auth__Enabled"] = "true",
                ["TorrentCluster__Auth__Secret"] = secret,
                ["TorrentCluster__Auth__StampCacheDuration"] = ReplicaStampCache.ToString("c", CultureInfo.InvariantCulture),
            });
        }

        public JsonRpcClient Client(HostProcess gateway, string? token)
        {
            var client = new JsonRpcClient(new Uri(gateway.BaseUri, "api/v1/jsonrpc")) { Token = token };
            _clients.Add(client);
            return client;
        }

        public async Task<string> LoginAsync(HostProcess gateway) =>
            (await Client(gateway, null).ResultAsync("auth.login", new { username = Username, password = Password })).GetProperty("token").GetString()!;

        /// <summary>Changes the password through <paramref name="caller"/>; the token it answers with.</summary>
        public async Task<string> ChangePasswordAsync(JsonRpcClient caller, string newPassword)
        {
            var result = await caller.ResultAsync("auth.password.set", new { current_password = Password, new_password = newPassword });
            Password = newPassword;
            return result.GetProperty("token").GetString()!;
        }

        public async Task DisposeAsync()
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            await Replica.DisposeAsync();
            await Host.DisposeAsync();
            _root.Dispose();
        }

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
