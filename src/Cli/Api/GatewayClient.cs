using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorrentCluster.Cli.Config;

namespace TorrentCluster.Cli.Api;

/// <summary>
/// Speaks the gateway's public API: Porla's login route and JSON-RPC with a bearer token. Every way a call can fail
/// becomes one <see cref="CliException"/> line: the JSON-RPC code and message, "cannot reach", a refused token.
/// </summary>
internal sealed class GatewayClient(HttpClient http, string url, string? token = null)
{
    private int _nextId;

    public string Url { get; } = url;

    public static GatewayClient For(HttpClient http, CliContext context) => new(http, context.Url, context.Token);

    /// <summary>Porla's <c>POST /api/v1/auth/login</c>: the token, or a refusal line.</summary>
    public async Task<string> LoginAsync(string username, string password, CancellationToken cancellation)
    {
        var body = JsonSerializer.Serialize(new LoginRequest(username, password), ApiJsonContext.Default.LoginRequest);
        using var response = await SendAsync($"{Url}/api/v1/auth/login", body, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new CliException($"too many login attempts; retry in {RetryAfter(response)}");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new CliException($"login failed: {Url} answered HTTP {(int)response.StatusCode}: {OneLine(text)}");
        }

        using var answer = ParseJson(text);
        if (answer.RootElement.TryGetProperty("token", out var issued) && issued.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        var error = answer.RootElement.TryGetProperty("error", out var reason) ? reason.GetString() : text;
        throw new CliException($"login refused: {error} (wrong user name or password)");
    }

    /// <summary>Calls <paramref name="method"/> and returns its <c>result</c>, or throws its error as one line.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonObject parameters, CancellationToken cancellation)
    {
        if (token is not null && TokenExpiry.Of(token) is { } expiry && expiry <= DateTimeOffset.UtcNow)
        {
            throw new CliException($"token expired at {expiry.ToString("u", CultureInfo.InvariantCulture)}, run tcctl login") { TokenRefused = true };
        }

        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = parameters,
        };
        using var response = await SendAsync($"{Url}/api/v1/jsonrpc", request.ToJsonString(), cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                // The gateway does not say why (missing, expired, revoked and foreign tokens look alike, on purpose).
                throw token is null
                    ? new CliException("not logged in, run tcctl login")
                    : new CliException("token expired or revoked, run tcctl login") { TokenRefused = true };
            case HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable:
                throw new CliException($"{Url} is busy (HTTP {(int)response.StatusCode}); retry in {RetryAfter(response)}");
            case not HttpStatusCode.OK:
                throw new CliException($"{Url} answered HTTP {(int)response.StatusCode}: {OneLine(text)}");
        }

        using var answer = ParseJson(text);
        if (answer.RootElement.TryGetProperty("error", out var error))
        {
            throw new CliException(JsonRpcError.Describe(error));
        }

        return answer.RootElement.TryGetProperty("result", out var result)
            ? result.Clone()
            : throw new CliException($"{Url} answered without a result: {OneLine(text)}");
    }

    private async Task<HttpResponseMessage> SendAsync(string address, string json, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            return await http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"cannot reach {Url}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new CliException($"cannot reach {Url}: no answer within {http.Timeout.TotalSeconds:0} s");
        }
    }

    private JsonDocument ParseJson(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            throw new CliException($"{Url} answered something that is not JSON: {OneLine(text)}");
        }
    }

    private static string RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta ? $"{delta.TotalSeconds:0} s" : "a moment";

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
