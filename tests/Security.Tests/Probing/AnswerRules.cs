using System.Text.Json;

namespace TorrentCluster.Security.Tests.Probing;

/// <summary>
/// What an answer to any input may be: a JSON-RPC answer (HTTP 200 with a result or an error object, or 204 for
/// notifications), or one of the refusals the gateway uses for auth, body size, content type and rate limits.
/// A 503 counts as a refusal only as the gateway sends "busy, try later": with <c>Retry-After</c> and a JSON-RPC
/// error. Anything else (another 5xx or status, a 200 that is not JSON-RPC, an internal error) is a crash.
/// </summary>
public static class AnswerRules
{
    public static readonly IReadOnlySet<int> Refusals = new HashSet<int> { 401, 413, 415, 429 };

    /// <summary>Why the answer breaks the rules, or null when it keeps them.</summary>
    public static string? Violation(int status, string body, bool retryAfter)
    {
        if (status == 204 || Refusals.Contains(status))
        {
            return null;
        }

        if (status == 503 && retryAfter && ErrorCode(body) is not null)
        {
            return null;
        }

        if (status != 200)
        {
            return $"HTTP {status}: {Excerpt(body)}";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => AnswerViolation(root),
                JsonValueKind.Array when root.GetArrayLength() > 0 => root.EnumerateArray().Select(AnswerViolation).FirstOrDefault(violation => violation is not null),
                _ => $"HTTP 200 whose body is neither an answer nor a batch of answers: {Excerpt(body)}",
            };
        }
        catch (JsonException exception)
        {
            return $"HTTP 200 whose body is not JSON ({exception.Message}): {Excerpt(body)}";
        }
    }

    /// <summary>The error code of a single answer, or null for a result, a batch or a refusal.</summary>
    public static int? ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error)
                ? error.GetProperty("code").GetInt32()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? AnswerViolation(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return $"an answer that is not an object: {Excerpt(answer.GetRawText())}";
        }

        var hasResult = answer.TryGetProperty("result", out _);
        var hasError = answer.TryGetProperty("error", out var error);
        if (hasResult == hasError)
        {
            return $"an answer needs exactly one of result and error: {Excerpt(answer.GetRawText())}";
        }

        if (hasError && !(error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out _)
            && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String))
        {
            return $"an error without an integer code and a message: {Excerpt(error.GetRawText())}";
        }

        if (hasError && error.GetProperty("code").GetInt32() == -32603)
        {
            // An internal error is the gateway catching what it did not expect: a bug to find, not an answer.
            return $"an internal error (-32603): {Excerpt(error.GetRawText())}";
        }

        return null;
    }

    private static string Excerpt(string text) => text.Length <= 500 ? text : text[..500] + "...";
}
