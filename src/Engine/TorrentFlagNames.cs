using System.Collections.Frozen;
using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

/// <summary>
/// The names of libtorrent's torrent flags, as Porla uses them (<c>torrents.properties.*</c>, the <c>flags</c> of
/// <c>torrents.list</c>). Their bits come from the shim, which reads them off libtorrent's own constants, so no bit
/// position is written down twice.
/// </summary>
public static class TorrentFlagNames
{
    /// <summary>Every flag name, in libtorrent's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "seed_mode", "upload_mode", "share_mode", "apply_ip_filter", "paused", "auto_managed", "duplicate_is_error",
        "update_subscribe", "super_seeding", "sequential_download", "stop_when_ready", "override_trackers",
        "override_web_seeds", "need_save_resume", "disable_dht", "disable_lsd", "disable_pex", "no_verify_files",
        "default_dont_download", "i2p_torrent",
    ];

    private static readonly Lazy<FrozenDictionary<string, ulong>> Bits = new(() =>
        All.ToFrozenDictionary(name => name, NativeMethods.tc_torrent_flag_bit, StringComparer.Ordinal));

    /// <summary>The flag's bit, or 0 for a name that is not a flag (or that this libtorrent build lacks).</summary>
    public static ulong BitOf(string name) => Bits.Value.GetValueOrDefault(name);

    /// <summary>The names of the flags set in libtorrent's flag bits (<see cref="TorrentStatus.TorrentFlags"/>), in libtorrent's order.</summary>
    public static string[] SetIn(ulong torrentFlags) =>
        [.. All.Where(name => BitOf(name) is var bit && bit != 0 && (torrentFlags & bit) == bit)];
}
