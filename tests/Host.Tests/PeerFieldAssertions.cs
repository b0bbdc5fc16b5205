using System.Text.Json;
using Xunit;

namespace TorrentCluster.Host.Tests;

/// <summary>The shape of one peer of <c>torrents.peers.list</c>, field for field as the API page gives it.</summary>
internal static class PeerFieldAssertions
{
    private static readonly (string Name, JsonValueKind Kind)[] Fields =
    [
        ("busy_requests", JsonValueKind.Number),
        ("client", JsonValueKind.String),
        ("connection_type", JsonValueKind.Number),
        ("down_speed", JsonValueKind.Number),
        ("download_queue_length", JsonValueKind.Number),
        ("download_queue_time", JsonValueKind.Number),
        ("flags", JsonValueKind.Number),
        ("ip", JsonValueKind.Array),
        ("last_active", JsonValueKind.Number),
        ("last_request", JsonValueKind.Number),
        ("local_endpoint", JsonValueKind.Array),
        ("progress", JsonValueKind.Number),
        ("rtt", JsonValueKind.Number),
        ("source", JsonValueKind.Number),
        ("total_download", JsonValueKind.Number),
        ("total_upload", JsonValueKind.Number),
        ("up_speed", JsonValueKind.Number),
    ];

    public static void HasEverySeedField(JsonElement peer)
    {
        var names = peer.EnumerateObject().Select(property => property.Name).Order().ToList();
        Assert.Equal(Fields.Select(field => field.Name).Order(), names);
        foreach (var (name, kind) in Fields)
        {
            Assert.True(peer.GetProperty(name).ValueKind == kind, $"{name} should be a JSON {kind}, is {peer.GetProperty(name).ValueKind}");
        }

        AssertEndpoint(peer.GetProperty("ip"));
        AssertEndpoint(peer.GetProperty("local_endpoint"));
        foreach (var counter in new[] { "busy_requests", "down_speed", "download_queue_length", "download_queue_time", "last_active", "last_request", "rtt", "total_download", "total_upload", "up_speed" })
        {
            Assert.True(peer.GetProperty(counter).GetInt64() >= 0, $"{counter} should not be negative");
        }

        var progress = peer.GetProperty("progress").GetDouble();
        Assert.InRange(progress, 0.0, 1.0);
    }

    private static void AssertEndpoint(JsonElement endpoint)
    {
        Assert.Equal(2, endpoint.GetArrayLength());
        Assert.Equal(JsonValueKind.String, endpoint[0].ValueKind);
        Assert.Equal(JsonValueKind.Number, endpoint[1].ValueKind);
        Assert.InRange(endpoint[1].GetInt32(), 0, 65535);
    }
}
