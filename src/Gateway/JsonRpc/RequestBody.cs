using System.Buffers;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>Reads a request body whole, up to a limit, without trusting Content-Length.</summary>
internal static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        // Our limit, not Kestrel's (30 MB), decides: past Kestrel's the connection is cut and the client sees a
        // broken pipe instead of a JSON-RPC error saying what the limit is.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
        }

        if (request.ContentLength > limit)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing consumed yet: ask for more until the whole body is buffered.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
