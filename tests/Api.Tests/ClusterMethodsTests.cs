using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;
using static TorrentCluster.Api.Tests.Shape;

namespace TorrentCluster.Api.Tests;

/// <summary><c>sessions.*</c> (a session is a silo's engine), <c>presets.*</c>, <c>sys.versions</c> and <c>fs.space</c>.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class ClusterMethodsTests(ApiCluster api)
{
    [Fact]
    public async Task Sessions_list_and_get_show_every_silo_in_porlas_shape_with_its_stats()
    {
        var sessions = (await api.Rpc.ResultAsync("sessions.list", new { })).GetProperty("sessions");
        Assert.Equal(2, sessions.GetArrayLength());
        foreach (var session in sessions.EnumerateArray())
        {
            Fields(session, ("name", JsonString), ("is_dht_running", JsonBool), ("is_listening", JsonBool), ("is_paused", JsonBool),
                ("torrents_total", JsonNumber), ("download_rate", JsonNumber), ("upload_rate", JsonNumber), ("peers", JsonNumber),
                ("listen_port", JsonNumber), ("free_disk", JsonNumber), ("total_disk", JsonNumber));
            Assert.True(session.GetProperty("is_listening").GetBoolean());
            Assert.False(session.GetProperty("is_dht_running").GetBoolean(), "the tests turn the DHT off");
            Assert.True(session.GetProperty("total_disk").GetInt64() >= session.GetProperty("free_disk").GetInt64());
        }

        var one = await api.Rpc.ResultAsync("sessions.get", new { name = api.Sessions[1] });
        Assert.Equal(api.Sessions[1], one.GetProperty("name").GetString());
        await Shape.ErrorAsync(api.Rpc, -1, "sessions.get", new { name = "no-such-silo" });
    }

    [Fact]
    public async Task Sessions_pause_and_resume_one_silo_or_all()
    {
        await api.Rpc.ResultAsync("sessions.pause", new { name = api.Sessions[0] });
        Assert.Equal(new[] { true, false }, await PausedAsync());
        await api.Rpc.ResultAsync("sessions.resume", new { name = api.Sessions[0] });
        Assert.Equal(new[] { false, false }, await PausedAsync());
        await api.Rpc.ResultAsync("sessions.pause", new { });
        Assert.Equal(new[] { true, true }, await PausedAsync());
        await api.Rpc.ResultAsync("sessions.resume", new { });
        Assert.Equal(new[] { false, false }, await PausedAsync());
        // Porla's sessions.* answer an unknown name with -1 "Session not found".
        await Shape.ErrorAsync(api.Rpc, -1, "sessions.pause", new { name = "no-such-silo" });
        await Shape.ErrorAsync(api.Rpc, -1, "sessions.resume", new { name = "no-such-silo" });
        await Shape.ErrorAsync(api.Rpc, -1, "sessions.settings.list", new { name = "no-such-silo" });
    }

    [Fact]
    public async Task Session_settings_are_read_typed_and_set_on_one_silo_or_all()
    {
        var all = (await api.Rpc.ResultAsync("sessions.settings.list", new { name = api.Sessions[0] })).GetProperty("settings");
        Assert.True(all.EnumerateObject().Count() > 100, "every libtorrent setting is listed");
        Assert.Equal(JsonValueKind.String, all.GetProperty("user_agent").ValueKind);
        Assert.Equal(JsonValueKind.Number, all.GetProperty("connections_limit").ValueKind);
        Assert.True(all.GetProperty("enable_dht").ValueKind is JsonValueKind.False);

        await api.Rpc.ResultAsync("sessions.settings.set", new { name = api.Sessions[0], settings = new Dictionary<string, object> { ["connections_limit"] = 321, ["announce_to_all_tiers"] = true } });
        Assert.Equal(321, await SettingAsync(api.Sessions[0], "connections_limit"));
        Assert.NotEqual(321, await SettingAsync(api.Sessions[1], "connections_limit"));

        await api.Rpc.ResultAsync("sessions.settings.set", new { settings = new Dictionary<string, object> { ["connections_limit"] = 456 } });
        Assert.Equal(456, await SettingAsync(api.Sessions[0], "connections_limit"));
        Assert.Equal(456, await SettingAsync(api.Sessions[1], "connections_limit"));

        var only = (await api.Rpc.ResultAsync("sessions.settings.get", new { name = api.Sessions[1], keys = new[] { "connections_limit" } })).GetProperty("settings");
        Assert.Equal(["connections_limit"], only.EnumerateObject().Select(setting => setting.Name));

        await Shape.ErrorAsync(api.Rpc, -4, "sessions.settings.set", new { settings = new Dictionary<string, object> { ["no_such_setting"] = 1 } });
        await Shape.ErrorAsync(api.Rpc, -32602, "sessions.settings.set", new { settings = new Dictionary<string, object> { ["connections_limit"] = new[] { 1 } } });
    }

    [Fact]
    public async Task Presets_are_stored_in_the_cluster_and_applied_on_add_as_porla_applies_them()
    {
        await api.Rpc.ResultAsync("presets.set", new { name = "default", category = "from-default", upload_limit = 1111 });
        await api.Rpc.ResultAsync("presets.set", new { name = "movies", tags = new[] { "film" }, download_limit = 2222, session = api.Sessions[1] });
        await api.Rpc.ResultAsync("presets.set", new Dictionary<string, object> { ["name"] = "internal", ["$hidden"] = true });

        var presets = await api.Rpc.ResultAsync("presets.list", new { });
        var movies = presets.GetProperty("movies");
        Fields(movies, ("category", JsonNull), ("download_limit", JsonNumber), ("max_connections", JsonNull), ("max_uploads", JsonNull),
            ("save_path", JsonNull), ("session", JsonString), ("storage_mode", JsonNull), ("tags", JsonArray), ("upload_limit", JsonNull), ("$hidden", JsonNull));
        // Porla's web UI leaves a preset with "$hidden": true out of its add dialog.
        Assert.True(presets.GetProperty("internal").GetProperty("$hidden").GetBoolean());

        var (ti, folder) = api.MakeTorrent("preset", 100_000, seed: 21);
        var v1 = await api.AddAsync(new { ti, save_path = folder, preset = "movies" });
        var torrent = await api.Rpc.ResultAsync("torrents.get", new { info_hash = v1 });
        Assert.Equal("from-default", torrent.GetProperty("category").GetString());
        Assert.Equal("film", torrent.GetProperty("tags")[0].GetString());
        Assert.Equal(api.Sessions[1], torrent.GetProperty("session").GetString());
        var properties = await api.Rpc.ResultAsync("torrents.properties.get", new { info_hash = v1 });
        Assert.Equal(1111, properties.GetProperty("upload_limit").GetInt32());
        Assert.Equal(2222, properties.GetProperty("download_limit").GetInt32());

        await api.Rpc.ResultAsync("presets.remove", new { name = "default" });
        await api.Rpc.ResultAsync("presets.remove", new { name = "movies" });
        await api.Rpc.ResultAsync("presets.remove", new { name = "internal" });
        Assert.Empty((await api.Rpc.ResultAsync("presets.list", new { })).EnumerateObject());
        await Shape.ErrorAsync(api.Rpc, -1, "presets.remove", new { name = "movies" });
        using var outside = new TempDirectory();
        await Shape.ErrorAsync(api.Rpc, -4, "presets.set", new { name = "bad", save_path = outside.Path });
        await Shape.ErrorAsync(api.Rpc, -4, "presets.set", new { name = "bad", tags = new[] { "ok", null } });
        Assert.Empty((await api.Rpc.ResultAsync("presets.list", new { })).EnumerateObject());
    }

    [Fact]
    public async Task Sys_versions_names_ours_orleans_libtorrent_and_dotnet()
    {
        var versions = await api.Rpc.ResultAsync("sys.versions", new { });
        foreach (var component in new[] { "torrentcluster", "orleans", "libtorrent", "dotnet" })
        {
            Assert.Matches(@"^\d+\.\d+", versions.GetProperty(component).GetProperty("version").GetString()!);
        }

        Assert.StartsWith("2.0.", versions.GetProperty("libtorrent").GetProperty("version").GetString());
        Assert.StartsWith("10.", versions.GetProperty("orleans").GetProperty("version").GetString());
        Assert.Equal(Environment.Version.ToString(), versions.GetProperty("dotnet").GetProperty("version").GetString());
    }

    [Fact]
    public async Task Fs_space_reports_porlas_fields_per_silo_and_summed()
    {
        var space = await api.Rpc.ResultAsync("fs.space", new { });
        Fields(space, ("available", JsonNumber), ("capacity", JsonNumber), ("free", JsonNumber), ("quota", JsonNull), ("sessions", JsonArray));
        var sessions = space.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(sessions.Sum(session => session.GetProperty("capacity").GetInt64()), space.GetProperty("capacity").GetInt64());
        Assert.All(sessions, session => Assert.True(session.GetProperty("available").GetInt64() > 0));

        var one = await api.Rpc.ResultAsync("fs.space", new { session = api.Sessions[0], path = api.Root.Path });
        var drive = new DriveInfo(api.Root.Path);
        Assert.Equal(drive.TotalSize, one.GetProperty("capacity").GetInt64());
        await Shape.ErrorAsync(api.Rpc, -4, "fs.space", new { session = api.Sessions[0], path = Path.Combine(api.Root.Path, "missing") });
        await Shape.ErrorAsync(api.Rpc, -4, "fs.space", new { path = "relative-and-missing" });
        await Shape.ErrorAsync(api.Rpc, -4, "fs.space", new { session = api.Sessions[0], path = Path.GetTempPath() });
    }

    private async Task<bool[]> PausedAsync()
    {
        var sessions = (await api.Rpc.ResultAsync("sessions.list", new { })).GetProperty("sessions").EnumerateArray().ToDictionary(
            session => session.GetProperty("name").GetString()!, session => session.GetProperty("is_paused").GetBoolean());
        return [.. api.Sessions.Select(name => sessions[name])];
    }

    private async Task<int> SettingAsync(string session, string key) =>
        (await api.Rpc.ResultAsync("sessions.settings.list", new { name = session, keys = new[] { key } })).GetProperty("settings").GetProperty(key).GetInt32();
}
