using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Events;

/// <summary>Wires Porla's event stream into the gateway.</summary>
public static class EventsServiceCollectionExtensions
{
    /// <summary>Adds the hub of event clients and the endpoint, with <see cref="EventsOptions"/> validated at start.</summary>
    public static IServiceCollection AddTorrentClusterEvents(this IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        services.AddSingleton<FleetEventHub>();
        services.AddSingleton<EventStreamEndpoint>();
        return services;
    }

    /// <summary>Serves the stream at <see cref="EventsOptions.Path"/> under <paramref name="basePath"/>.</summary>
    public static IEndpointRouteBuilder MapTorrentClusterEvents(this IEndpointRouteBuilder endpoints, string basePath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<EventsOptions>>().Value;
        // A plain request delegate over the singleton, as JSON-RPC's: no binding or scope per stream.
        var endpoint = endpoints.ServiceProvider.GetRequiredService<EventStreamEndpoint>();
        endpoints.MapGet(basePath + options.Path, endpoint.HandleAsync);
        return endpoints;
    }
}
