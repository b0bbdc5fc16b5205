namespace TorrentCluster.Gateway.Http;

/// <summary>Puts <see cref="LoopbackHostFilter"/> first in every host that serves the gateway, health and metrics included.</summary>
internal sealed class LoopbackHostStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<LoopbackHostFilter>();
        next(app);
    };
}
