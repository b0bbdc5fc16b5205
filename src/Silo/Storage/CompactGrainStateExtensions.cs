using Newtonsoft.Json;
using Orleans.Serialization;

namespace TorrentCluster.Silo.Storage;

/// <summary>Keeps the JSON of grain state (Orleans' default storage serializer, in Redis and in files) small.</summary>
public static class CompactGrainStateExtensions
{
    /// <summary>
    /// Type names only where a member's declared type does not already say it. Orleans' default names the type of
    /// every object and list (about 600 of a torrent record's 1,200 bytes); records written that way still read,
    /// since a type name present is honoured either way.
    /// </summary>
    public static ISiloBuilder UseCompactJsonGrainState(this ISiloBuilder silo)
    {
        silo.Services.Configure<OrleansJsonSerializerOptions>(options => options.JsonSerializerSettings.TypeNameHandling = TypeNameHandling.Auto);
        return silo;
    }
}
