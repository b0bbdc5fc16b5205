using System.Net;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>
/// <c>GET /api/v1/events</c> of the embedded default with authentication on: the same token check and HTTP
/// defences as JSON-RPC, the token taken from the places Porla reads it and never from the URL.
/// </summary>
public sealed class EventStreamAuthTests(SecuredHostFixture fixture) : IClassFixture<SecuredHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private Uri Events => new(fixture.Host.BaseUri, "api/v1/events");

    [Fact]
    public async Task Without_a_valid_token_the_stream_is_401_and_a_token_in_the_url_does_not_count()
    {
        var (none, body) = await EventStreamClient.RefusalAsync(Events);
        Assert.Equal(HttpStatusCode.Unauthorized, none);
        Assert.Equal("Unauthorized", body);

        var (forged, _) = await EventStreamClient.RefusalAsync(Events, EventStreamClient.Bearer(fixture.Token[..^4] + "AAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged);

        var (inUrl, _) = await EventStreamClient.RefusalAsync(new Uri(Events, $"?token={Uri.EscapeDataString(fixture.Token)}"));
        Assert.Equal(HttpStatusCode.Unauthorized, inUrl);
    }

    [Fact]
    public async Task A_foreign_host_name_is_refused_as_on_json_rpc()
    {
        var (status, _) = await EventStreamClient.RefusalAsync(Events, request =>
        {
            request.Headers.Host = "rebound.example";
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.Token);
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task The_login_cookie_that_a_browsers_EventSource_sends_opens_the_stream()
    {
        await using var events = await EventStreamClient.OpenAsync(Events, request => request.Headers.Add("Cookie", $"porla-auth-token={fixture.Token}"));
        Assert.Equal("hello", events.Received[0].Name);
    }

    [Fact]
    public async Task A_torrent_added_to_the_embedded_host_is_announced_with_its_silo_as_the_session()
    {
        using var rpc = new JsonRpcClient(fixture.JsonRpc) { Token = fixture.Token };
        await using var events = await EventStreamClient.OpenAsync(Events, EventStreamClient.Bearer(fixture.Token));
        using var files = new LoopbackSeeder(uploadRateLimit: 0);
        var (torrentFile, _) = files.Seed("events-embedded.bin", 16 * 1024, seed: 4100);

        var added = await rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile) });
        var v1 = added.GetProperty("info_hash")[0].GetString()!;
        var announced = await events.WaitForAsync("torrent_added", data => data.GetProperty("info_hash")[0].GetString() == v1, Patience);

        Assert.Equal(added.GetProperty("info_hash").GetRawText(), announced.GetProperty("info_hash").GetRawText());
        Assert.Equal(await ClusterApi.ActiveSilosAsync(rpc), [announced.GetProperty("session").GetString()!]);
        await rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { v1 }, remove_data = true });
        await events.WaitForAsync("torrent_removed", data => data.GetProperty("info_hash")[0].GetString() == v1, Patience);
    }
}
