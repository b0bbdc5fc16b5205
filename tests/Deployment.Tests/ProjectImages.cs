namespace TorrentCluster.Deployment.Tests;

/// <summary>The project's images and the Dockerfiles that build them: torrentcluster/silo from src/Silo/Dockerfile.</summary>
internal static class ProjectImages
{
    public const string Silo = "torrentcluster/silo:latest";
    public const string Gateway = "torrentcluster/gateway:latest";

    /// <summary>src/&lt;Project&gt;/Dockerfile for torrentcluster/&lt;project&gt;[:tag].</summary>
    public static string DockerfileOf(string image)
    {
        var name = image.Split(':')[0]["torrentcluster/".Length..];
        return $"src/{char.ToUpperInvariant(name[0])}{name[1..]}/Dockerfile";
    }
}
