using System.Text.Json;
using TorrentCluster.Gateway.JsonRpc;
using TorrentCluster.Gateway.Methods.Torrents;
using Xunit;

namespace TorrentCluster.Host.Tests;

public sealed class InfoHashPairConverterTests
{
    private static readonly string V1 = new('a', 40);
    private static readonly string V2 = new('b', 64);

    [Theory]
    [InlineData("{\"info_hash\":[\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",null]}", true, false)]
    [InlineData("{\"info_hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", true, false)]
    [InlineData("{\"info_hash\":[null,\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"]}", false, true)]
    [InlineData("{\"info_hash\":\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}", false, true)]
    [InlineData("{\"info_hash\":[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"]}", true, true)]
    public void Porla_info_hash_forms_are_read_and_normalised(string json, bool hasV1, bool hasV2)
    {
        var parameters = JsonSerializer.Deserialize(json, TorrentsJsonContext.Default.InfoHashParams)!;
        Assert.Equal(hasV1 ? V1 : null, parameters.InfoHash.V1);
        Assert.Equal(hasV2 ? V2 : null, parameters.InfoHash.V2);
    }

    [Theory]
    [InlineData("{\"info_hash\":[null,null]}")]
    [InlineData("{\"info_hash\":[\"aaaa\",null]}")]
    [InlineData("{\"info_hash\":[\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",null]}")]
    [InlineData("{\"info_hash\":[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"]}")]
    [InlineData("{\"info_hash\":42}")]
    [InlineData("{\"info_hash\":\"gggggggggggggggggggggggggggggggggggggggg\"}")]
    public void Anything_else_is_refused_with_a_reason(string json)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, TorrentsJsonContext.Default.InfoHashParams));
        Assert.False(string.IsNullOrWhiteSpace(ParamErrors.Describe(exception)));
        Assert.Contains("info_hash", ParamErrors.Describe(exception) + exception.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_is_written_as_porla_writes_it()
    {
        var json = JsonSerializer.Serialize(new TorrentsAddResult(new(V1, null)), TorrentsJsonContext.Default.TorrentsAddResult);
        Assert.Equal($"{{\"info_hash\":[\"{V1}\",null]}}", json);
    }
}
