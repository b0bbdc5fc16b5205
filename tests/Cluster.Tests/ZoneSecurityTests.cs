using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Orleans.Hosting;
using TorrentCluster.Abstractions.Auth;
using TorrentCluster.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// The zone behind the gateway as an intruder on the cluster's network meets it: Orleans' ports that answer only
/// holders of a certificate from the cluster's CA, and a Redis that answers only those who know its password.
/// </summary>
public sealed class ZoneSecurityTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // What the silo's TLS layer logs for each connection it refuses.
    private const string RefusedConnection = "Orleans.Connections.Security.TlsServerConnectionMiddleware";

    [Fact]
    public async Task An_orleans_client_without_a_certificate_from_the_cluster_ca_is_refused_by_the_silo()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 1);
        var silo = cluster.Silo(cluster.SiloNames.Single());
        var gateway = new IPEndPoint(IPAddress.Loopback, int.Parse(silo.Settings["TorrentCluster__Cluster__GatewayPort"], CultureInfo.InvariantCulture));
        using var foreign = await ClusterCertificateAuthority.CreateAsync();
        await foreign.IssueAsync("intruder");
        await cluster.Certificates.IssueAsync("operator-tool");

        // The intruder knows the port and the cluster id and accepts whatever certificate the silo shows.
        var attempts = new (string Who, Action<IClientBuilder> Tls)[]
        {
            ("a client in plain text", _ => { }),
            ("a TLS client with no certificate", client => client.UseTls(tls =>
            {
                tls.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
                tls.AllowAnyRemoteCertificate();
            })),
            ("a TLS client with a certificate from another CA", client => client.UseTls(tls => Present(tls, foreign, "intruder"))),
        };
        foreach (var (who, tls) in attempts)
        {
            var refusalsBefore = CountInLog(silo, RefusedConnection);
            var outcome = await TryReadUsersAsync(gateway, tls, IntruderWait);
            output.WriteLine($"{who}: {outcome}");

            Assert.False(outcome.Answered, $"{who} called a grain: {outcome}");
            await Eventually.Until(
                () => Task.FromResult(CountInLog(silo, RefusedConnection) > refusalsBefore), TimeSpan.FromSeconds(20), $"the silo to log that it refused {who}");
        }

        // The same client with a certificate from the cluster's CA gets its answer: the certificate made the difference.
        var member = await TryReadUsersAsync(gateway, client => client.UseTls(tls => Present(tls, cluster.Certificates, "operator-tool")), MemberWait);
        output.WriteLine($"a client with the cluster's certificate: {member}");
        Assert.True(member.Answered, $"a client with the cluster's certificate was refused: {member}");
    }

    [Fact]
    public async Task A_silo_with_a_certificate_from_another_ca_never_joins_the_cluster()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 1);
        using var foreign = await ClusterCertificateAuthority.CreateAsync();
        using var data = new TempDirectory();

        // It knows Redis' password, so it can write itself into membership: the cluster must still not let it in.
        var settings = await foreign.TlsSettingsAsync("silo-rogue");
        await using var rogue = await HostProcess.StartClusterSiloAsync("silo-rogue", data.Path, cluster.Redis.ConnectionString, settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var refusals = 0;
        while (DateTime.UtcNow < deadline && !rogue.HasExited)
        {
            Assert.Equal(["silo-0"], await cluster.ActiveSilosAsync());
            Assert.False(await IsReadyAsync(http, rogue), "the rogue silo became active");
            refusals = CountInLog(cluster.Silo("silo-0"), RefusedConnection);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        output.WriteLine($"the rogue silo {(rogue.HasExited ? "gave up and exited" : "was still trying after 60 s")}; silo-0 refused {refusals} connection(s)");
        Assert.True(refusals > 0, "silo-0 never refused a connection from the rogue silo");
        Assert.Equal(["silo-0"], await cluster.ActiveSilosAsync());
    }

    [Fact]
    public async Task Redis_with_a_password_refuses_a_silo_without_it_and_a_silo_with_it_joins()
    {
        await using var redis = await RedisServer.StartAsync(password: RedisServer.NewPassword());
        using var certificates = await ClusterCertificateAuthority.CreateAsync();
        using var data = new TempDirectory();

        foreach (var (who, connection) in new[] { ("no password", redis.Endpoint), ("a wrong password", $"{redis.Endpoint},password=guessed") })
        {
            await using var refused = await HostProcess.StartClusterSiloAsync(
                "silo-0", Path.Combine(data.Path, "refused"), connection, await certificates.TlsSettingsAsync("silo-0"));
            // Its log is read once its output has ended, not merely once it exited (CI once read an empty log).
            await refused.WaitForExitAsync(Patience);
            var log = await File.ReadAllTextAsync(Path.Combine(refused.DataPath, "host.log"));
            output.WriteLine($"a silo with {who}: exited; its log says '{FirstLineWith(log, "authentication failure")}'");
            Assert.Contains("There was an authentication failure; check that passwords", log, StringComparison.Ordinal);
        }

        await using var admitted = await HostProcess.StartClusterSiloAsync(
            "silo-0", Path.Combine(data.Path, "admitted"), redis.ConnectionString, await certificates.TlsSettingsAsync("silo-0"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(async () => admitted.HasExited || await IsReadyAsync(http, admitted), Patience, "the silo with the password to be active");
        Assert.False(admitted.HasExited, $"the silo with the password exited:\n{admitted.Output}");
    }

    [Fact]
    public async Task A_cluster_silo_without_certificates_refuses_to_start_unless_told_and_then_warns_that_its_ports_are_open()
    {
        await using var redis = await RedisServer.StartAsync(password: RedisServer.NewPassword());
        using var data = new TempDirectory();

        await using (var refused = await HostProcess.StartClusterSiloAsync("silo-0", Path.Combine(data.Path, "refused"), redis.ConnectionString))
        {
            await Eventually.Until(() => Task.FromResult(refused.HasExited), Patience, "the silo without certificates to refuse to start");
            Assert.Contains("TorrentCluster:Cluster:Tls:Required=false", refused.Output, StringComparison.Ordinal);
        }

        await using var plain = await HostProcess.StartClusterSiloAsync(
            "silo-0", Path.Combine(data.Path, "plain"), redis.ConnectionString, new Dictionary<string, string> { ["TorrentCluster__Cluster__Tls__Required"] = "false" });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.Until(async () => plain.HasExited || await IsReadyAsync(http, plain), Patience, "the silo told to run without TLS to be active");
        Assert.False(plain.HasExited, $"the silo told to run without TLS exited:\n{plain.Output}");
        Assert.Contains("Orleans' ports are in PLAIN TEXT", plain.Output, StringComparison.Ordinal);
    }

    /// <summary>Connects an Orleans client to one silo gateway and asks the users grain whether users exist.</summary>
    // An intruder's client keeps retrying until its wait ends, and its refusal is proven by the silo's log, not by
    // the wait: a few seconds show it gets no answer. A member connects and answers in a second or two; its wait
    // only bounds a loaded machine.
    private static readonly TimeSpan IntruderWait = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan MemberWait = TimeSpan.FromSeconds(30);

    private static async Task<Outcome> TryReadUsersAsync(IPEndPoint gateway, Action<IClientBuilder> tls, TimeSpan wait)
    {
        using var host = new HostBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(gateway);
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = "torrentcluster";
                    cluster.ServiceId = "torrentcluster";
                });
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10));
                tls(client);
            })
            .Build();
        using var bounded = new CancellationTokenSource(wait);
        try
        {
            await host.StartAsync(bounded.Token);
            var users = host.Services.GetRequiredService<IClusterClient>().GetGrain<IUsersGrain>(0);
            var any = await users.AnyAsync().WaitAsync(bounded.Token);
            return new Outcome(true, $"answered: users exist = {any}");
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
        {
            return new Outcome(false, $"{exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(stopping.Token);
        }
    }

    // Presents a certificate the way an intruder would: whatever the silo shows is accepted.
    private static void Present(TlsOptions tls, ClusterCertificateAuthority authority, string name)
    {
        using var pem = X509Certificate2.CreateFromPemFile(authority.CertificatePath(name), authority.KeyPath(name));
        tls.LocalCertificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.AllowAnyRemoteCertificate();
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, HostProcess silo)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(silo.BaseUri, "/readyz"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int CountInLog(HostProcess process, string text)
    {
        var path = Path.Combine(process.DataPath, "host.log");
        return File.Exists(path) ? File.ReadLines(path).Count(line => line.Contains(text, StringComparison.Ordinal)) : 0;
    }

    private static string FirstLineWith(string log, string text) =>
        log.Split('\n').FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal))?.Trim() ?? "";

    private sealed record Outcome(bool Answered, string Detail)
    {
        public override string ToString() => Detail;
    }
}
