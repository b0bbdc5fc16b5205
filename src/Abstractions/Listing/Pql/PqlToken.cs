namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>One token of a PQL query: its kind, its text as written, and its column within its line.</summary>
internal readonly record struct PqlToken(PqlTokenKind Kind, string Text, int Column)
{
    /// <summary>How an error names the token, as ANTLR does (<c>'text'</c>, or <c>&lt;EOF&gt;</c> at the end).</summary>
    public string Display => Kind == PqlTokenKind.End ? "'<EOF>'" : $"'{Text}'";
}

/// <summary>The token kinds of Porla's PQL grammar, plus the parentheses we add.</summary>
internal enum PqlTokenKind
{
    And,
    Or,
    Not,
    Is,
    Equal,
    Contains,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Integer,
    Decimal,
    Text,
    DurationUnit,
    SizeUnit,
    SpeedUnit,
    Identifier,
    OpenParen,
    CloseParen,
    End,

    /// <summary>A character no token starts with; its text is the error's message.</summary>
    Unrecognized,
}
