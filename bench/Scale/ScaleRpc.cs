using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TorrentCluster.Bench.Scale;

/// <summary>
/// JSON-RPC 2.0 at a gateway's <c>/api/v1/jsonrpc</c>, single calls and batches, as a Porla client sends them.
/// Every error answer is a failure of the benchmark: a number measured over failed calls would be wrong.
/// </summary>
internal sealed class ScaleRpc(Uri baseUri) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(5) };
    private long _id;

    public Uri Endpoint => new(baseUri, "api/v1/jsonrpc");

    public string? Token
    {
        get => _http.DefaultRequestHeaders.Authorization?.Parameter;
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new AuthenticationHeaderValue("Bearer", value);
    }

    public async Task<JsonElement> CallAsync(string method, object parameters, CancellationToken cancellation)
    {
        var answers = await BatchAsync([(method, parameters)], cancellation);
        return answers[0];
    }

    /// <summary>The results of a batch, in call order; throws on any error answer.</summary>
    public async Task<IReadOnlyList<JsonElement>> BatchAsync(IReadOnlyList<(string Method, object Params)> calls, CancellationToken cancellation)
    {
        var first = Interlocked.Add(ref _id, calls.Count) - calls.Count + 1;
        var requests = new JsonArray();
        for (var i = 0; i < calls.Count; i++)
        {
            requests.Add(new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = first + i,
                ["method"] = calls[i].Method,
                ["params"] = JsonSerializer.SerializeToNode(calls[i].Params),
            });
        }

        // A single call goes as a plain request object, a batch as an array (JSON-RPC 2.0).
        var body = calls.Count == 1 ? requests[0]!.ToJsonString() : requests.ToJsonString();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(JsonRpcPath, content, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchStepException($"{calls[0].Method} answered HTTP {(int)response.StatusCode}: {Truncate(text)}");
        }

        using var document = JsonDocument.Parse(text);
        List<JsonElement> answers = document.RootElement.ValueKind == JsonValueKind.Array
            ? [.. document.RootElement.EnumerateArray()]
            : [document.RootElement];
        // An answer without a numeric id answers no call of ours: the request as a whole was refused.
        var refused = answers.FirstOrDefault(answer => !answer.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number);
        if (refused.ValueKind != JsonValueKind.Undefined)
        {
            throw new BenchStepException($"{calls[0].Method}: the request was refused: {Truncate(refused.GetRawText())}");
        }

        var byId = answers.ToDictionary(answer => answer.GetProperty("id").GetInt64());
        var results = new List<JsonElement>(calls.Count);
        for (var i = 0; i < calls.Count; i++)
        {
            if (!byId.TryGetValue(first + i, out var answer))
            {
                throw new BenchStepException($"{calls[i].Method}: no answer to call {first + i} in the batch");
            }

            if (answer.TryGetProperty("error", out var error))
            {
                throw new BenchStepException($"{calls[i].Method} failed: {Truncate(error.GetRawText())}");
            }

            results.Add(answer.GetProperty("result").Clone());
        }

        return results;
    }

    /// <summary>How long one call takes, end to end, in milliseconds.</summary>
    public async Task<double> TimeCallAsync(string method, object parameters, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        await CallAsync(method, parameters, cancellation);
        return watch.Elapsed.TotalMilliseconds;
    }

    public async Task<string> GetTextAsync(string path, CancellationToken cancellation) =>
        await _http.GetStringAsync(new Uri(path, UriKind.Relative), cancellation);

    public void Dispose() => _http.Dispose();

    private static readonly Uri JsonRpcPath = new("api/v1/jsonrpc", UriKind.Relative);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
