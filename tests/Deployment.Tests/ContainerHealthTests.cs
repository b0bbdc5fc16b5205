using k8s.Models;

namespace TorrentCluster.Deployment.Tests;

/// <summary>Probes, resources, images and users of the containers.</summary>
[Collection(ManifestsCollection.Name)]
public sealed class ContainerHealthTests(RenderedManifests manifests)
{
    public static TheoryData<string> ProjectContainers => new() { "silo", "gateway" };

    [Theory]
    [MemberData(nameof(ProjectContainers))]
    public void Liveness_asks_healthz_and_readiness_asks_readyz_on_the_http_port(string name)
    {
        var container = Container(name);
        var httpPort = name == "silo" ? CodeDefaults.SiloHttpPort : CodeDefaults.GatewayHttpPort;

        AssertHttpProbe(container.LivenessProbe, "/healthz", httpPort, container);
        AssertHttpProbe(container.ReadinessProbe, "/readyz", httpPort, container);
        if (container.StartupProbe is not null)
        {
            AssertHttpProbe(container.StartupProbe, "/healthz", httpPort, container);
        }
    }

    [Fact]
    public void Every_container_requests_cpu_and_memory_and_caps_memory()
    {
        var containers = manifests.PodTemplates.SelectMany(t => t.Template.Spec.Containers.Select(c => (t.Workload, Container: c))).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, item =>
        {
            var resources = item.Container.Resources;
            var where = $"{item.Workload} container {item.Container.Name}";
            Assert.True(resources?.Requests?.ContainsKey("cpu") == true, $"{where} requests no cpu");
            Assert.True(resources.Requests.ContainsKey("memory"), $"{where} requests no memory");
            Assert.True(resources.Limits?.ContainsKey("memory") == true, $"{where} has no memory limit");
        });
    }

    [Fact]
    public void Every_pod_runs_as_a_non_root_user()
    {
        Assert.All(manifests.PodTemplates, item =>
        {
            var pod = item.Template.Spec.SecurityContext;
            Assert.All(item.Template.Spec.Containers, container =>
            {
                var runAsNonRoot = container.SecurityContext?.RunAsNonRoot ?? pod?.RunAsNonRoot;
                var runAsUser = container.SecurityContext?.RunAsUser ?? pod?.RunAsUser;
                Assert.True(runAsNonRoot == true, $"{item.Workload} container {container.Name} may run as root");
                Assert.True(runAsUser is null or > 0, $"{item.Workload} container {container.Name} runs as uid 0");
                Assert.False(container.SecurityContext?.AllowPrivilegeEscalation ?? true, $"{item.Workload} container {container.Name} allows privilege escalation");
            });
        });
    }

    [Fact]
    public void Project_pods_run_as_the_images_app_user_and_the_silo_owns_its_volume()
    {
        // 1654 is the `app` user of the .NET images; the Dockerfiles switch to it with USER $APP_UID.
        Assert.Equal(1654, manifests.Silo.Spec.Template.Spec.SecurityContext.RunAsUser);
        Assert.Equal(1654, manifests.Silo.Spec.Template.Spec.SecurityContext.FsGroup);
        Assert.Equal(1654, manifests.Gateway.Spec.Template.Spec.SecurityContext.RunAsUser);
    }

    [Fact]
    public void Project_containers_use_the_project_images()
    {
        Assert.Equal("torrentcluster/silo:latest", manifests.SiloContainer.Image);
        Assert.Equal("torrentcluster/gateway:latest", manifests.GatewayContainer.Image);

        // Every torrentcluster/* image has a Dockerfile that builds it.
        var images = manifests.PodTemplates.SelectMany(t => t.Template.Spec.Containers).Select(c => c.Image);
        Assert.All(images.Where(i => i.StartsWith("torrentcluster/", StringComparison.Ordinal)), image =>
            Assert.True(RepositoryFiles.Exists(ProjectImages.DockerfileOf(image)), $"no {ProjectImages.DockerfileOf(image)} builds {image}"));
    }

    private V1Container Container(string name) => name == "silo" ? manifests.SiloContainer : manifests.GatewayContainer;

    private static void AssertHttpProbe(V1Probe? probe, string path, int port, V1Container container)
    {
        Assert.True(probe?.HttpGet is not null, $"container {container.Name} has no HTTP probe for {path}");
        Assert.Equal(path, probe.HttpGet.Path);

        // A probe may name its port; then the named container port must be the HTTP one.
        var value = probe.HttpGet.Port.Value;
        var number = int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : container.Ports.Single(p => p.Name == value).ContainerPort;
        Assert.Equal(port, number);
    }
}
