using System.Diagnostics;

namespace TorrentCluster.Grains.Telemetry;

/// <summary>The spans of engine calls made by grains, and the names of the silo's meter and source.</summary>
public static class EngineTelemetry
{
    public const string SourceName = "TorrentCluster.Engine";
    public const string MeterName = "TorrentCluster.Silo";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>"torrent.GetFiles" or "() => torrent.SetFlags(flags)" becomes "GetFiles" / "SetFlags".</summary>
    public static string OperationName(string expression)
    {
        var call = expression.Contains("=>", StringComparison.Ordinal) ? expression[(expression.IndexOf("=>", StringComparison.Ordinal) + 2)..] : expression;
        var open = call.IndexOf('(', StringComparison.Ordinal);
        var name = open < 0 ? call : call[..open];
        var dot = name.LastIndexOf('.');
        return (dot < 0 ? name : name[(dot + 1)..]).Trim();
    }
}
