namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>
/// One measured load, in the page's clock (ms since navigation start): when it began (0 for a navigation, the
/// operator's input or click otherwise), when the first row and the whole first page were painted, and when the
/// torrents.list call that brought them left and came back.
/// </summary>
/// <param name="ScriptsFetched">How many scripts a navigation fetched (or revalidated) before its call left.</param>
/// <param name="Fetch">The call as the network stack saw it, when the browser recorded it.</param>
/// <param name="DocumentEnd">A navigation's document read (null for an action on a loaded page).</param>
/// <param name="ScriptsEnd">
/// A navigation's scripts in: the shell's module scripts run (DOMContentLoaded) and every module fetched before the
/// call left, the page's own among them (null for an action).
/// </param>
internal sealed record LoadSample(
    double Start, double FirstRow, double FullPage, double CallStart, double CallEnd, int Rows, long Bytes, string ParamsJson,
    double? DocumentEnd, double? ScriptsEnd, FetchTiming? Fetch, int? ScriptsFetched)
{
    /// <summary>The call's time to first byte on the wire: the gateway's work and loopback, without the page's.</summary>
    public double? CallFirstByte => Fetch is null ? null : Fetch.ResponseStart - Fetch.StartTime;

    /// <summary>The call on the wire, first to last byte.</summary>
    public double? CallOnWire => Fetch is null ? null : Fetch.ResponseEnd - Fetch.StartTime;

    public double ToFirstRow => FirstRow - Start;

    public double ToFullPage => FullPage - Start;

    /// <summary>Navigation or input to the call leaving: the document, the scripts, routing, input handling.</summary>
    public double BeforeCall => CallStart - Start;

    /// <summary>Navigation to the document read: the gateway serving index.html.</summary>
    public double? Document => DocumentEnd - Start;

    /// <summary>The document read to every script in and the shell's run: fetching and compiling modules.</summary>
    public double? Scripts => ScriptsEnd - DocumentEnd;

    /// <summary>The last script in to the call leaving: the page's mount, up to its first torrents.list.</summary>
    public double? Mount => CallStart - ScriptsEnd;

    public double Call => CallEnd - CallStart;

    /// <summary>The answer's arrival to the whole page painted: the browser's work on the answer.</summary>
    public double AfterCall => FullPage - CallEnd;
}
