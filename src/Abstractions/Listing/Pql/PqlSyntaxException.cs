namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// A PQL query that cannot be parsed or names what Porla does not know. <see cref="Position"/> is where, as Porla
/// reports it: the column (from 0) of the offending token within its line.
/// </summary>
public sealed class PqlSyntaxException(string message, int position) : Exception(message)
{
    /// <summary>The column, from 0, of the token the error is about.</summary>
    public int Position { get; } = position;
}
