using System.Text.Json;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>One JSON-RPC method: a name and how to answer a call of it.</summary>
public interface IJsonRpcMethod
{
    /// <summary>The method name as clients send it, e.g. <c>torrents.list</c>.</summary>
    string Name { get; }

    /// <summary>
    /// True for methods that change nothing: the gateway retries them when a silo or its connection fails under
    /// the call (as when a silo has just died), which is safe only for reads.
    /// </summary>
    bool IsReadOnly => false;

    /// <summary>True for the methods callable without a token (auth.init and auth.login).</summary>
    bool AllowAnonymous => false;

    /// <summary>Answers a call; throws <see cref="JsonRpcException"/> for errors the caller should see.</summary>
    ValueTask<JsonRpcResult> InvokeAsync(JsonElement parameters, CancellationToken cancellationToken);
}
