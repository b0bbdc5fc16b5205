namespace TorrentCluster.Abstractions.Events;

/// <summary>The events one silo sends in one message, in the order its engine raised them.</summary>
/// <param name="Silo">The silo's name: Porla's session.</param>
/// <param name="Events">The events, oldest first.</param>
[GenerateSerializer, Immutable]
public sealed record TorrentEventBatch([property: Id(0)] string Silo, [property: Id(1)] IReadOnlyList<TorrentEvent> Events);
