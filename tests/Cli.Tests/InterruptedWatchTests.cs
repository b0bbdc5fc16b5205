using System.Text.RegularExpressions;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed partial class InterruptedWatchTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Ctrl_C_ends_add_watch_of_a_magnet_link_with_exit_130_and_the_download_goes_on_to_100_percent()
    {
        var tcctl = fixture.LoggedIn;
        // The link names the torrent, its tracker (where the seeder announced) and both hashes; the metadata comes
        // from the seeder.
        var magnet = TorrentMetadata.MagnetUriOf(await File.ReadAllBytesAsync(fixture.WatchedTorrentFile));
        using var adding = tcctl.Start(null, "add", magnet, "--watch");

        // Interrupted while it downloads: a progress line above 0% and short of 100% has been printed.
        await Eventually.Until(
            () => PartProgress().IsMatch(adding.StdoutSoFar),
            TimeSpan.FromSeconds(30),
            "tcctl add --watch to print a progress line short of 100%");
        await adding.InterruptAsync();
        var watched = await adding.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(watched.ExitCode == 130, watched.ToString());
        Assert.Equal("tcctl: stopped watching; the torrents go on (tcctl ls)", watched.FailureLine());
        Assert.DoesNotContain("100.0%", watched.Stdout, StringComparison.Ordinal);
        var infoHash = Regex.Match(watched.Stdout, "^added ([0-9a-f]{40})", RegexOptions.Multiline).Groups[1].Value;
        Assert.Equal(40, infoHash.Length);

        // The watch ended; the download did not.
        await Eventually.Until(
            async () => (await tcctl.RunAsync("get", infoHash, "-o", "json")).Json().GetProperty("progress").GetDouble() == 1.0,
            TimeSpan.FromSeconds(60),
            "the interrupted torrent to download to 100%");
        var removed = await tcctl.RunAsync("rm", infoHash, "--data", "--yes");
        Assert.True(removed.ExitCode == 0, removed.ToString());
    }

    [GeneratedRegex(@"^cli-watched\.bin\s+([1-9]\d?\.\d|0\.[1-9])%", RegexOptions.Multiline)]
    private static partial Regex PartProgress();
}
