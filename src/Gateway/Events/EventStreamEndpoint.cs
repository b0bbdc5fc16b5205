using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.Auth;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.Http;

namespace TorrentCluster.Gateway.Events;

/// <summary>
/// <c>GET /api/v1/events</c>: Porla's server-sent events for the whole fleet. Authenticated as JSON-RPC is, by
/// <c>Authorization: Bearer</c>, <c>X-Porla-Token</c> or the login cookie (which a browser's <c>EventSource</c>
/// sends by itself); never by a token in the URL, which proxies and browser history keep. HTTP 401 without a valid
/// token, 503 past <see cref="EventsOptions.MaxClients"/>. The stream ends when the client goes, when the host
/// stops, or at a keep-alive after the token was revoked or expired.
/// </summary>
public sealed partial class EventStreamEndpoint(
    FleetEventHub hub,
    AuthService auth,
    IOptions<EventsOptions> options,
    IOptions<GatewayOptions> gateway,
    IHostApplicationLifetime lifetime,
    ILogger<EventStreamEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (await IsAuthenticatedAsync(context))
        {
            case null:
                await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "Service Unavailable: the cluster did not answer the token check");
                return;
            case false:
                // Porla's answer to a missing, expired or foreign token.
                await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
                return;
        }

        if (hub.TryJoin() is not { } client)
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable,
                $"Service Unavailable: {options.Value.MaxClients} event clients are streaming from this gateway already");
            return;
        }

        // The stream ends with the host too: an open stream would otherwise hold a graceful stop for its whole timeout.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache, no-transform";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

            // Hello once every silo has been asked: from then on the client misses no silo that answered.
            await client.Subscribed.WaitAsync(gateway.Value.SiloAnswerTimeout * 2, ended.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await WriteAsync(context, PorlaEventFormat.Hello, ended.Token);
            await RelayAsync(context, client, ended.Token);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left or the host is stopping.
        }
        finally
        {
            hub.Leave(client);
        }
    }

    private async Task RelayAsync(HttpContext context, EventClient client, CancellationToken ended)
    {
        var events = client.Events;
        while (true)
        {
            bool more;
            using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(ended))
            {
                quiet.CancelAfter(options.Value.KeepAlive);
                try
                {
                    more = await events.WaitToReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!ended.IsCancellationRequested)
                {
                    if (await IsAuthenticatedAsync(context) == false)
                    {
                        return;
                    }

                    await WriteAsync(context, PorlaEventFormat.KeepAlive, ended);
                    continue;
                }
            }

            if (!more)
            {
                return;
            }

            while (events.TryRead(out var serverSentEvent))
            {
                await context.Response.Body.WriteAsync(serverSentEvent, ended);
            }

            await context.Response.Body.FlushAsync(ended);
        }
    }

    // True or false once known; null when the cluster did not answer the check of the token's stamp.
    private async Task<bool?> IsAuthenticatedAsync(HttpContext context)
    {
        try
        {
            return await auth.AuthenticateAsync(context);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            LogTokenCheckFailed(exception.Message);
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(bytes, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }

    private static async Task RefuseAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterHeader.Seconds(TimeSpan.FromSeconds(5));
        }

        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events: the token check did not complete: {Reason}")]
    private partial void LogTokenCheckFailed(string reason);
}
