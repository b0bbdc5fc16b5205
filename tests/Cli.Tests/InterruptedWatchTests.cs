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
        var torrentFile = await File.ReadAllBytesAsync(fixture.WatchedTorrentFile);
        var magnet = TorrentMetadata.MagnetUriOf(torrentFile);
        var infoHash = TorrentMetadata.Parse(torrentFile).InfoHashes.V1!;
        try
        {
            using var adding = tcctl.StartInterruptible("add", magnet, "--watch");

            // Interrupted while it downloads: a progress line above 0% and short of 100% has been printed.
            await Eventually.Until(
                () => PartProgress().IsMatch(adding.StdoutSoFar),
                TimeSpan.FromSeconds(30),
                "tcctl add --watch to print a progress line short of 100%");
            await adding.InterruptAsync();
            var watched = await adding.WaitAsync(TimeSpan.FromSeconds(20));

            Assert.True(watched.ExitCode == 130, watched.ToString());
            Assert.Equal("tcctl: stopped watching; the torrents go on (tcctl ls)", watched.FailureLine());
            Assert.StartsWith($"added {infoHash}", watched.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("100.0%", watched.Stdout, StringComparison.Ordinal);

            // The watch ended; the download did not.
            await Eventually.Until(
                async () => (await tcctl.RunAsync("get", infoHash, "-o", "json")).Json().GetProperty("progress").GetDouble() == 1.0,
                TimeSpan.FromSeconds(60),
                "the interrupted torrent to download to 100%");
        }
        finally
        {
            // The other tests of the host list its torrents: this one leaves none behind, passed or failed.
            await tcctl.RunAsync("rm", infoHash, "--data", "--yes");
        }
    }

    [GeneratedRegex(@"^cli-watched\.bin\s+([1-9]\d?\.\d|0\.[1-9])%", RegexOptions.Multiline)]
    private static partial Regex PartProgress();
}
