using System.Text.Json;
using TorrentCluster.Abstractions.Presets;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>presets.list in Porla's shape (porla/porla src/json/presetslist.hpp), which Porla's web UI reads.</summary>
public sealed class PresetsListShapeTests
{
    private static readonly string[] PorlaKeys =
        ["category", "download_limit", "max_connections", "max_uploads", "save_path", "session", "tags", "upload_limit", "$hidden"];

    // Porla's presets have a storage_mode its list leaves out; ours shows it, so an operator sees what presets.set took.
    private static readonly string[] OurKeys = ["storage_mode"];

    [Fact]
    public async Task Every_preset_carries_porlas_keys_with_hidden_as_set_or_null()
    {
        var presets = new Dictionary<string, Preset>(StringComparer.Ordinal)
        {
            ["internal"] = new() { Category = "ops", Hidden = true },
            ["movies"] = new() { Tags = ["film"] },
        };
        using var gateway = new GatewayUnderTest(grains: new InMemoryGrainFactory(new InMemoryPresetsGrain(presets), new RecordingIntakeGrain()));

        var answer = await gateway.PostAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"presets.list\",\"params\":{}}");

        var result = answer.Body.GetProperty("result");
        foreach (var preset in result.EnumerateObject())
        {
            Assert.Equal(PorlaKeys.Concat(OurKeys).Order(StringComparer.Ordinal), preset.Value.EnumerateObject().Select(key => key.Name).Order(StringComparer.Ordinal));
        }

        Assert.True(result.GetProperty("internal").GetProperty("$hidden").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("movies").GetProperty("$hidden").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("movies").GetProperty("category").ValueKind);
    }
}
