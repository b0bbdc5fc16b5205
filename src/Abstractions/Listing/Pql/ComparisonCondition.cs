using TorrentCluster.Abstractions.Torrents;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// PQL's <c>reference operator value</c>, compared as Porla compares: texts by ordinal, <c>contains</c> case-sensitive,
/// a missing category or size never matching. The parser admits only the value kinds and operators Porla accepts for
/// the reference (<see cref="PqlReferences"/>), so every pair met here has a meaning.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComparisonCondition(
    [property: Id(0)] PqlReference Reference,
    [property: Id(1)] PqlOperator Operator,
    [property: Id(2)] PqlValue Value) : TorrentCondition
{
    public override bool Matches(TorrentSummary torrent, DateTimeOffset now) => Reference switch
    {
        PqlReference.ActiveDuration => Compare(torrent.ActiveDuration),
        PqlReference.Age => Compare((long)Math.Floor((now - torrent.AddedAt).TotalSeconds)),
        PqlReference.Category => torrent.Category is { } category && CompareText(category),
        PqlReference.DownloadRate => Compare(torrent.DownloadRate),
        PqlReference.FinishedDuration => Compare(torrent.FinishedDuration),
        PqlReference.Name => CompareText(torrent.Name),
        PqlReference.Progress => Compare(torrent.Progress),
        PqlReference.Ratio => Compare(torrent.Ratio()),
        PqlReference.SavePath => CompareText(torrent.SavePath),
        PqlReference.SeedingDuration => Compare(torrent.SeedingDuration),
        PqlReference.Size => torrent.Size >= 0 && Compare(torrent.Size),
        PqlReference.Tags => torrent.Tags.Contains(Value.Text, StringComparer.Ordinal),
        PqlReference.UploadRate => Compare(torrent.UploadRate),
        _ => false,
    };

    private bool Compare(long field) => Holds(Value.Kind == PqlValueKind.Fraction ? ((double)field).CompareTo(Value.Fraction) : field.CompareTo(Value.Whole));

    private bool Compare(double field) => Holds(Value.Kind == PqlValueKind.Fraction ? field.CompareTo(Value.Fraction) : field.CompareTo(Value.Whole));

    private bool CompareText(string field) => Operator == PqlOperator.Contains
        ? field.Contains(Value.Text, StringComparison.Ordinal)
        : Holds(string.CompareOrdinal(field, Value.Text));

    private bool Holds(int order) => Operator switch
    {
        PqlOperator.Equal => order == 0,
        PqlOperator.Less => order < 0,
        PqlOperator.LessOrEqual => order <= 0,
        PqlOperator.Greater => order > 0,
        PqlOperator.GreaterOrEqual => order >= 0,
        _ => false,
    };
}
