namespace TorrentCluster.Gateway.FleetConsole;

public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddTorrentClusterConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleAssets>();
        return services;
    }
}
