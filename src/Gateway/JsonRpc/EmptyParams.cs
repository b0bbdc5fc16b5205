namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>The params of a method that takes none: an empty object, or none at all.</summary>
public sealed record EmptyParams;
