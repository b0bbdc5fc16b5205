namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// The units an integer in PQL may carry, to seconds, bytes and bytes per second. Binary multiples, as in Porla:
/// <c>1kb</c> is 1024 bytes, <c>1kbps</c> 1024 bytes per second. Porla applies whichever unit is written, so
/// <c>size &gt; 1h</c> is <c>size &gt; 3600</c>; so do we.
/// </summary>
public static class PqlUnits
{
    private const long Kibi = 1024;

    /// <summary>What an integer followed by <paramref name="unit"/> is multiplied by.</summary>
    /// <exception cref="ArgumentException">Not one of PQL's units.</exception>
    public static long Multiplier(string unit) => unit switch
    {
        "s" => 1,
        "m" => 60,
        "h" => 60 * 60,
        "d" => 24 * 60 * 60,
        "w" => 7 * 24 * 60 * 60,
        "b" or "bps" => 1,
        "kb" or "kbps" => Kibi,
        "mb" or "mbps" => Kibi * Kibi,
        "gb" or "gbps" => Kibi * Kibi * Kibi,
        "tb" => Kibi * Kibi * Kibi * Kibi,
        "pb" => Kibi * Kibi * Kibi * Kibi * Kibi,
        _ => throw new ArgumentException($"'{unit}' is not a PQL unit", nameof(unit)),
    };
}
