using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Abstractions.Torrents;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// <c>torrents.add</c>'s values as Porla merges them: the "default" preset first, the named preset over it, the
/// call's own params over both. Read from the command the gateway hands the cluster's intake grain.
/// </summary>
public sealed class PresetMergeTests
{
    private const string Magnet = "magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static readonly Preset Default = new()
    {
        Category = "default-category",
        DownloadLimit = 100,
        MaxConnections = 10,
        MaxUploads = 1,
        SavePath = "/default",
        Tags = ["default-tag"],
        UploadLimit = 200,
    };

    // Sets some values and leaves the others to the default preset.
    private static readonly Preset Movies = new()
    {
        Category = "movies",
        DownloadLimit = 300,
        SavePath = "/movies",
        Tags = ["film"],
    };

    private static readonly Dictionary<string, Preset> Presets = new(StringComparer.Ordinal)
    {
        ["default"] = Default,
        ["movies"] = Movies,
    };

    [Fact]
    public async Task Without_a_preset_name_the_default_preset_applies()
    {
        var command = await AddAsync($"{{\"magnet_uri\":\"{Magnet}\"}}", Presets);

        Assert.Equal("default-category", command.Category);
        Assert.Equal(100, command.DownloadLimit);
        Assert.Equal(10, command.MaxConnections);
        Assert.Equal(1, command.MaxUploads);
        Assert.Equal("/default", command.SavePath);
        Assert.Equal(["default-tag"], command.Tags);
        Assert.Equal(200, command.UploadLimit);
    }

    [Fact]
    public async Task A_named_preset_wins_over_the_default_where_it_sets_a_value()
    {
        var command = await AddAsync($"{{\"magnet_uri\":\"{Magnet}\",\"preset\":\"movies\"}}", Presets);

        Assert.Equal("movies", command.Category);
        Assert.Equal(300, command.DownloadLimit);
        Assert.Equal("/movies", command.SavePath);
        Assert.Equal(["film"], command.Tags);
        // Left unset by "movies": the default's.
        Assert.Equal(10, command.MaxConnections);
        Assert.Equal(1, command.MaxUploads);
        Assert.Equal(200, command.UploadLimit);
    }

    [Fact]
    public async Task The_calls_own_params_win_over_both_presets()
    {
        var command = await AddAsync(
            $"{{\"magnet_uri\":\"{Magnet}\",\"preset\":\"movies\",\"category\":\"mine\",\"download_limit\":7,\"max_connections\":8," +
            "\"max_uploads\":9,\"save_path\":\"/mine\",\"tags\":[\"own\"],\"upload_limit\":11}", Presets);

        Assert.Equal("mine", command.Category);
        Assert.Equal(7, command.DownloadLimit);
        Assert.Equal(8, command.MaxConnections);
        Assert.Equal(9, command.MaxUploads);
        Assert.Equal("/mine", command.SavePath);
        Assert.Equal(["own"], command.Tags);
        Assert.Equal(11, command.UploadLimit);
    }

    [Fact]
    public async Task An_unknown_preset_name_is_ignored_as_Porla_ignores_it()
    {
        var command = await AddAsync($"{{\"magnet_uri\":\"{Magnet}\",\"preset\":\"no-such\"}}", Presets);

        Assert.Equal("default-category", command.Category);
        Assert.Equal("/default", command.SavePath);
    }

    [Fact]
    public async Task Without_any_preset_unset_values_are_the_engines_defaults()
    {
        var command = await AddAsync($"{{\"magnet_uri\":\"{Magnet}\",\"preset\":\"movies\"}}", new Dictionary<string, Preset>(StringComparer.Ordinal));

        Assert.Null(command.Category);
        Assert.Null(command.SavePath);
        Assert.Empty(command.Tags);
        Assert.Equal(0, command.DownloadLimit);
        Assert.Equal(0, command.UploadLimit);
        Assert.Equal(0, command.MaxConnections);
        Assert.Equal(0, command.MaxUploads);
        Assert.False(command.Paused);
    }

    [Fact]
    public async Task A_named_preset_alone_applies_when_there_is_no_default()
    {
        var command = await AddAsync(
            $"{{\"magnet_uri\":\"{Magnet}\",\"preset\":\"movies\"}}",
            new Dictionary<string, Preset>(StringComparer.Ordinal) { ["movies"] = Movies });

        Assert.Equal("movies", command.Category);
        Assert.Equal("/movies", command.SavePath);
        Assert.Equal(0, command.UploadLimit);
        Assert.Equal(0, command.MaxConnections);
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("sparse", null, false)]
    [InlineData("allocate", null, true)]
    [InlineData("sparse", "allocate", true)]
    [InlineData("allocate", "sparse", false)]
    public async Task Files_are_allocated_in_full_when_the_presets_storage_mode_is_allocate(string? byDefault, string? byMovies, bool allocated)
    {
        var presets = new Dictionary<string, Preset>(StringComparer.Ordinal)
        {
            ["default"] = Default with { StorageMode = byDefault },
            ["movies"] = Movies with { StorageMode = byMovies },
        };

        var command = await AddAsync($"{{\"magnet_uri\":\"{Magnet}\",\"preset\":\"movies\"}}", presets);

        Assert.Equal(allocated, command.AllocateFiles);
    }

    [Fact]
    public async Task The_magnet_link_reaches_the_cluster_as_given()
    {
        var command = await AddAsync($"{{\"magnet_uri\":\"{Magnet}\",\"paused\":true}}", Presets);

        Assert.Equal(Magnet, command.MagnetUri);
        Assert.Null(command.TorrentFile);
        Assert.True(command.Paused);
    }

    private static async Task<AddTorrentCommand> AddAsync(string parameters, IReadOnlyDictionary<string, Preset> presets)
    {
        var intake = new RecordingIntakeGrain();
        using var gateway = new GatewayUnderTest(grains: new InMemoryGrainFactory(new InMemoryPresetsGrain(presets), intake));

        var answer = await gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"torrents.add\",\"params\":{parameters}}}");

        Assert.True(answer.Body.TryGetProperty("result", out var result), answer.Text);
        Assert.Equal(RecordingIntakeGrain.Added.V1, result.GetProperty("info_hash")[0].GetString());
        return Assert.Single(intake.Commands);
    }
}
