using System.Runtime.InteropServices;

namespace TorrentCluster.Engine.Interop;

/// <summary>
/// Every entry point of the shim (native/tc_engine.h), in one place. Session and torrent handles are SafeHandles,
/// so the marshaller holds a reference on them for the duration of each call; owned lists and buffers are raw
/// pointers that their reader frees at once.
/// </summary>
internal static unsafe partial class NativeMethods
{
    private const string Library = "tcengine";

    [LibraryImport(Library)]
    internal static partial nint tc_version();

    [LibraryImport(Library)]
    internal static partial int tc_struct_size(int which);

    [LibraryImport(Library)]
    internal static partial byte* tc_buffer_data(nint buffer);

    [LibraryImport(Library)]
    internal static partial long tc_buffer_size(nint buffer);

    [LibraryImport(Library)]
    internal static partial void tc_buffer_free(nint buffer);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_create(TcSetting* settings, int count, out SessionSafeHandle session, TcError* error);

    [LibraryImport(Library)]
    internal static partial void tc_session_free(nint session);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_apply_settings(SessionSafeHandle session, TcSetting* settings, int count, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_session_get_setting(SessionSafeHandle session, string name, out nint buffer, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_pause(SessionSafeHandle session, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_resume(SessionSafeHandle session, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_session_is_paused(SessionSafeHandle session);

    [LibraryImport(Library)]
    internal static partial int tc_session_listen_port(SessionSafeHandle session);

    [LibraryImport(Library)]
    internal static partial void tc_session_post_updates(SessionSafeHandle session);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_async_add_torrent(SessionSafeHandle session, TcAddParams* parameters, ulong requestId, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_session_find_torrent(SessionSafeHandle session, string infoHash, out TorrentSafeHandle torrent, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_remove_torrent(SessionSafeHandle session, TorrentSafeHandle torrent, int deleteFiles, TcError* error);

    [LibraryImport(Library)]
    internal static partial void tc_torrent_free(nint torrent);

    [LibraryImport(Library)]
    internal static partial TorrentSafeHandle tc_torrent_copy(nint torrent);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_pause(TorrentSafeHandle torrent, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_resume(TorrentSafeHandle torrent, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_force_recheck(TorrentSafeHandle torrent, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_force_reannounce(TorrentSafeHandle torrent, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_torrent_move_storage(TorrentSafeHandle torrent, string savePath, int flags, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_torrent_add_web_seed(TorrentSafeHandle torrent, string url, int httpSeed, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong tc_torrent_flag_bit(string name);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_flags(TorrentSafeHandle torrent, ulong* flags, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_set_flags(TorrentSafeHandle torrent, ulong flags, ulong mask, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_pieces(TorrentSafeHandle torrent, out nint buffer, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_session_is_dht_running(SessionSafeHandle session);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_list_settings(SessionSafeHandle session, out nint buffer, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_torrent_connect_peer(TorrentSafeHandle torrent, string ip, int port, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_save_resume_data(TorrentSafeHandle torrent, int onlyIfModified, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_torrent_add_tracker(TorrentSafeHandle torrent, string url, int tier, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_set_limits(TorrentSafeHandle torrent, TcTorrentLimits* limits, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_limits(TorrentSafeHandle torrent, TcTorrentLimits* limits, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_set_file_priorities(TorrentSafeHandle torrent, int* priorities, int count, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_torrent_file(TorrentSafeHandle torrent, out nint buffer, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_status(TorrentSafeHandle torrent, out nint list, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_get_all_status(SessionSafeHandle session, out nint list, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_status_list_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcTorrentStatus* tc_status_list_items(nint list);

    [LibraryImport(Library)]
    internal static partial void tc_status_list_free(nint list);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_peers(TorrentSafeHandle torrent, out nint list, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_peer_list_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcPeerInfo* tc_peer_list_items(nint list);

    [LibraryImport(Library)]
    internal static partial void tc_peer_list_free(nint list);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_files(TorrentSafeHandle torrent, out nint list, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_file_list_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcFileEntry* tc_file_list_items(nint list);

    [LibraryImport(Library)]
    internal static partial void tc_file_list_free(nint list);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_get_trackers(TorrentSafeHandle torrent, out nint list, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_tracker_list_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcTrackerEntry* tc_tracker_list_items(nint list);

    [LibraryImport(Library)]
    internal static partial void tc_tracker_list_free(nint list);

    [LibraryImport(Library)]
    internal static partial int tc_tracker_list_announce_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcTrackerAnnounce* tc_tracker_list_announces(nint list);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_session_pop_alerts(SessionSafeHandle session, int timeoutMs, out nint list, TcError* error);

    [LibraryImport(Library)]
    internal static partial int tc_alert_list_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcAlert* tc_alert_list_items(nint list);

    [LibraryImport(Library)]
    internal static partial int tc_alert_list_status_count(nint list);

    [LibraryImport(Library)]
    internal static partial TcTorrentStatus* tc_alert_list_statuses(nint list);

    [LibraryImport(Library)]
    internal static partial int tc_alert_list_session_stats(nint list, TcSessionStats* stats);

    [LibraryImport(Library)]
    internal static partial void tc_alert_list_free(nint list);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_parse_torrent(byte* data, long size, TcTorrentMeta* meta, out nint holder, TcError* error);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial TcStatus tc_parse_magnet(string uri, TcTorrentMeta* meta, out nint holder, TcError* error);

    [LibraryImport(Library)]
    internal static partial void tc_meta_holder_free(nint holder);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_torrent_file_magnet_uri(byte* data, long size, out nint buffer, TcError* error);

    [LibraryImport(Library)]
    internal static partial TcStatus tc_create_torrent(TcCreateParams* parameters, out nint buffer, TcError* error);
}
