namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// A PQL literal: a whole number (units already applied: seconds, bytes, bytes per second), a fraction, or a quoted
/// text. Porla keeps the three apart: <c>progress</c> takes only a fraction, <c>size</c> only a whole number.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PqlValue
{
    [Id(0)] public PqlValueKind Kind { get; init; }

    [Id(1)] public long Whole { get; init; }

    [Id(2)] public float Fraction { get; init; }

    [Id(3)] public string Text { get; init; } = "";

    /// <summary>A whole-number literal (PQL's INT).</summary>
    public static PqlValue Of(long whole) => new() { Kind = PqlValueKind.Whole, Whole = whole };

    /// <summary>A literal with a decimal point (PQL's FLOAT), single precision as in Porla.</summary>
    public static PqlValue Of(float fraction) => new() { Kind = PqlValueKind.Fraction, Fraction = fraction };

    /// <summary>A text literal without its quotes.</summary>
    public static PqlValue Of(string text) => new() { Kind = PqlValueKind.Text, Text = text };
}

/// <summary>Which of <see cref="PqlValue"/>'s members holds the literal.</summary>
public enum PqlValueKind
{
    /// <summary><see cref="PqlValue.Whole"/></summary>
    Whole,

    /// <summary><see cref="PqlValue.Fraction"/></summary>
    Fraction,

    /// <summary><see cref="PqlValue.Text"/></summary>
    Text,
}
