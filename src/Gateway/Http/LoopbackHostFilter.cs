using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Http;

/// <summary>
/// A gateway that listens on loopback only serves requests whose <c>Host</c> is <c>localhost</c> or a loopback
/// address (any port); others get HTTP 400. Without it a web page could rename itself to this machine by DNS
/// (DNS rebinding) and drive the API from the operator's browser as a same-origin page. "Loopback only" is what
/// the server actually bound (every address Kestrel reports is loopback), known at the first request. An operator
/// who serves other names (a reverse proxy that keeps the client's Host) lists them in ASP.NET Core's own
/// <c>AllowedHosts</c>, which then decides alone.
/// </summary>
public sealed class LoopbackHostFilter(RequestDelegate next, IServer server, IOptions<HostFilteringOptions> hostFiltering)
{
    private readonly Lazy<bool> _active = new(() => !OperatorListsHosts(hostFiltering.Value) && IsLoopbackOnly(server));

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_active.Value || LoopbackHosts.IsLoopbackHost(context.Request.Host))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context.Response.WriteAsync(
            "Invalid Host header: this service listens on loopback only and answers to localhost, 127.0.0.1 and [::1]; list other names in AllowedHosts",
            context.RequestAborted);
    }

    private static bool OperatorListsHosts(HostFilteringOptions options) =>
        options.AllowedHosts.Count > 0 && !options.AllowedHosts.Contains("*");

    private static bool IsLoopbackOnly(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is { Count: > 0 } && addresses.All(IsLoopbackAddress);
    }

    // "http://127.0.0.1:1337", "http://localhost:5000", "http://[::1]:80" are loopback; "http://0.0.0.0:80",
    // "http://*:80", "http://+:80", host names and Unix sockets are not.
    private static bool IsLoopbackAddress(string address)
    {
        var binding = BindingAddress.Parse(address);
        return !binding.IsUnixPipe && LoopbackHosts.IsLoopbackName(binding.Host);
    }
}
