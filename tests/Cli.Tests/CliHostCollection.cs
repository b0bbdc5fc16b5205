using Xunit;

namespace TorrentCluster.Cli.Tests;

/// <summary>Every test that needs a host shares one: starting it is most of this project's time.</summary>
[CollectionDefinition(Name)]
public sealed class CliHostCollection : ICollectionFixture<CliHostFixture>
{
    public const string Name = "tcctl against one embedded host";
}
