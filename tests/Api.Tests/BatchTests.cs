using System.Text;
using System.Text.Json;
using Xunit;

namespace TorrentCluster.Api.Tests;

/// <summary>JSON-RPC 2.0 batches: each call answered in order with its own result or error, notifications not at all.</summary>
[Collection(ApiClusterCollection.Name)]
public sealed class BatchTests(ApiCluster api)
{
    [Fact]
    public async Task A_batch_of_100_mixed_calls_answers_each_in_order_with_its_own_result_or_error()
    {
        var (ti, folder) = api.MakeTorrent("batch", 100_000, seed: 31);
        var v1 = await api.AddAsync(new { ti, save_path = folder });

        // Each entry: the call's JSON, and what its answer must be (null: a notification, no answer).
        var calls = new List<(string Json, Action<JsonElement>? Check)>();
        for (var i = 0; i < 100; i++)
        {
            switch (i % 10)
            {
                case 0:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"torrents.get","params":{"info_hash":"{{{v1}}}"}}""",
                        answer => Assert.Equal(v1, answer.GetProperty("result").GetProperty("info_hash")[0].GetString())));
                    break;
                case 1:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":"s{{{i}}}","method":"sys.versions"}""",
                        answer => Assert.True(answer.GetProperty("result").TryGetProperty("libtorrent", out _))));
                    break;
                case 2:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"no.such.method","params":{}}""", Error(-32601)));
                    break;
                case 3:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"torrents.get","params":{"info_hash":"xyz"}}""", Error(-32602)));
                    break;
                case 4:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"torrents.get","params":{"info_hash":"{{{new string('0', 40)}}}"}}""", Error(-1)));
                    break;
                case 5:
                    calls.Add(($$$"""{"jsonrpc":"2.0","method":"torrents.list","params":{}}""", null));
                    break;
                case 6:
                    calls.Add(($$$"""{"jsonrpc":"1.0","id":{{{i}}},"method":"torrents.list"}""", Error(-32600)));
                    break;
                case 7:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"torrents.list","params":{"page_size":2}}""",
                        answer => Assert.Equal(2, answer.GetProperty("result").GetProperty("page_size").GetInt32())));
                    break;
                case 8:
                    calls.Add(($$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"torrents.list","params":[1,2]}""", Error(-32602)));
                    break;
                default:
                    calls.Add(("42", Error(-32600)));
                    break;
            }
        }

        var (status, body) = await api.Rpc.PostRawAsync("[" + string.Join(",", calls.Select(call => call.Json)) + "]");
        Assert.Equal(200, status);
        var answers = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        var expected = calls.Where(call => call.Check is not null).ToList();
        Assert.Equal(expected.Count, answers.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            var sent = JsonDocument.Parse(expected[i].Json).RootElement;
            var id = sent.ValueKind == JsonValueKind.Object && sent.TryGetProperty("id", out var sentId) ? sentId.GetRawText() : "null";
            Assert.Equal(id, answers[i].GetProperty("id").GetRawText());
            Assert.Equal("2.0", answers[i].GetProperty("jsonrpc").GetString());
            expected[i].Check!(answers[i]);
        }
    }

    [Fact]
    public async Task Oversized_batches_and_bodies_get_a_clear_error_and_change_nothing()
    {
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 1001).Select(i => $$$"""{"jsonrpc":"2.0","id":{{{i}}},"method":"sys.versions"}""")) + "]";
        var (_, body) = await api.Rpc.PostRawAsync(tooMany);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains("at most 1000", error.GetProperty("data").GetString());

        var huge = new StringBuilder("""{"jsonrpc":"2.0","id":1,"method":"torrents.add","params":{"ti":" """).Append('A', 33 * 1024 * 1024).Append("\"}}").ToString();
        (_, body) = await api.Rpc.PostRawAsync(huge);
        Assert.Equal(-32600, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static Action<JsonElement> Error(int code) =>
        answer =>
        {
            Assert.True(answer.TryGetProperty("error", out var error), $"expected error {code}, got {answer}");
            Assert.Equal(code, error.GetProperty("code").GetInt32());
        };
}
