using System.Net.Http.Json;
using System.Text.Json;

namespace TorrentCluster.Testing;

/// <summary>A JSON-RPC 2.0 client as a Porla client would use it: POST a call, read the answer.</summary>
public sealed class JsonRpcClient(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private int _id;

    /// <summary>The bearer token sent with every call, or null for none.</summary>
    public string? Token
    {
        get => _http.DefaultRequestHeaders.Authorization?.Parameter;
        set => _http.DefaultRequestHeaders.Authorization = value is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", value);
    }

    /// <summary>The whole answer object of a call.</summary>
    public async Task<JsonElement> CallAsync(string method, object? parameters)
    {
        var id = Interlocked.Increment(ref _id);
        using var response = await _http.PostAsJsonAsync(endpoint, new { jsonrpc = "2.0", id, method, @params = parameters });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (answer.GetProperty("id").GetInt32() != id)
        {
            throw new InvalidOperationException($"answer to call {id} carries id {answer.GetProperty("id")}");
        }

        return answer;
    }

    /// <summary>The result of a call that must succeed.</summary>
    public async Task<JsonElement> ResultAsync(string method, object? parameters)
    {
        var answer = await CallAsync(method, parameters);
        if (answer.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error}");
        }

        return answer.GetProperty("result");
    }

    /// <summary>Posts raw bytes and returns the raw answer (for malformed requests).</summary>
    public async Task<(int Status, string Body)> PostRawAsync(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(endpoint, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => _http.Dispose();
}
