namespace TorrentCluster.Deployment.Tests;

/// <summary>Renders deploy/kubernetes once for every test class that reads it.</summary>
[CollectionDefinition(Name)]
public sealed class ManifestsCollection : ICollectionFixture<RenderedManifests>
{
    public const string Name = "Rendered manifests";
}
