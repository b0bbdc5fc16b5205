using System.Text.Json;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>Every bad request gets a clear JSON-RPC error and changes nothing the cluster holds.</summary>
public sealed class BadInputTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>, IAsyncLifetime
{
    private static readonly string UnknownV1 = new('b', 40);

    public Task InitializeAsync() => Task.CompletedTask;

    // After each test: the cluster still answers and still holds its torrent.
    public async Task DisposeAsync()
    {
        var torrents = (await fixture.Host.Rpc.ResultAsync("torrents.list", new { })).GetProperty("torrents");
        Assert.Contains(torrents.EnumerateArray(), torrent => torrent.GetProperty("info_hash")[0].GetString() == fixture.KeptTorrent);
    }

    [Fact]
    public async Task Malformed_json_is_a_parse_error()
    {
        var (status, body) = await fixture.Host.Rpc.PostRawAsync("{\"jsonrpc\": \"2.0\", \"method\": ");
        Assert.Equal(200, status);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(-32700, error.GetProperty("code").GetInt32());
        Assert.Equal("Parse error", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_method_is_method_not_found()
    {
        var error = await ErrorAsync("torrents.explode", new { });
        Assert.Equal(-32601, error.GetProperty("code").GetInt32());
        Assert.Contains("torrents.explode", error.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_of_the_wrong_type_is_invalid_params()
    {
        var error = await ErrorAsync("torrents.list", new { page = "first" });
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("page", error.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_parameter_is_invalid_params()
    {
        var error = await ErrorAsync("torrents.pause", new { });
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("info_hash", error.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("0123456789abcdef0123456789abcdef0123456")]
    public async Task An_info_hash_that_is_not_40_or_64_hex_characters_is_invalid_params(string infoHash)
    {
        var error = await ErrorAsync("torrents.peers.list", new { info_hash = new[] { infoHash, null } });
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("40 (v1) or 64 (v2) hexadecimal characters", error.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_torrent_is_torrent_not_found()
    {
        var error = await ErrorAsync("torrents.peers.list", new { info_hash = new[] { UnknownV1, null } });
        Assert.Equal(-1, error.GetProperty("code").GetInt32());
        Assert.Contains("not found", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Removing_an_unknown_torrent_is_passed_over_as_porla_does()
    {
        var answer = await fixture.Host.Rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { new[] { UnknownV1, null } }, remove_data = true });
        Assert.Equal(JsonValueKind.Null, answer.ValueKind);
        await fixture.Host.Rpc.ResultAsync("torrents.get", new { info_hash = fixture.KeptTorrent });
    }

    [Fact]
    public async Task A_corrupt_torrent_file_is_an_invalid_torrent()
    {
        var corrupt = fixture.KeptTorrentFile[..(fixture.KeptTorrentFile.Length / 2)];
        var error = await ErrorAsync("torrents.add", new { ti = Convert.ToBase64String(corrupt) });
        Assert.Equal(-2, error.GetProperty("code").GetInt32());
        Assert.Contains("torrent", error.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ti_that_is_not_base64_is_invalid_params()
    {
        var error = await ErrorAsync("torrents.add", new { ti = "this is not base64!" });
        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_bad_magnet_link_is_an_invalid_magnet()
    {
        var error = await ErrorAsync("torrents.add", new { magnet_uri = "magnet:?xt=urn:btih:nothex" });
        Assert.Equal(-3, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Adding_the_same_torrent_again_is_an_error_not_a_second_copy()
    {
        var error = await ErrorAsync("torrents.add", new { ti = Convert.ToBase64String(fixture.KeptTorrentFile) });
        Assert.Equal(-3, error.GetProperty("code").GetInt32());
        var torrents = (await fixture.Host.Rpc.ResultAsync("torrents.list", new { })).GetProperty("torrents");
        Assert.Single(torrents.EnumerateArray(), torrent => torrent.GetProperty("info_hash")[0].GetString() == fixture.KeptTorrent);
    }

    [Fact]
    public async Task A_relative_or_hostile_save_path_is_refused()
    {
        var error = await ErrorAsync("torrents.add", new { magnet_uri = "magnet:?xt=urn:btih:" + new string('c', 40), save_path = "../../etc" });
        Assert.Equal(-4, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_batch_answers_each_call_in_order_with_its_own_error()
    {
        var (status, body) = await fixture.Host.Rpc.PostRawAsync(
            "[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"torrents.list\"},{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"nope\"},{\"jsonrpc\":\"2.0\",\"method\":\"torrents.list\"}]");
        Assert.Equal(200, status);
        var answers = JsonDocument.Parse(body).RootElement;
        Assert.Equal(2, answers.GetArrayLength());
        Assert.Equal("a", answers[0].GetProperty("id").GetString());
        Assert.True(answers[0].TryGetProperty("result", out _));
        Assert.Equal(7, answers[1].GetProperty("id").GetInt32());
        Assert.Equal(-32601, answers[1].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_request_that_is_not_an_object_is_an_invalid_request()
    {
        var (_, body) = await fixture.Host.Rpc.PostRawAsync("42");
        Assert.Equal(-32600, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("auth.logout")]
    [InlineData("auth.password.set")]
    public async Task Account_calls_while_authentication_is_off_say_there_is_no_caller(string method)
    {
        var error = await ErrorAsync(method, new { current_password = "the current password", new_password = "a new password here" });
        Assert.Equal(-4, error.GetProperty("code").GetInt32());
        Assert.Contains("TorrentCluster:Auth:Enabled is false", error.GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> ErrorAsync(string method, object parameters)
    {
        var answer = await fixture.Host.Rpc.CallAsync(method, parameters);
        Assert.False(answer.TryGetProperty("result", out _), $"{method} should fail, answered {answer}");
        return answer.GetProperty("error").Clone();
    }
}
