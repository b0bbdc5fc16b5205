using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary><c>sys.versions</c>' <c>porla</c> object, which Porla's web UI reads for its footer: ours, in Porla's shape.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class SysVersionsPorlaTests(ApiCluster api)
{
    [Fact]
    public async Task The_porla_object_carries_our_version_and_the_commit_we_were_built_from()
    {
        var versions = await api.Rpc.ResultAsync("sys.versions", new { });
        var porla = versions.GetProperty("porla");

        Assert.Equal(versions.GetProperty("torrentcluster").GetProperty("version").GetString(), porla.GetProperty("version").GetString());
        Assert.Equal("-", porla.GetProperty("branch").GetString());
        // A commit hash when built from git (the SDK records it), Porla's "-" otherwise.
        Assert.Matches("^(-|[0-9a-f]{7,40})$", porla.GetProperty("commitish").GetString());
    }
}
