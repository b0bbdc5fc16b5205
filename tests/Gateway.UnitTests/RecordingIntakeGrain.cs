using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>Takes <c>torrents.add</c>'s command and keeps it, so a test reads what the gateway sent the cluster.</summary>
internal sealed class RecordingIntakeGrain : ITorrentIntakeGrain
{
    public static readonly InfoHashPair Added = new(new string('a', 40), null);

    public List<AddTorrentCommand> Commands { get; } = [];

    public Task<InfoHashPair> AddAsync(AddTorrentCommand command)
    {
        Commands.Add(command);
        return Task.FromResult(Added);
    }
}
