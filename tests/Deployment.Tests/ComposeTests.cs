namespace TorrentCluster.Deployment.Tests;

public sealed class ComposeTests
{
    private static readonly string[] Silos = ["silo-1", "silo-2", "silo-3"];

    private readonly ComposeFile compose = ComposeFile.Load();

    [Fact]
    public void Defines_redis_three_silos_a_gateway_and_prometheus()
    {
        foreach (var name in Silos.Append("redis").Append("gateway").Append("prometheus"))
        {
            _ = compose.Service(name);
        }
    }

    [Fact]
    public void Redis_keeps_an_append_only_file_on_a_named_volume()
    {
        var redis = compose.Service("redis");
        var command = redis.GetValueOrDefault("command") switch
        {
            List<object> list => string.Join(' ', list.Cast<string>()),
            var other => other as string ?? "",
        };

        Assert.StartsWith("redis:7", redis["image"] as string, StringComparison.Ordinal);
        Assert.Contains("--appendonly yes", command, StringComparison.Ordinal);
        Assert.Contains("--appendfsync always", command, StringComparison.Ordinal);
        Assert.Contains(ComposeFile.Strings(redis, "volumes"), v => IsNamedVolumeAt(v, "/data"));
    }

    [Fact]
    public void Each_silo_has_its_own_data_volume()
    {
        var volumes = Silos.Select(silo =>
        {
            var mount = Assert.Single(ComposeFile.Strings(compose.Service(silo), "volumes"), v => IsNamedVolumeAt(v, "/data"));
            return mount.Split(':')[0];
        }).ToList();

        Assert.Equal(Silos.Length, volumes.Distinct().Count());
        var declared = ComposeFile.Mapping(compose.Root, "volumes").Keys.Cast<string>();
        Assert.All(volumes, volume => Assert.Contains(volume, declared));
    }

    [Fact]
    public void Each_silo_publishes_its_own_bittorrent_port_over_tcp_and_udp_and_listens_on_it()
    {
        var ports = Silos.Select(silo =>
        {
            var listenPort = int.Parse(compose.Environment(silo)["TorrentCluster__Engine__ListenPort"], System.Globalization.CultureInfo.InvariantCulture);
            var published = compose.Ports(silo);
            foreach (var protocol in new[] { "tcp", "udp" })
            {
                // Same number outside and inside: peers connect to the port the engine announces.
                Assert.Contains(published, p => p.Protocol == protocol && p.HostPort == listenPort && p.ContainerPort == listenPort);
            }

            return listenPort;
        }).ToList();

        Assert.Equal(Silos.Length, ports.Distinct().Count());
    }

    [Fact]
    public void Silos_join_through_redis_under_their_own_names_and_fixed_addresses()
    {
        var addresses = new List<string>();
        foreach (var silo in Silos)
        {
            var env = compose.Environment(silo);
            Assert.Equal("Redis", env["TorrentCluster__Cluster__Mode"]);
            Assert.StartsWith("redis:6379,", env["TorrentCluster__Cluster__Redis"], StringComparison.Ordinal);
            Assert.Equal("false", env["TorrentCluster__Cluster__HostGateway"]);
            Assert.Equal(silo, env["TorrentCluster__Cluster__SiloName"]);
            Assert.Equal("/data", env["TorrentCluster__Engine__DataPath"]);
            Assert.Equal("json", env["Logging__Console__FormatterName"]);

            // Orleans advertises an IP: it must be the container's fixed address on the compose network.
            var address = env["TorrentCluster__Cluster__AdvertisedAddress"];
            var networks = ComposeFile.Mapping(compose.Service(silo), "networks");
            var network = (Dictionary<object, object>)networks.Values.Single();
            Assert.Equal(address, network["ipv4_address"]);
            addresses.Add(address);
        }

        Assert.Equal(Silos.Length, addresses.Distinct().Count());
    }

    [Fact]
    public void The_gateway_publishes_the_api_on_loopback_only()
    {
        Assert.Contains("127.0.0.1:1337:1337", ComposeFile.Strings(compose.Service("gateway"), "ports"));
        Assert.All(compose.Ports("gateway"), port => Assert.Equal("127.0.0.1", port.HostIp));
        Assert.StartsWith("redis:6379,", compose.Environment("gateway")["TorrentCluster__Cluster__Redis"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_jwt_secret_has_no_default_and_only_the_gateway_gets_it()
    {
        var secret = compose.Environment("gateway")["TorrentCluster__Auth__Secret"];
        Assert.StartsWith("${TORRENTCLUSTER_JWT_SECRET:?", secret, StringComparison.Ordinal);

        // Silos host no gateway here: a secret they do not need is one more place it can leak from.
        Assert.All(Silos, silo => Assert.DoesNotContain("TorrentCluster__Auth__Secret", compose.Environment(silo).Keys));
    }

    [Fact]
    public void Project_images_are_built_from_their_dockerfiles()
    {
        var expected = new Dictionary<string, string> { ["gateway"] = ProjectImages.Gateway };
        foreach (var silo in Silos)
        {
            expected[silo] = ProjectImages.Silo;
        }

        foreach (var (service, image) in expected)
        {
            var definition = compose.Service(service);
            Assert.Equal(image, definition["image"]);
            var build = ComposeFile.Mapping(definition, "build");
            var context = build.GetValueOrDefault("context") as string ?? ".";
            var dockerfile = Path.GetRelativePath(RepositoryFiles.Root, Path.Combine(RepositoryFiles.PathOf(context), (string)build["dockerfile"])).Replace('\\', '/');

            // Built from the repository root, so the Dockerfile can copy every project it needs.
            Assert.Equal(".", Path.GetRelativePath(RepositoryFiles.Root, RepositoryFiles.PathOf(context)));
            Assert.Equal(ProjectImages.DockerfileOf(image), dockerfile);
            Assert.True(RepositoryFiles.Exists(dockerfile), $"{service} builds from {dockerfile}, which is missing");
        }
    }

    [Fact]
    public void Every_file_mounted_from_the_repository_exists()
    {
        var mounts = compose.Services.Values
            .SelectMany(service => ComposeFile.Strings(service, "volumes"))
            .Where(volume => volume.StartsWith("./", StringComparison.Ordinal))
            .Select(volume => volume.Split(':')[0][2..])
            .ToList();

        Assert.Contains("deploy/prometheus/prometheus.yml", mounts);
        Assert.All(mounts, path => Assert.True(
            File.Exists(RepositoryFiles.PathOf(path)) || Directory.Exists(RepositoryFiles.PathOf(path)),
            $"{ComposeFile.Path} mounts {path}, which is missing"));
    }

    private static bool IsNamedVolumeAt(string volume, string target)
    {
        var parts = volume.Split(':');
        return parts.Length >= 2 && parts[1] == target && !parts[0].StartsWith('.') && !parts[0].StartsWith('/');
    }
}
