using System.Net;
using System.Text.Json;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cluster.Tests;

/// <summary>
/// <c>GET /api/v1/events</c> of a standalone gateway in front of two silos: Porla's events for torrents on either
/// silo reach one client, and a client that goes leaves no subscription behind on the gateway or the silos.
/// </summary>
public sealed class EventStreamTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_client_of_one_gateway_sees_added_paused_resumed_and_removed_for_torrents_on_two_silos()
    {
        await using var cluster = await RedisCluster.StartAsync(silos: 2, gatewaySettings: new Dictionary<string, string>
        {
            ["TorrentCluster__Gateway__Events__MaxClients"] = "1",
        });
        var eventsUri = new Uri(cluster.Gateway.BaseUri, "api/v1/events");
        using var files = new LoopbackSeeder(uploadRateLimit: 0);
        var rpc = cluster.Gateway.Rpc;

        await using (var events = await EventStreamClient.OpenAsync(eventsUri))
        {
            await Eventually.Until(async () => await GatewayClientsAsync(cluster) == 1, Patience, "the gateway to count one event client");
            var (refused, _) = await EventStreamClient.RefusalAsync(eventsUri);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);

            foreach (var (silo, index) in cluster.SiloNames.Select((silo, index) => (silo, index)))
            {
                var (torrentFile, _) = files.Seed($"events-{silo}.bin", 16 * 1024, seed: 4000 + index);
                var added = await rpc.ResultAsync("torrents.add", new { ti = Convert.ToBase64String(torrentFile), session = silo });
                var hash = added.GetProperty("info_hash");
                var v1 = hash[0].GetString()!;

                var addedEvent = await events.WaitForAsync("torrent_added", data => IsAbout(data, v1), Patience);
                Assert.Equal(silo, addedEvent.GetProperty("session").GetString());
                Assert.Equal(hash.GetRawText(), addedEvent.GetProperty("info_hash").GetRawText());

                await rpc.ResultAsync("torrents.pause", new { info_hash = v1 });
                Assert.Equal(silo, (await events.WaitForAsync("torrent_paused", data => IsAbout(data, v1), Patience)).GetProperty("session").GetString());

                await rpc.ResultAsync("torrents.resume", new { info_hash = v1 });
                Assert.Equal(silo, (await events.WaitForAsync("torrent_resumed", data => IsAbout(data, v1), Patience)).GetProperty("session").GetString());

                var update = await events.WaitForAsync("state_update", data => data.GetProperty("info_hashes").EnumerateArray().Any(pair => pair[0].GetString() == v1), Patience);
                Assert.Equal(silo, update.GetProperty("session").GetString());

                await rpc.ResultAsync("torrents.remove", new { info_hashes = new[] { v1 }, remove_data = true });
                Assert.Equal(silo, (await events.WaitForAsync("torrent_removed", data => IsAbout(data, v1), Patience)).GetProperty("session").GetString());
            }

            Assert.Equal(cluster.SiloNames.Order(StringComparer.Ordinal),
                events.Received.Where(received => received.Name == "torrent_added").Select(received => received.Data.GetProperty("session").GetString()!).Order(StringComparer.Ordinal));
            foreach (var silo in cluster.SiloNames)
            {
                await Eventually.Until(async () => await SiloSubscribersAsync(cluster, silo) == 1, Patience, $"{silo} to hold the gateway's one subscription");
            }
        }

        // Gone: nothing of the client is left on the gateway, and no silo still sends to it.
        await Eventually.Until(async () => await GatewayClientsAsync(cluster) == 0, Patience, "the gateway to count no event client");
        foreach (var silo in cluster.SiloNames)
        {
            await Eventually.Until(async () => await SiloSubscribersAsync(cluster, silo) == 0, Patience, $"{silo} to hold no subscription");
        }

        // And the slot is free again.
        await using var again = await EventStreamClient.OpenAsync(eventsUri);
        await Eventually.Until(async () => await GatewayClientsAsync(cluster) == 1, Patience, "the gateway to count the new event client");
    }

    private static bool IsAbout(JsonElement data, string v1) => data.GetProperty("info_hash")[0].GetString() == v1;

    private static async Task<double> GatewayClientsAsync(RedisCluster cluster) =>
        MetricsScrape.Sum(await ScrapeAsync(cluster.Gateway), "torrentcluster_events_clients");

    private static async Task<double> SiloSubscribersAsync(RedisCluster cluster, string silo) =>
        MetricsScrape.Sum(await ScrapeAsync(cluster.Silo(silo)), "torrentcluster_events_subscribers");

    // Read until it says what is awaited: Prometheus' exporter answers a scrape from its cache for a moment.
    private static async Task<string> ScrapeAsync(HostProcess host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await http.GetStringAsync(new Uri(host.BaseUri, "metrics"));
    }
}
