using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;
using static TorrentCluster.Api.Tests.Shape;

namespace TorrentCluster.Api.Tests;

/// <summary>Porla's <c>torrents.*</c> methods, each called over HTTP on a two-silo cluster with real torrents.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class TorrentMethodsTests(ApiCluster api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Torrents_add_takes_every_porla_parameter_and_each_lands_where_porla_puts_it()
    {
        var (ti, folder) = api.MakeTorrent("add-all", 300_000, seed: 11);
        var result = await api.Rpc.ResultAsync("torrents.add", new
        {
            ti,
            save_path = folder,
            category = "linux",
            tags = new[] { "iso", "x64" },
            trackers = new[] { "http://127.0.0.1:2/announce" },
            url_seeds = new[] { "http://127.0.0.1:3/seed/" },
            http_seeds = new[] { "http://127.0.0.1:4/seed" },
            download_limit = 200_000,
            upload_limit = 100_000,
            max_connections = 40,
            max_uploads = 5,
            metadata = new Dictionary<string, object> { ["owner"] = "ops", ["priority"] = 3, ["nested"] = new { a = true } },
            session = api.Sessions[1],
        });

        // Porla's result: info_hash as [v1, v2] (a hybrid torrent has both).
        var infoHash = result.GetProperty("info_hash");
        Assert.Equal(JsonValueKind.Array, infoHash.ValueKind);
        var v1 = infoHash[0].GetString()!;
        Assert.Matches("^[0-9a-f]{40}$", v1);
        Assert.Matches("^[0-9a-f]{64}$", infoHash[1].GetString()!);

        var torrent = await api.Rpc.ResultAsync("torrents.get", new { info_hash = v1 });
        Assert.Equal("linux", torrent.GetProperty("category").GetString());
        Assert.Equal<string>(["iso", "x64"], [.. torrent.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()!)]);
        Assert.Equal(api.Sessions[1], torrent.GetProperty("session").GetString());
        Assert.Equal(folder, torrent.GetProperty("save_path").GetString());

        var properties = await api.Rpc.ResultAsync("torrents.properties.get", new { info_hash = v1 });
        Assert.Equal(200_000, properties.GetProperty("download_limit").GetInt32());
        Assert.Equal(100_000, properties.GetProperty("upload_limit").GetInt32());
        Assert.Equal(40, properties.GetProperty("max_connections").GetInt32());
        Assert.Equal(5, properties.GetProperty("max_uploads").GetInt32());

        var trackers = (await api.Rpc.ResultAsync("torrents.trackers.list", new { info_hash = v1 })).GetProperty("trackers");
        var urls = trackers.EnumerateArray().Select(tracker => tracker.GetProperty("url").GetString()).ToList();
        Assert.Contains("http://127.0.0.1:1/announce", urls);
        Assert.Contains("http://127.0.0.1:2/announce", urls);
        // Porla's announce_entry: the announces per local endpoint, each with its v1 and v2 announce.
        foreach (var tracker in trackers.EnumerateArray())
        {
            Fields(tracker, ("endpoints", JsonArray), ("fail_limit", JsonNumber), ("source", JsonNumber), ("tier", JsonNumber),
                ("trackerid", JsonString), ("url", JsonString), ("verified", JsonBool));
        }

        await Eventually.Until(async () =>
            (await api.Rpc.ResultAsync("torrents.trackers.list", new { info_hash = v1 })).GetProperty("trackers").EnumerateArray()
                .All(tracker => tracker.GetProperty("endpoints").GetArrayLength() > 0), Patience, "the trackers to have announcing endpoints");
        var endpoint = (await api.Rpc.ResultAsync("torrents.trackers.list", new { info_hash = v1 })).GetProperty("trackers")[0].GetProperty("endpoints")[0];
        Fields(endpoint, ("enabled", JsonBool), ("info_hashes", JsonArray), ("local_endpoint", JsonArray));
        Assert.Equal(JsonValueKind.String, endpoint.GetProperty("local_endpoint")[0].ValueKind);
        Assert.Equal(JsonValueKind.Number, endpoint.GetProperty("local_endpoint")[1].ValueKind);
        Assert.Equal(2, endpoint.GetProperty("info_hashes").GetArrayLength());
        foreach (var announce in endpoint.GetProperty("info_hashes").EnumerateArray())
        {
            Fields(announce, ("complete_sent", JsonBool), ("fails", JsonNumber), ("message", JsonString), ("scrape_complete", JsonNumber),
                ("scrape_downloaded", JsonNumber), ("scrape_incomplete", JsonNumber), ("start_sent", JsonBool), ("updating", JsonBool));
            Assert.True(announce.TryGetProperty("last_error", out _) && announce.TryGetProperty("min_announce", out _) && announce.TryGetProperty("next_announce", out _));
        }

        var metadata = (await api.Rpc.ResultAsync("torrents.metadata.list", new { info_hash = v1 })).GetProperty("metadata");
        Assert.Equal("ops", metadata.GetProperty("owner").GetString());
        Assert.Equal(3, metadata.GetProperty("priority").GetInt32());
        Assert.True(metadata.GetProperty("nested").GetProperty("a").GetBoolean());
    }

    [Fact]
    public async Task Torrents_add_refuses_what_porla_refuses_with_porlas_codes()
    {
        var (ti, folder) = api.MakeTorrent("add-errors", 100_000, seed: 12);
        await api.AddAsync(new { ti, save_path = folder });

        await Shape.ErrorAsync(api.Rpc, -3, "torrents.add", new { ti, save_path = folder });                     // already added
        await Shape.ErrorAsync(api.Rpc, -4, "torrents.add", new { save_path = folder });                         // neither ti nor magnet
        await Shape.ErrorAsync(api.Rpc, -4, "torrents.add", new { magnet_uri = "", save_path = folder });        // an empty magnet is none
        await Shape.ErrorAsync(api.Rpc, -2, "torrents.add", new { ti = Convert.ToBase64String("d4:infoi1ee"u8.ToArray()), save_path = folder });
        await Shape.ErrorAsync(api.Rpc, -10, "torrents.add", new { ti, session = "no-such-silo" });               // Porla's "Session not found"
        await Shape.ErrorAsync(api.Rpc, -32602, "torrents.add", new { ti = 42 });                                // wrong type
        await Shape.ErrorAsync(api.Rpc, -4, "torrents.add", new { magnet_uri = "magnet:?xt=urn:btih:" + new string('c', 40), save_path = "relative/../../../../etc" });  // outside the storage roots
    }

    [Fact]
    public async Task Torrents_add_without_a_source_is_refused_by_the_intake_with_porlas_words_and_a_torrent_file_wins_over_a_magnet()
    {
        var neither = await api.Rpc.CallAsync("torrents.add", new { save_path = "/downloads" });
        Assert.Equal(-4, neither.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Either 'ti' or 'magnet_uri' must be set", neither.GetProperty("error").GetProperty("message").GetString());

        var (ti, folder) = api.MakeTorrent("add-both", 50_000, seed: 13);
        var magnet = "magnet:?xt=urn:btih:" + new string('d', 40);
        var added = await api.AddAsync(new { ti, magnet_uri = magnet, save_path = folder });

        Assert.NotEqual(new string('d', 40), added);
        var listed = await api.Rpc.ResultAsync("torrents.get", new { info_hash = added });
        Assert.Equal("add-both", listed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Torrents_list_items_have_every_porla_field_with_porlas_types_and_defaults()
    {
        var (ti, folder) = api.MakeTorrent("list-shape", 200_000, seed: 13);
        var v1 = await api.AddAsync(new { ti, save_path = folder, category = "shape" });

        var list = await api.Rpc.ResultAsync("torrents.list", new { filters = new { category = "shape" } });
        Fields(list, ("order_by", JsonString), ("order_by_dir", JsonString), ("page", JsonNumber), ("page_size", JsonNumber),
            ("torrents", JsonArray), ("torrents_total", JsonNumber), ("torrents_total_unfiltered", JsonNumber));
        Assert.Equal("queue_position", list.GetProperty("order_by").GetString());
        Assert.Equal("asc", list.GetProperty("order_by_dir").GetString());
        Assert.Equal(0, list.GetProperty("page").GetInt32());
        Assert.Equal(50, list.GetProperty("page_size").GetInt32());
        Assert.Equal(1, list.GetProperty("torrents_total").GetInt32());
        Assert.True(list.GetProperty("torrents_total_unfiltered").GetInt32() >= 1);

        var item = list.GetProperty("torrents")[0];
        Assert.Equal(v1, item.GetProperty("info_hash")[0].GetString());
        Fields(item,
            ("active_duration", JsonNumber), ("all_time_download", JsonNumber), ("all_time_upload", JsonNumber), ("category", JsonString),
            ("download_rate", JsonNumber), ("eta", JsonNumber), ("finished_duration", JsonNumber), ("flags", JsonArray), ("info_hash", JsonArray),
            ("last_download", JsonNumber), ("last_upload", JsonNumber), ("list_peers", JsonNumber), ("list_seeds", JsonNumber), ("metadata", JsonObject),
            ("moving_storage", JsonBool), ("name", JsonString), ("num_peers", JsonNumber), ("num_seeds", JsonNumber), ("progress", JsonNumber),
            ("queue_position", JsonNumber), ("ratio", JsonNumber), ("save_path", JsonString), ("seeding_duration", JsonNumber), ("session", JsonString),
            ("size", JsonNumber), ("state", JsonNumber), ("tags", JsonArray), ("total", JsonNumber), ("total_done", JsonNumber), ("upload_rate", JsonNumber));
        Assert.True(item.TryGetProperty("error", out _));

        await Shape.ErrorAsync(api.Rpc, -1, "torrents.list", new { order_by = "no_such_field" });
        await Shape.ErrorAsync(api.Rpc, -2, "torrents.list", new { page = 1000 });
        await Shape.ErrorAsync(api.Rpc, -32602, "torrents.list", new { page = "one" });
    }

    [Fact]
    public async Task Torrents_count_and_overview_count_the_fleet_per_silo()
    {
        var (ti, folder) = api.MakeTorrent("overview", 100_000, seed: 14);
        await api.AddAsync(new { ti, save_path = folder, category = "overview-cat", tags = new[] { "overview-tag" }, session = api.Sessions[0] });

        var count = await api.Rpc.ResultAsync("torrents.count", new { filters = new { category = "overview-cat" } });
        Assert.Equal(1, count.GetProperty("torrents_total").GetInt32());
        var unfiltered = count.GetProperty("torrents_total_unfiltered").GetInt32();

        var overview = (await api.Rpc.ResultAsync("torrents.overview", new { })).GetProperty("sessions");
        Assert.Equal(api.Sessions.Order(StringComparer.Ordinal), overview.EnumerateObject().Select(session => session.Name));
        var total = 0L;
        foreach (var session in overview.EnumerateObject())
        {
            Fields(session.Value, ("torrents_per_category", JsonObject), ("torrents_per_state", JsonObject), ("torrents_per_tag", JsonObject),
                ("torrents_per_tracker", JsonObject), ("torrents_total", JsonNumber));
            total += session.Value.GetProperty("torrents_total").GetInt64();
        }

        Assert.Equal(unfiltered, total);
        var first = overview.GetProperty(api.Sessions[0]);
        Assert.Equal(1, first.GetProperty("torrents_per_category").GetProperty("overview-cat").GetInt32());
        Assert.Equal(1, first.GetProperty("torrents_per_tag").GetProperty("overview-tag").GetInt32());
        Assert.True(first.GetProperty("torrents_per_tracker").GetProperty("http://127.0.0.1:1/announce").GetInt32() >= 1);
    }

    [Fact]
    public async Task Pause_resume_recheck_and_properties_change_the_torrent_in_its_engine()
    {
        var (ti, folder) = api.MakeTorrent("control", 400_000, seed: 15);
        var v1 = await api.AddAsync(new { ti, save_path = folder });
        await WaitForAsync(v1, torrent => torrent.GetProperty("progress").GetDouble() >= 1.0, "the torrent checks complete");

        Assert.Equal(JsonValueKind.Null, (await api.Rpc.ResultAsync("torrents.pause", new { info_hash = v1 })).ValueKind);
        Assert.True(await FlagAsync(v1, "paused"));
        await api.Rpc.ResultAsync("torrents.resume", new { info_hash = v1 });
        Assert.False(await FlagAsync(v1, "paused"));

        await api.Rpc.ResultAsync("torrents.properties.set", new
        {
            info_hash = v1,
            download_limit = 12_345,
            max_connections = 17,
            flags = new Dictionary<string, bool> { ["sequential_download"] = true },
        });
        var properties = await api.Rpc.ResultAsync("torrents.properties.get", new { info_hash = v1 });
        Fields(properties, ("download_limit", JsonNumber), ("flags", JsonObject), ("max_connections", JsonNumber), ("max_uploads", JsonNumber), ("upload_limit", JsonNumber));
        Assert.Equal(12_345, properties.GetProperty("download_limit").GetInt32());
        Assert.Equal(17, properties.GetProperty("max_connections").GetInt32());
        Assert.True(properties.GetProperty("flags").GetProperty("sequential_download").GetBoolean());
        foreach (var flag in new[] { "seed_mode", "upload_mode", "share_mode", "apply_ip_filter", "paused", "auto_managed", "super_seeding", "disable_dht", "disable_pex" })
        {
            Assert.True(properties.GetProperty("flags").TryGetProperty(flag, out _), $"flag {flag} missing");
        }

        // Porla passes over a flag name it does not know and sets the others.
        Assert.Equal(JsonValueKind.Null, (await api.Rpc.ResultAsync("torrents.properties.set", new
        {
            info_hash = v1,
            flags = new Dictionary<string, bool> { ["no_such_flag"] = true, ["sequential_download"] = false },
        })).ValueKind);
        Assert.False((await api.Rpc.ResultAsync("torrents.properties.get", new { info_hash = v1 })).GetProperty("flags").GetProperty("sequential_download").GetBoolean());

        Assert.Equal(JsonValueKind.Null, (await api.Rpc.ResultAsync("torrents.recheck", new { info_hash = v1 })).ValueKind);
        await WaitForAsync(v1, torrent => torrent.GetProperty("progress").GetDouble() >= 1.0 && torrent.GetProperty("state").GetInt32() == 5,
            "the torrent is seeding again after the recheck");
    }

    [Fact]
    public async Task Files_progress_and_pieces_describe_the_data_on_disk()
    {
        var size = 1_000_000L;
        var (ti, folder) = api.MakeTorrent("files", size, seed: 16);
        var v1 = await api.AddAsync(new { ti, save_path = folder });
        await WaitForAsync(v1, torrent => torrent.GetProperty("progress").GetDouble() >= 1.0, "the torrent checks complete");

        var files = (await api.Rpc.ResultAsync("torrents.files.list", new { info_hash = v1 })).GetProperty("files");
        var file = files.EnumerateArray().Single(entry => (entry.GetProperty("flags").GetInt32() & 1) == 0);
        Fields(file, ("absolute_path", JsonBool), ("first_block_node", JsonNumber), ("first_piece_node", JsonNumber), ("flags", JsonNumber), ("name", JsonString),
            ("num_blocks", JsonNumber), ("num_pieces", JsonNumber), ("offset", JsonNumber), ("path", JsonString), ("size", JsonNumber));
        Assert.Equal("files", file.GetProperty("name").GetString());
        Assert.Equal(size, file.GetProperty("size").GetInt64());
        Assert.Equal((int)((size + 16383) / 16384), file.GetProperty("num_blocks").GetInt32());
        Assert.True(file.GetProperty("first_piece_node").GetInt32() > 0, "a hybrid torrent has a v2 merkle tree");

        var progress = (await api.Rpc.ResultAsync("torrents.files.progress", new { info_hash = v1 })).GetProperty("progress");
        Assert.Equal(size, progress[file.GetProperty("index").GetInt32()].GetInt64());

        var pieces = await api.Rpc.ResultAsync("torrents.pieces.get", new { info_hash = v1 });
        var count = pieces.GetProperty("num_pieces").GetInt32();
        Assert.Equal(file.GetProperty("num_pieces").GetInt32(), count);
        Assert.Equal(count, pieces.GetProperty("have").GetInt32());
        var bitfield = Convert.FromBase64String(pieces.GetProperty("pieces").GetString()!);
        Assert.Equal((count + 7) / 8, bitfield.Length);
        Assert.Equal(count, bitfield.Sum(b => System.Numerics.BitOperations.PopCount(b)));
    }

    [Fact]
    public async Task Move_puts_the_data_in_the_new_folder_and_refuses_folders_outside_the_storage_roots()
    {
        var (ti, folder) = api.MakeTorrent("move", 200_000, seed: 17);
        var v1 = await api.AddAsync(new { ti, save_path = folder });
        await WaitForAsync(v1, torrent => torrent.GetProperty("progress").GetDouble() >= 1.0, "the torrent checks complete");

        var target = Path.Combine(api.Root.Path, "moved");
        await api.Rpc.ResultAsync("torrents.move", new { info_hash = v1, path = target, flags = "always_replace_files" });
        await Eventually.Until(() => File.Exists(Path.Combine(target, "move")), Patience, "the file arrives in the new folder");
        await WaitForAsync(v1, torrent => torrent.GetProperty("save_path").GetString() == target, "the torrent reports its new save path");

        using var outside = new TempDirectory();
        await Shape.ErrorAsync(api.Rpc, -4, "torrents.move", new { info_hash = v1, path = outside.Path });
        await Shape.ErrorAsync(api.Rpc, -4, "torrents.move", new { info_hash = v1, path = "../../../escape" });
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
        await Shape.ErrorAsync(api.Rpc, -32602, "torrents.move", new { info_hash = v1 });
    }

    [Fact]
    public async Task Move_with_a_flag_porla_does_not_know_moves_as_dont_replace_keeping_the_file_already_there()
    {
        var (ti, folder) = api.MakeTorrent("move-flags", 100_000, seed: 19);
        var v1 = await api.AddAsync(new { ti, save_path = folder });
        await WaitForAsync(v1, torrent => torrent.GetProperty("progress").GetDouble() >= 1.0, "the torrent checks complete");

        // A file of the same name waits in the target: always_replace_files would overwrite it, dont_replace keeps it.
        var target = Path.Combine(api.Root.Path, "move-flags-target");
        Directory.CreateDirectory(target);
        var theirs = Path.Combine(target, "move-flags");
        await File.WriteAllTextAsync(theirs, "already here");

        Assert.Equal(JsonValueKind.Null, (await api.Rpc.ResultAsync("torrents.move", new { info_hash = v1, path = target, flags = "sideways" })).ValueKind);
        await WaitForAsync(v1, torrent => torrent.GetProperty("save_path").GetString() == target, "the torrent reports its new save path");
        Assert.Equal("already here", await File.ReadAllTextAsync(theirs));

        await Shape.ErrorAsync(api.Rpc, -32602, "torrents.move", new { info_hash = v1, path = target, flags = 2 });
    }

    [Fact]
    public async Task Peers_add_and_peers_list_answer_in_the_seed_shape_and_remove_forgets_the_torrent()
    {
        var (ti, folder) = api.MakeTorrent("peers-remove", 100_000, seed: 18);
        var v1 = await api.AddAsync(new { ti, save_path = folder });

        Assert.Equal(JsonValueKind.True, (await api.Rpc.ResultAsync("torrents.peers.add", new { info_hash = v1, peers = new object[] { new object[] { "127.0.0.1", 1 } } })).ValueKind);
        var peers = await api.Rpc.ResultAsync("torrents.peers.list", new { info_hash = v1 });
        Fields(peers, ("peers", JsonArray));

        await api.Rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { v1 }, remove_data = false });
        await Shape.ErrorAsync(api.Rpc, -1, "torrents.get", new { info_hash = v1 });
        await Shape.ErrorAsync(api.Rpc, -1, "torrents.files.list", new { info_hash = v1 });
        Assert.True(File.Exists(Path.Combine(folder, "peers-remove")), "remove_data false keeps the data");
        await Shape.ErrorAsync(api.Rpc, -32602, "torrents.get", new { info_hash = "not-a-hash" });
    }

    private async Task<bool> FlagAsync(string v1, string flag) =>
        (await api.Rpc.ResultAsync("torrents.properties.get", new { info_hash = v1 })).GetProperty("flags").GetProperty(flag).GetBoolean();

    private Task WaitForAsync(string v1, Func<JsonElement, bool> condition, string what) =>
        Eventually.Until(async () => condition(await api.Rpc.ResultAsync("torrents.get", new { info_hash = v1 })), Patience, what);
}
