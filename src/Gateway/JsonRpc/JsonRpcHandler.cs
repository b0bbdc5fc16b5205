using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.Http;
using TorrentCluster.Gateway.Telemetry;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP POST: single calls, batches and notifications. Every failure is an answer with HTTP
/// 200 and an error object (JSON-RPC's rule), never a stack trace; a notification gets no answer. The exceptions
/// are HTTP-level refusals that clients and proxies must see without reading the body: 401 without a valid token,
/// 413 for a token-less body past its small limit, 429 and 503 (with <c>Retry-After</c>) for "try again later".
/// </summary>
public sealed partial class JsonRpcHandler(
    JsonRpcMethodTable methods,
    AuthService auth,
    RpcTelemetry telemetry,
    IOptions<GatewayOptions> options,
    ILogger<JsonRpcHandler> logger)
{
    private const string AuthMethodPrefix = "auth.";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;

        // The token first: without one, only a body the size of a login is read, and nothing is parsed before.
        if (await AuthenticateAsync(context) is not { } authenticated)
        {
            return;
        }

        var limit = authenticated ? options.Value.MaxRequestBytes : options.Value.MaxAnonymousRequestBytes;
        var body = await RequestBody.ReadAsync(context.Request, limit, cancellationToken);
        if (body is null)
        {
            var detail = authenticated
                ? $"request body is larger than {limit} bytes"
                : $"request body is larger than {limit} bytes, the limit without a valid token";
            await WriteAsync(context, new JsonRpcResponse(default, new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, "Invalid Request", detail)),
                authenticated ? StatusCodes.Status200OK : StatusCodes.Status413PayloadTooLarge);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Value, DocumentOptions);
        }
        catch (JsonException exception)
        {
            await WriteAsync(context, new JsonRpcResponse(default, new JsonRpcException(JsonRpcErrorCodes.ParseError, "Parse error", exception.Message)));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().Any(IsAuthCall))
            {
                // Each costs a password hash: in a batch, a thousand guesses and a thousand hashes for one request.
                await WriteAsync(context, new JsonRpcResponse(default, new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, "Invalid Request",
                    "auth.* calls are not allowed in a batch: send each on its own")));
                return;
            }

            if (!authenticated && !IsAnonymousCall(root))
            {
                // Porla's answer to a missing, expired or foreign token: HTTP 401, before any call runs.
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("Unauthorized", cancellationToken);
                return;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                var response = await CallAsync(root, cancellationToken);
                if (response is null)
                {
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    return;
                }

                await WriteAsync(context, response.Value);
                return;
            }

            await HandleBatchAsync(context, root, cancellationToken);
        }
    }

    // True or false once known; null when the answer has been written already (the cluster did not answer).
    private async Task<bool?> AuthenticateAsync(HttpContext context)
    {
        try
        {
            return await auth.AuthenticateAsync(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            await WriteAsync(context, new JsonRpcResponse(default, ToJsonRpcError("(token check)", default, exception)));
            return null;
        }
    }

    // Without a token: one call of auth.init or auth.login, never a batch.
    private bool IsAnonymousCall(JsonElement call) =>
        JsonRpcRequest.TryGetMethodName(call, out var name) && methods.TryGet(name, out var method) && method.AllowAnonymous;

    private static bool IsAuthCall(JsonElement call) =>
        JsonRpcRequest.TryGetMethodName(call, out var name) && name.StartsWith(AuthMethodPrefix, StringComparison.Ordinal);

    private async Task HandleBatchAsync(HttpContext context, JsonElement batch, CancellationToken cancellationToken)
    {
        var count = batch.GetArrayLength();
        if (count == 0 || count > options.Value.MaxBatchSize)
        {
            var detail = count == 0 ? "a batch must hold at least one call" : $"a batch may hold at most {options.Value.MaxBatchSize} calls, got {count}";
            await WriteAsync(context, new JsonRpcResponse(default, new JsonRpcException(JsonRpcErrorCodes.InvalidRequest, "Invalid Request", detail)));
            return;
        }

        // Calls of a batch run concurrently; answers keep the batch's order.
        var calls = new Task<JsonRpcResponse?>[count];
        var index = 0;
        foreach (var call in batch.EnumerateArray())
        {
            calls[index++] = CallAsync(call, cancellationToken);
        }

        var responses = (await Task.WhenAll(calls)).Where(response => response is not null).Select(response => response!.Value).ToList();
        if (responses.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartArray();
        foreach (var response in responses)
        {
            response.WriteTo(writer);
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    private async Task<JsonRpcResponse?> CallAsync(JsonElement call, CancellationToken cancellationToken)
    {
        if (!JsonRpcRequest.TryRead(call, out var request, out var invalid))
        {
            return new JsonRpcResponse(request.Id, invalid!);
        }

        var known = methods.TryGet(request.Method, out var method);
        using var activity = RpcTelemetry.StartCall(known ? request.Method : "unknown");
        var started = Stopwatch.GetTimestamp();
        var ok = false;
        try
        {
            if (!known)
            {
                throw new JsonRpcException(JsonRpcErrorCodes.MethodNotFound, "Method not found", $"there is no method '{request.Method}'");
            }

            var result = await InvokeWithinDeadlineAsync(method, request, cancellationToken);
            ok = true;
            return request.IsNotification ? null : new JsonRpcResponse(request.Id, result);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = ToJsonRpcError(request.Method, request.Id, exception);
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
            activity?.SetTag("rpc.jsonrpc.error_code", error.Code);
            return request.IsNotification ? null : new JsonRpcResponse(request.Id, error);
        }
        finally
        {
            telemetry.Record(request.Method, known, ok, Stopwatch.GetElapsedTime(started));
        }
    }

    // Reads are retried through a silo's death; the deadline bounds the whole of it, so no answer lost on the way
    // (a cut link, a frozen silo) holds the caller longer than CallDeadline.
    private async Task<JsonRpcResult> InvokeWithinDeadlineAsync(IJsonRpcMethod method, JsonRpcRequest request, CancellationToken cancellationToken)
    {
        var deadline = options.Value.CallDeadline;
        using var withinDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        withinDeadline.CancelAfter(deadline);
        try
        {
            var call = method.IsReadOnly
                ? TransientFailures.RetryAsync(method, request.Params, withinDeadline.Token)
                : method.InvokeAsync(request.Params, withinDeadline.Token);
            // One timer per call: the linked source's deadline both cancels the call and ends the wait for one
            // that does not watch its token.
            return await call.AsTask().WaitAsync(withinDeadline.Token);
        }
        catch (OperationCanceledException) when (withinDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the call's deadline of {deadline.TotalSeconds:0.#} s passed");
        }
    }

    private JsonRpcException ToJsonRpcError(string method, JsonElement requestId, Exception exception)
    {
        switch (exception)
        {
            case JsonRpcException rpc:
                return rpc;
            case TorrentClusterException cluster:
                return ClusterErrorMapping.ToJsonRpc(cluster);
            // Orleans cancels a call whose message expired on the way (placement that outlasted the call timeout
            // while a silo joined or died); the caller's own cancellation never reaches here.
            case TimeoutException or OperationCanceledException:
                LogClusterUnavailable(method, exception.Message);
                return new JsonRpcException(JsonRpcErrorCodes.ClusterUnavailable, "Cluster unavailable",
                    $"no answer in time: a silo the call needs is cut off from this gateway, frozen, or not yet declared dead ({exception.Message})");
            // A silo unreachable, or Redis down: the cluster's storage failed, not the call.
            case OrleansException or SiloUnavailableException or Orleans.Persistence.Redis.RedisStorageException:
                LogClusterUnavailable(method, exception.Message);
                return new JsonRpcException(JsonRpcErrorCodes.ClusterUnavailable, "Cluster unavailable", exception.Message);
            // A bug: its message and type may name paths, hosts or internals, so they go to the log only, under
            // the request's id for the operator to find; the caller learns nothing it could probe with.
            default:
                LogInternalError(method, LoggedId(requestId), exception);
                return new JsonRpcException(JsonRpcErrorCodes.InternalError, "Internal error");
        }
    }

    // The id as the caller sent it (JSON-escaped, so it cannot forge log lines), bounded: it is the caller's text.
    private static string LoggedId(JsonElement id)
    {
        const int MaxLength = 100;
        var text = id.ValueKind == JsonValueKind.Undefined ? "(none)" : id.GetRawText();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }

    // A single answer; errors that mean "later" (rate limited, busy) also set their HTTP status and Retry-After.
    private static async Task WriteAsync(HttpContext context, JsonRpcResponse response, int status = StatusCodes.Status200OK)
    {
        if (response.Error is { } error)
        {
            status = status == StatusCodes.Status200OK ? JsonRpcErrorCodes.HttpStatusOf(error.Code) : status;
            if (error.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = RetryAfterHeader.Seconds(retryAfter);
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        response.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "JSON-RPC {Method}: cluster unavailable: {Reason}")]
    private partial void LogClusterUnavailable(string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "JSON-RPC {Method} (request id {RequestId}) failed")]
    private partial void LogInternalError(string method, string requestId, Exception exception);
}
