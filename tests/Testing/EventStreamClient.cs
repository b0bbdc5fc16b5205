using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TorrentCluster.Testing;

/// <summary>
/// A client of a gateway's <c>GET /api/v1/events</c> as a Porla client reads it: it keeps every server-sent event
/// it receives (name and JSON data) from the moment the server says hello, and can wait for one that matches.
/// Disposing it closes the connection.
/// </summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _closed = new();
    private readonly List<(string Name, JsonElement Data)> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reading;

    private EventStreamClient(HttpClient http, HttpResponseMessage response, Stream body)
    {
        _http = http;
        _response = response;
        _reading = ReadAsync(body, _closed.Token);
    }

    /// <summary>Every event received so far, oldest first.</summary>
    public IReadOnlyList<(string Name, JsonElement Data)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// Opens the stream and waits for Porla's <c>hello</c>; fails with the status and body when refused.
    /// <paramref name="prepare"/> adds what the request carries besides (a token header, a cookie).
    /// </summary>
    public static async Task<EventStreamClient> OpenAsync(Uri events, Action<HttpRequestMessage>? prepare = null)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        HttpResponseMessage? response = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, events);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            prepare?.Invoke(request);

            using var opening = new CancellationTokenSource(HelloTimeout);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, opening.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new HttpRequestException($"GET {events} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(opening.Token)}",
                    null, response.StatusCode);
            }

            var client = new EventStreamClient(http, response, await response.Content.ReadAsStreamAsync(opening.Token));
            await client.WaitForAsync("hello", _ => true, HelloTimeout);
            return client;
        }
        catch
        {
            response?.Dispose();
            http.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="token"/> as Porla's clients do, <c>Authorization: Bearer</c>.</summary>
    public static Action<HttpRequestMessage> Bearer(string token) =>
        request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>The status and body a refused GET of the stream gets (no stream is kept open).</summary>
    public static async Task<(HttpStatusCode Status, string Body)> RefusalAsync(Uri events, Action<HttpRequestMessage>? prepare = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, events);
        prepare?.Invoke(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (response.StatusCode, string.Empty);
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The data of the first event so named that matches, received before or within <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> matches, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        while (true)
        {
            var received = Received;
            for (; seen < received.Count; seen++)
            {
                if (received[seen].Name == name && matches(received[seen].Data))
                {
                    return received[seen].Data;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _reading.IsCompleted && seen == Received.Count)
            {
                var names = string.Join(", ", received.Select(entry => entry.Name).Distinct());
                throw new TimeoutException($"no matching '{name}' event within {timeout.TotalSeconds:0} s; received {received.Count} events ({names})"
                    + (_reading.IsFaulted ? $"; the stream failed: {_reading.Exception!.InnerException!.Message}" : _reading.IsCompleted ? "; the stream ended" : string.Empty));
            }

            await _arrived.WaitAsync(left);
        }
    }

    private async Task ReadAsync(Stream body, CancellationToken closed)
    {
        try
        {
            await ReadEventsAsync(body, closed);
        }
        finally
        {
            // A waiter learns at once that no more will come.
            _arrived.Release();
        }
    }

    private async Task ReadEventsAsync(Stream body, CancellationToken closed)
    {
        using var reader = new StreamReader(body);
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(closed) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null || data.Count > 0)
                {
                    Add(name ?? "message", string.Join('\n', data));
                }

                (name, data) = (null, []);
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].TrimStart();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line[5..].TrimStart());
            }
        }
    }

    private void Add(string name, string data)
    {
        using var document = JsonDocument.Parse(data);
        lock (_received)
        {
            _received.Add((name, document.RootElement.Clone()));
        }

        _arrived.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _closed.CancelAsync();
        _response.Dispose();
        _http.Dispose();
        try
        {
            await _reading;
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
        {
            // Closed on purpose.
        }

        _closed.Dispose();
        _arrived.Dispose();
    }
}
