using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TorrentCluster.Grains.Events;

/// <summary>Wires a silo's torrent events.</summary>
internal static class TorrentEventServiceCollectionExtensions
{
    /// <summary>
    /// Adds the subscriptions <see cref="TorrentEventsGrain"/> takes and <see cref="TorrentEventPublisher"/>, with
    /// <see cref="TorrentEventOptions"/> bound from <c>TorrentCluster:Events</c> and validated at start.
    /// </summary>
    public static IServiceCollection AddTorrentEvents(this IServiceCollection services)
    {
        services.AddOptions<TorrentEventOptions>().BindConfiguration(TorrentEventOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TorrentEventOptions>, TorrentEventOptionsValidator>();
        services.AddSingleton<TorrentEventSubscribers>();
        services.AddHostedService<TorrentEventPublisher>();
        return services;
    }
}
