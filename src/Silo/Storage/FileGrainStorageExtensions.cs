using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace TorrentCluster.Silo.Storage;

/// <summary>Registers <see cref="FileGrainStorage"/>.</summary>
public static class FileGrainStorageExtensions
{
    public static ISiloBuilder AddFileGrainStorage(this ISiloBuilder silo, string name, Action<FileGrainStorageOptions> configure)
    {
        var options = new FileGrainStorageOptions();
        configure(options);
        silo.Services.AddGrainStorage(name, (provider, providerName) => new FileGrainStorage(
            providerName,
            options,
            provider.GetService<IGrainStorageSerializer>() ?? ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(provider)));
        return silo;
    }
}
