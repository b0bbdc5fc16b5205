using TorrentCluster.Abstractions.Presets;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// The real methods' params, read before any grain is called: a value of the wrong shape or type is -32602 with
/// the parameter named, and never reaches the cluster (this gateway has none: a call that got further would fail).
/// </summary>
public sealed class MethodParamsTests : IDisposable
{
    private static readonly string V1 = new('a', 40);

    private readonly GatewayUnderTest _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("{\"info_hash\":42}", "info_hash")]
    [InlineData("{\"info_hash\":\"abc\"}", "info_hash")]
    [InlineData("{\"info_hash\":\"gggggggggggggggggggggggggggggggggggggggg\"}", "info_hash")]
    [InlineData("{\"info_hash\":[null,null]}", "info_hash")]
    [InlineData("{\"info_hash\":[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]}", "info_hash")]
    [InlineData("{\"info_hash\":null}", "info_hash")]
    [InlineData("{}", "info_hash")]
    public async Task A_torrent_named_by_a_bad_info_hash_is_invalid_params(string parameters, string named)
    {
        foreach (var method in new[] { "torrents.pause", "torrents.resume", "torrents.get", "torrents.recheck" })
        {
            var error = await ErrorOfAsync(method, parameters);

            Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
            // Named as the caller wrote it, or as Porla's word for it.
            Assert.Contains(named, error.Data.Replace("info-hash", "info_hash", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Params_given_as_an_array_are_invalid_params_for_a_method_that_takes_an_object()
    {
        var error = await ErrorOfAsync("torrents.pause", $"[\"{V1}\"]");

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains("must be an object", error.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"magnet_uri\":\"magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"save_path\":5}", "'save_path' has the wrong type")]
    [InlineData("{\"magnet_uri\":\"magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"paused\":\"yes\"}", "'paused' has the wrong type")]
    [InlineData("{\"magnet_uri\":\"magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"upload_limit\":\"10\"}", "'upload_limit' has the wrong type")]
    [InlineData("{\"magnet_uri\":\"magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"upload_limit\":1.5}", "'upload_limit' has the wrong type")]
    [InlineData("{\"magnet_uri\":\"magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"tags\":\"one\"}", "'tags' has the wrong type")]
    [InlineData("{\"magnet_uri\":7}", "'magnet_uri' has the wrong type")]
    [InlineData("{\"ti\":\"not base64!\"}", "'ti' must be a base64-encoded .torrent file")]
    [InlineData("{\"magnet_uri\":\"\\ud800\"}", "not valid Unicode")]
    public async Task Torrents_add_refuses_params_of_the_wrong_type_naming_them(string parameters, string reason)
    {
        var error = await ErrorOfAsync("torrents.add", parameters);

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains(reason, error.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"save_path\":\"/downloads\"}", null)]
    [InlineData("{\"save_path\":\"/downloads\",\"magnet_uri\":\"\"}", "")]
    public async Task Torrents_add_with_neither_ti_nor_magnet_uri_leaves_the_refusal_to_the_clusters_intake(string parameters, string? magnet)
    {
        // The intake grain's validation is the one check (Porla's -4, end to end in Api.Tests): the gateway sends
        // the command as given.
        var intake = new RecordingIntakeGrain();
        using var gateway = new GatewayUnderTest(grains: new InMemoryGrainFactory(new InMemoryPresetsGrain(new Dictionary<string, Preset>()), intake));

        await gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"torrents.add\",\"params\":{parameters}}}");

        var command = Assert.Single(intake.Commands);
        Assert.Null(command.TorrentFile);
        Assert.Equal(magnet, command.MagnetUri);
    }

    [Fact]
    public async Task Torrents_add_with_both_ti_and_magnet_uri_sends_the_torrent_file_only()
    {
        var intake = new RecordingIntakeGrain();
        using var gateway = new GatewayUnderTest(grains: new InMemoryGrainFactory(new InMemoryPresetsGrain(new Dictionary<string, Preset>()), intake));
        var ti = Convert.ToBase64String("d4:infod4:name1:aee"u8);

        await gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"torrents.add\",\"params\":{{\"ti\":\"{ti}\",\"magnet_uri\":\"magnet:?xt=urn:btih:{V1}\"}}}}");

        var command = Assert.Single(intake.Commands);
        Assert.Equal(Convert.FromBase64String(ti), command.TorrentFile);
        Assert.Null(command.MagnetUri);
    }

    [Theory]
    [InlineData("{\"order_by_dir\":\"sideways\"}", "order_by_dir")]
    [InlineData("{\"page\":-1}", "page")]
    [InlineData("{\"page_size\":0}", "page_size")]
    public async Task Torrents_list_refuses_values_it_cannot_page_or_sort_by(string parameters, string named)
    {
        var error = await ErrorOfAsync("torrents.list", parameters);

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains(named, error.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("torrents.list")]
    [InlineData("torrents.count")]
    public async Task A_pql_query_that_does_not_parse_is_porlas_error_with_its_column_before_any_grain(string method)
    {
        var answer = await _gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{{\"filters\":{{\"colour\":\"red\",\"query\":\"is:paused and size >\"}}}}}}");

        var error = answer.Body.GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.InvalidQuery, error.GetProperty("code").GetInt32());
        Assert.Equal("mismatched input '<EOF>' expecting {INT, FLOAT, STRING}", error.GetProperty("message").GetString());
        Assert.Equal(20, error.GetProperty("data").GetProperty("pos").GetInt32());
    }

    [Theory]
    [InlineData("{\"name\":\"\"}", "'name' must not be empty")]
    [InlineData("{\"name\":null}", "'name'")]
    [InlineData("{}", "missing required parameter")]
    public async Task Presets_set_refuses_a_preset_without_a_name(string parameters, string reason)
    {
        var error = await ErrorOfAsync("presets.set", parameters);

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains(reason, error.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Torrents_move_needs_a_path()
    {
        var error = await ErrorOfAsync("torrents.move", $"{{\"info_hash\":\"{V1}\"}}");

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains("path", error.Data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("[\"dont_replace\"]")]
    public async Task Torrents_move_with_flags_that_are_not_a_string_is_invalid_params_before_any_grain(string flags)
    {
        // This gateway has no torrent grains: a call that got as far as the grain would be -32603, not -32602.
        var error = await ErrorOfAsync("torrents.move", $"{{\"info_hash\":\"{V1}\",\"path\":\"/data\",\"flags\":{flags}}}");

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Contains("'flags'", error.Data, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Data)> ErrorOfAsync(string method, string parameters)
    {
        var answer = await _gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{parameters}}}");
        var error = answer.Body.GetProperty("error");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("data").GetString() ?? error.GetProperty("message").GetString()!);
    }
}
