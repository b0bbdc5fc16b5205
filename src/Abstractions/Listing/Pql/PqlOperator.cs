namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>PQL's comparison operators.</summary>
public enum PqlOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>contains</c>: a substring of a text, or one of the tags.</summary>
    Contains,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
}
