using System.Text.Json;
using TorrentCluster.Engine;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class DownloadWithTcctlTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Add_watch_shows_100_percent_ls_lists_it_peers_shows_the_seeder_and_rm_data_deletes_its_file()
    {
        var tcctl = fixture.LoggedIn;
        using var adding = tcctl.Start(null, "add", fixture.TorrentFile, "--watch", "--tag", "cli");

        // While the download runs: find it in the listing, then the seeder among its peers.
        var infoHash = TorrentMetadata.Parse(await File.ReadAllBytesAsync(fixture.TorrentFile)).InfoHashes.V1!;
        await Eventually.Until(
            async () => (await tcctl.RunAsync("ls", "--output", "json")).Json().GetProperty("torrents").EnumerateArray()
                .Any(torrent => torrent.GetProperty("info_hash")[0].GetString() == infoHash),
            TimeSpan.FromSeconds(30),
            "tcctl ls to list the added torrent");
        var seederAddress = $"127.0.0.1:{fixture.Seeder.Port}";
        var seederRow = (await SeederInPeersAsync(tcctl, infoHash, seederAddress)).Stdout.Split('\n').Single(line => line.Contains(seederAddress, StringComparison.Ordinal));
        Assert.Matches(@"\s100\.0%\s", seederRow);

        var added = await adding.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.StartsWith($"added {infoHash}", added.Stdout, StringComparison.Ordinal);
        var last = added.Stdout.TrimEnd().Split('\n')[^1];
        Assert.Matches($@"^{CliHostFixture.FileName}\s+100\.0%\s+done \((seeding|finished)\) on \S+$", last);

        var torrent = (await tcctl.RunAsync("ls", "-o", "json", "--query", "tags contains \"cli\"")).Json()
            .GetProperty("torrents").EnumerateArray().Single();
        Assert.Equal(infoHash, torrent.GetProperty("info_hash")[0].GetString());
        Assert.Equal(CliHostFixture.FileSize, torrent.GetProperty("size").GetInt64());
        Assert.Equal(1.0, torrent.GetProperty("progress").GetDouble());
        var downloaded = Path.Combine(torrent.GetProperty("save_path").GetString()!, CliHostFixture.FileName);
        Assert.Equal(TestFiles.Sha256(fixture.SourceFile), TestFiles.Sha256(downloaded));

        var paused = await tcctl.RunAsync("pause", "--query", "tags contains \"cli\"");
        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.Equal($"paused {infoHash}", paused.Stdout.Trim());
        await Eventually.Until(async () => await HasFlagAsync(tcctl, infoHash, "paused"), TimeSpan.FromSeconds(10), "torrents.get to show the paused flag");
        var resumed = await tcctl.RunAsync("resume", infoHash);
        Assert.Equal($"resumed {infoHash}", resumed.Stdout.Trim());
        await Eventually.Until(async () => !await HasFlagAsync(tcctl, infoHash, "paused"), TimeSpan.FromSeconds(10), "the paused flag to go");

        // Without a terminal to confirm at, deleting data needs --yes; nothing is removed before.
        var refused = await tcctl.RunAsync("rm", infoHash, "--data");
        Assert.Contains("--yes", refused.FailureLine(), StringComparison.Ordinal);
        Assert.True(File.Exists(downloaded));

        var removed = await tcctl.RunAsync("rm", infoHash, "--data", "--yes");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        Assert.Equal($"removed {infoHash} and its data", removed.Stdout.Trim());
        await Eventually.Until(() => !File.Exists(downloaded), TimeSpan.FromSeconds(30), "the downloaded file to be deleted");
        var listedAfter = (await tcctl.RunAsync("ls", "-o", "json")).Json();
        Assert.Equal(0, listedAfter.GetProperty("torrents_total").GetInt32());
    }

    private static async Task<bool> HasFlagAsync(Tcctl tcctl, string infoHash, string flag) =>
        (await tcctl.RunAsync("get", infoHash, "-o", "json")).Json().GetProperty("flags").EnumerateArray().Any(set => set.GetString() == flag);

    // The seeder is a peer only while the download runs (two seeds disconnect), so it is looked for meanwhile.
    private async Task<TcctlResult> SeederInPeersAsync(Tcctl tcctl, string infoHash, string seederAddress)
    {
        TcctlResult? peers = null;
        try
        {
            await Eventually.Until(
                async () =>
                {
                    peers = await tcctl.RunAsync("peers", infoHash);
                    // The client's name comes with the extension handshake, a moment after the connection.
                    return peers.ExitCode == 0 && peers.Stdout.Split('\n').Any(line =>
                        line.Contains(seederAddress, StringComparison.Ordinal) && line.Contains("cli-seeder/1.0", StringComparison.Ordinal));
                },
                TimeSpan.FromSeconds(30),
                $"tcctl peers to show the seeder at {seederAddress}");
            return peers!;
        }
        catch (TimeoutException timeout)
        {
            var state = await tcctl.RunAsync("get", infoHash, "-o", "json");
            throw new TimeoutException($"{timeout.Message}\n{peers}\n{state}\ntracker announces: {fixture.Tracker.Announces}", timeout);
        }
    }
}
