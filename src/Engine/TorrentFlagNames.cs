using System.Collections.Frozen;
using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

/// <summary>
/// The names of libtorrent's torrent flags, as Porla's <c>torrents.properties.*</c> uses them. Their bits come
/// from the shim, which reads them off libtorrent's own constants, so no bit position is written down twice.
/// </summary>
public static class TorrentFlagNames
{
    // One row per flag, in libtorrent's order, with the status bit that reports it where the status carries one,
    // so a name is written once for setting a flag and for reading it back.
    private static readonly (string Name, TorrentStatusFlags Status)[] Flags =
    [
        ("seed_mode", TorrentStatusFlags.SeedMode),
        ("upload_mode", TorrentStatusFlags.UploadMode),
        ("share_mode", TorrentStatusFlags.None),
        ("apply_ip_filter", TorrentStatusFlags.None),
        ("paused", TorrentStatusFlags.Paused),
        ("auto_managed", TorrentStatusFlags.AutoManaged),
        ("duplicate_is_error", TorrentStatusFlags.None),
        ("update_subscribe", TorrentStatusFlags.None),
        ("super_seeding", TorrentStatusFlags.SuperSeeding),
        ("sequential_download", TorrentStatusFlags.Sequential),
        ("stop_when_ready", TorrentStatusFlags.None),
        ("override_trackers", TorrentStatusFlags.None),
        ("override_web_seeds", TorrentStatusFlags.None),
        ("need_save_resume", TorrentStatusFlags.NeedSaveResume),
        ("disable_dht", TorrentStatusFlags.None),
        ("disable_lsd", TorrentStatusFlags.None),
        ("disable_pex", TorrentStatusFlags.None),
        ("no_verify_files", TorrentStatusFlags.None),
        ("default_dont_download", TorrentStatusFlags.None),
        ("i2p_torrent", TorrentStatusFlags.None),
    ];

    /// <summary>Every flag name, in libtorrent's order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Flags.Select(flag => flag.Name)];

    private static readonly Lazy<FrozenDictionary<string, ulong>> Bits = new(() =>
        All.ToFrozenDictionary(name => name, NativeMethods.tc_torrent_flag_bit, StringComparer.Ordinal));

    /// <summary>The flag's bit, or 0 for a name that is not a flag.</summary>
    public static ulong BitOf(string name) => Bits.Value.GetValueOrDefault(name);

    /// <summary>The names of the flags a status reports as set, in libtorrent's order.</summary>
    public static string[] SetIn(TorrentStatusFlags status) =>
        [.. Flags.Where(flag => flag.Status != TorrentStatusFlags.None && status.HasFlag(flag.Status)).Select(flag => flag.Name)];
}
