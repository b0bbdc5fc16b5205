using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TorrentCluster.AppHost;
using TorrentCluster.Silo.Auth;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.ServiceDefaults.Health;

// A cluster of cluster mode (README, "Cluster mode: many silos on Redis") on one machine, for developers:
// redis-server, three silos and the gateway as local processes (no container engine needed), all on loopback,
// with the Aspire dashboard showing their logs, traces and metrics. `dotnet run --project src/AppHost`.
//
// Settings (command line `--AppHost:GatewayPort=1400`, environment `AppHost__GatewayPort=1400`, or appsettings.json):
//   AppHost:StatePath      every process's data: Redis' append-only file and password, one folder per silo, the
//                          JWT secret, the cluster CA and certificates (certs/)
//   AppHost:BasePort       Redis listens on it; silo i on BasePort+10+i (HTTP), +20+i (silo), +30+i (Orleans
//                          gateway), +40+i (BitTorrent)
//   AppHost:GatewayPort    the JSON-RPC gateway's HTTP port
//   AppHost:Silos          how many silos
//   AppHost:ListenAddress  where the silos' BitTorrent engines listen
var builder = DistributedApplication.CreateBuilder(args);
var settings = builder.Configuration.GetSection("AppHost");
var statePath = Path.GetFullPath(settings["StatePath"] is { Length: > 0 } configured
    ? configured
    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "torrentcluster-apphost"));
var basePort = settings.GetValue("BasePort", 16300);
var gatewayPort = settings.GetValue("GatewayPort", 1337);
var siloCount = settings.GetValue("Silos", 3);
var listenAddress = settings["ListenAddress"] is { Length: > 0 } address ? address : "127.0.0.1";

// Redis as a plain redis-server process, AOF on as cluster mode asks (appendfsync always: an answered write is on disk,
// so a crash of Redis loses none), with a password made once (in an owner-only configuration file, not on the command
// line, where ps would show it); silos wait until it answers PING.
var redisData = Directory.CreateDirectory(Path.Combine(statePath, "redis")).FullName;
var redisPort = basePort;
var redisPassword = EmbeddedAuthSecret.LoadOrCreate(statePath, "redis-password");
var redisConfiguration = Path.Combine(statePath, "redis.conf");
OwnerOnlyFile.Write(redisConfiguration, $"requirepass {redisPassword}\n");
var redis = builder.AddExecutable(
        "redis", "redis-server", redisData,
        redisConfiguration, "--port", Text(redisPort), "--bind", "127.0.0.1", "--appendonly", "yes", "--appendfsync", "always", "--dir", redisData, "--save", "")
    .WithEndpoint(port: redisPort, targetPort: redisPort, scheme: "tcp", name: "tcp", isProxied: false)
    .WithHealthCheck("redis-ping");
var redisConnection = $"127.0.0.1:{Text(redisPort)},password={redisPassword}";
builder.Services.AddSingleton(_ => new RedisHealthCheck(redisConnection));
builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
    "redis-ping", provider => provider.GetRequiredService<RedisHealthCheck>(), HealthStatus.Unhealthy, tags: null));

// Mutual TLS on Orleans' ports, as cluster mode requires: the cluster CA and a certificate per process, made by
// the same script as deploy/local-cluster.sh's and kept in the state folder.
var certificates = Path.Combine(statePath, "certs");
var members = Enumerable.Range(0, siloCount).Select(i => $"silo-{Text(i)}").Append("gateway").ToList();
MakeCertificates(Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "deploy", "certs.sh")), certificates, members);

// One secret for every gateway (cluster mode requires one), made once and kept with the cluster's state so
// tokens survive restarts of the AppHost.
var secret = EmbeddedAuthSecret.LoadOrCreate(statePath);

for (var i = 0; i < siloCount; i++)
{
    var name = $"silo-{Text(i)}";
    var httpPort = basePort + 10 + i;
    builder.AddProject<Projects.Silo>(name, launchProfileName: null)
        .WithHttpEndpoint(port: httpPort, targetPort: httpPort, name: "http", isProxied: false)
        // appsettings.json names a URL of its own, which ASPNETCORE_URLS does not override; --urls does.
        .WithArgs("--urls", $"http://127.0.0.1:{Text(httpPort)}")
        .WithEnvironment("TorrentCluster__Cluster__Mode", "Redis")
        .WithEnvironment("TorrentCluster__Cluster__Redis", redisConnection)
        .WithEnvironment("TorrentCluster__Cluster__SiloName", name)
        .WithEnvironment("TorrentCluster__Cluster__AdvertisedAddress", "127.0.0.1")
        .WithEnvironment("TorrentCluster__Cluster__HostGateway", "false")
        .WithEnvironment("TorrentCluster__Cluster__SiloPort", Text(basePort + 20 + i))
        .WithEnvironment("TorrentCluster__Cluster__GatewayPort", Text(basePort + 30 + i))
        .WithEnvironment("TorrentCluster__Engine__DataPath", Directory.CreateDirectory(Path.Combine(statePath, name)).FullName)
        .WithEnvironment("TorrentCluster__Engine__ListenAddress", listenAddress)
        .WithEnvironment("TorrentCluster__Engine__ListenPort", Text(basePort + 40 + i))
        .WithClusterCertificate(certificates, name)
        .WithHttpHealthCheck("/readyz")
        .WaitFor(redis);
}

// The gateway keeps retrying until silos join, so it only waits for Redis.
builder.AddProject<Projects.Gateway>("gateway", launchProfileName: null)
    .WithHttpEndpoint(port: gatewayPort, targetPort: gatewayPort, name: "http", isProxied: false)
    .WithArgs("--urls", $"http://127.0.0.1:{Text(gatewayPort)}")
    .WithEnvironment("TorrentCluster__Cluster__Redis", redisConnection)
    .WithEnvironment("TorrentCluster__Auth__Secret", secret)
    .WithClusterCertificate(certificates, "gateway")
    .WithHttpHealthCheck("/readyz")
    .WaitFor(redis);

builder.Build().Run();

static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

static void MakeCertificates(string script, string folder, IEnumerable<string> names)
{
    var start = new ProcessStartInfo("sh") { UseShellExecute = false };
    foreach (var argument in names.Prepend(folder).Prepend(script))
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
    if (!process.WaitForExit(TimeSpan.FromSeconds(60)) || process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{script} could not make the cluster's certificates in {folder} (is openssl installed?)");
    }
}
