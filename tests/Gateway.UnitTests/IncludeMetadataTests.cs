using System.Text.Json;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Methods.Torrents;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>Which metadata a listed torrent carries for torrents.list's <c>include_metadata</c>, read as Porla reads it.</summary>
public sealed class IncludeMetadataTests
{
    private static readonly TorrentSummary Torrent = new()
    {
        InfoHash = new InfoHashPair(new string('a', 40), null),
        Name = "metadata",
        SavePath = "/data",
        Silo = "silo-a",
        Metadata = new Dictionary<string, string> { ["owner"] = "\"ops\"", ["priority"] = "3", ["*"] = "\"a key named star\"" },
    };

    [Fact]
    public void A_lone_star_asks_for_every_key() =>
        Assert.Equal(["*", "owner", "priority"], KeysFor(["*"]));

    [Fact]
    public void Named_keys_are_the_ones_given() =>
        Assert.Equal(["owner"], KeysFor(["owner", "missing"]));

    [Fact]
    public void A_star_among_other_keys_is_a_key_like_any_other() =>
        Assert.Equal(["*", "priority"], KeysFor(["*", "priority"]));

    [Fact]
    public void No_keys_ask_for_none() =>
        Assert.Empty(KeysFor([]));

    [Fact]
    public void Values_come_back_as_the_json_they_were_sent() =>
        Assert.Equal(3, TorrentListItem.From(Torrent, ["*"]).Metadata["priority"].GetInt32());

    private static string[] KeysFor(string[] includeMetadata) =>
        [.. TorrentListItem.From(Torrent, includeMetadata).Metadata.Keys.Order(StringComparer.Ordinal)];
}
