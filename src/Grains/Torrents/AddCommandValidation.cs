using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Grains.Torrents;

/// <summary>
/// The cluster's own checks of a new torrent's parameters, made before the engine sees the torrent, so a refused
/// add leaves nothing behind. The engine checks its own part (URLs, limits) in C# before its native call, and
/// <see cref="Storage.StorageRoots"/> the save path.
/// </summary>
internal static class AddCommandValidation
{
    public static void Validate(AddTorrentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // The one check of the torrent's source: the gateway only decodes 'ti' and sends what it was given. An
        // empty magnet link is no source, as Porla reads it.
        var hasMagnet = !string.IsNullOrEmpty(command.MagnetUri);
        if (command.TorrentFile is null && !hasMagnet)
        {
            throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, "Either 'ti' or 'magnet_uri' must be set");
        }

        if (command.TorrentFile is not null && hasMagnet)
        {
            throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, "Set 'ti' or 'magnet_uri', not both");
        }

        RequireValidTags(command.Tags);
    }

    /// <summary>
    /// Tags are non-empty strings: a null tag once stored broke every overview of its silo, and an empty one
    /// labels nothing.
    /// </summary>
    public static void RequireValidTags(IReadOnlyList<string?>? tags)
    {
        if (tags is null)
        {
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var problem = tags[i] switch
            {
                null => "null",
                { } tag when string.IsNullOrWhiteSpace(tag) => "empty",
                { } tag when tag.Contains('\0', StringComparison.Ordinal) => "not text (it holds a NUL character)",
                _ => null,
            };
            if (problem is not null)
            {
                throw new TorrentClusterException(ClusterErrorCode.InvalidArgument, $"tags[{i}] is {problem}: a tag is a non-empty string");
            }
        }
    }
}
