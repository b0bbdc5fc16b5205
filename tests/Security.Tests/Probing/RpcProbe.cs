using System.Net.Http.Headers;

namespace TorrentCluster.Security.Tests.Probing;

/// <summary>One answer the host gave, or the crash it stood for.</summary>
public sealed record ProbeAnswer(int Status, string Body, string? Crash)
{
    public int? ErrorCode => Crash is null && Status == 200 ? AnswerRules.ErrorCode(Body) : null;
}

/// <summary>
/// Posts raw bodies to the JSON-RPC endpoint, each within its own deadline, and classifies the answer by
/// <see cref="AnswerRules"/>: a dropped connection or no answer in time is a crash as much as a 5xx is.
/// </summary>
public sealed class RpcProbe(Uri endpoint) : IDisposable
{
    /// <summary>Longer than the gateway's own call deadline (20 s), so a slow answer is the host's, not ours.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public async Task<ProbeAnswer> PostAsync(byte[] body, string contentType, ProbeTally tally, string describe)
    {
        ArgumentNullException.ThrowIfNull(tally);
        using var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var deadline = new CancellationTokenSource(Deadline);
        ProbeAnswer answer;
        try
        {
            using var response = await _http.PostAsync(endpoint, content, deadline.Token);
            var text = await response.Content.ReadAsStringAsync(deadline.Token);
            var status = (int)response.StatusCode;
            answer = new ProbeAnswer(status, text, AnswerRules.Violation(status, text, response.Headers.RetryAfter is not null));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            answer = new ProbeAnswer(0, string.Empty, $"no answer within {Deadline.TotalSeconds:0} s (a hang)");
        }
        catch (HttpRequestException exception)
        {
            answer = new ProbeAnswer(0, string.Empty, $"connection failed: {exception.Message}");
        }

        if (answer.Crash is null)
        {
            tally.Answered(answer.Status, answer.ErrorCode);
        }
        else
        {
            tally.Crashed(describe, answer.Crash);
        }

        return answer;
    }

    public void Dispose() => _http.Dispose();
}
