namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// One measured load, in the page's clock (ms since navigation start): when it began (0 for a navigation, the
/// operator's input or click otherwise), when the first row and the whole first page were painted, and when the
/// torrents.list call that brought them left and came back.
/// </summary>
internal sealed record LoadSample(double Start, double FirstRow, double FullPage, double CallStart, double CallEnd, int Rows, long Bytes, string ParamsJson)
{
    public double ToFirstRow => FirstRow - Start;

    public double ToFullPage => FullPage - Start;

    /// <summary>Navigation or input to the call leaving: the document, the scripts, routing, input handling.</summary>
    public double BeforeCall => CallStart - Start;

    public double Call => CallEnd - CallStart;

    /// <summary>The answer's arrival to the whole page painted: the browser's work on the answer.</summary>
    public double AfterCall => FullPage - CallEnd;
}
