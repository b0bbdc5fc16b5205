using System.Text.RegularExpressions;

namespace TorrentCluster.Deployment.Tests;

public sealed class DockerfileTests
{
    public static TheoryData<string, string> Images => new()
    {
        { "src/Silo/Dockerfile", "src/Silo/Silo.csproj" },
        { "src/Gateway/Dockerfile", "src/Gateway/Gateway.csproj" },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void Builds_on_the_sdk_with_the_native_toolchain_and_runs_on_aspnet(string path, string project)
    {
        var dockerfile = Dockerfile.Load(path);

        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0-noble", dockerfile.Stages[0].BaseImage);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble", dockerfile.Runtime.BaseImage);

        var build = dockerfile.Stages[0].AllRunCommands;
        foreach (var package in new[] { "g++", "pkg-config", "libtorrent-rasterbar-dev" })
        {
            Assert.Matches($@"apt-get install [^\n]*(?<=\s){Regex.Escape(package)}(\s|$)", build);
        }

        Assert.Contains($"dotnet publish {project} -c Release -o /app", build, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Starts_the_assembly_its_project_builds(string path, string project)
    {
        var assembly = Regex.Match(RepositoryFiles.Read(project), "<AssemblyName>([^<]+)</AssemblyName>").Groups[1].Value;
        var entrypoint = Assert.Single(Dockerfile.Load(path).Runtime.Arguments("ENTRYPOINT"));

        Assert.False(string.IsNullOrEmpty(assembly), $"{project} names no AssemblyName");
        Assert.Equal($"[\"dotnet\", \"{assembly}.dll\"]", entrypoint);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Runs_as_the_images_non_root_user_and_serves_http_on_all_interfaces(string path, string project)
    {
        _ = project;
        var runtime = Dockerfile.Load(path).Runtime;
        var user = runtime.Arguments("USER").LastOrDefault();

        Assert.True(user is "$APP_UID" or "app" or "1654", $"{path} runs as '{user}'");
        Assert.Equal("http://0.0.0.0:1337", runtime.Environment["Urls"]);
    }

    [Fact]
    public void The_silo_image_has_libtorrent_and_keeps_its_data_in_one_volume()
    {
        var runtime = Dockerfile.Load("src/Silo/Dockerfile").Runtime;

        Assert.Contains("libtorrent-rasterbar2.0t64", runtime.AllRunCommands, StringComparison.Ordinal);
        Assert.Equal("/data", Assert.Single(runtime.Arguments("VOLUME")));
        Assert.Equal("/data", runtime.Environment["TorrentCluster__Engine__DataPath"]);
    }

    [Fact]
    public void The_gateway_image_carries_no_engine()
    {
        var runtime = Dockerfile.Load("src/Gateway/Dockerfile").Runtime;

        Assert.DoesNotContain("libtorrent", runtime.AllRunCommands, StringComparison.Ordinal);
        Assert.Empty(runtime.Arguments("VOLUME"));
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_and_history()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        foreach (var entry in new[] { "**/bin/", "**/obj/", "artifacts/", "data/", ".git" })
        {
            Assert.Contains(entry, ignored);
        }
    }
}
