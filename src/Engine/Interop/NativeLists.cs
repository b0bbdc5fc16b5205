namespace TorrentCluster.Engine.Interop;

/// <summary>Reads a shim-owned list into records and frees it, whatever happens.</summary>
internal static unsafe class NativeLists
{
    public static List<TorrentStatus> ReadStatuses(nint list) => Read<TcTorrentStatus, TorrentStatus>(
        list, &NativeMethods.tc_status_list_count, &NativeMethods.tc_status_list_items, &NativeMethods.tc_status_list_free, &NativeRecords.ToStatus);

    public static List<PeerInfo> ReadPeers(nint list) => Read<TcPeerInfo, PeerInfo>(
        list, &NativeMethods.tc_peer_list_count, &NativeMethods.tc_peer_list_items, &NativeMethods.tc_peer_list_free, &NativeRecords.ToPeer);

    public static List<TorrentFile> ReadFiles(nint list) => Read<TcFileEntry, TorrentFile>(
        list, &NativeMethods.tc_file_list_count, &NativeMethods.tc_file_list_items, &NativeMethods.tc_file_list_free, &NativeRecords.ToFile);

    // A tracker's announces lie in the list's second array, from the index its entry gives.
    public static List<TrackerInfo> ReadTrackers(nint list)
    {
        try
        {
            var announces = new ReadOnlySpan<TcTrackerAnnounce>(NativeMethods.tc_tracker_list_announces(list), NativeMethods.tc_tracker_list_announce_count(list));
            var entries = new ReadOnlySpan<TcTrackerEntry>(NativeMethods.tc_tracker_list_items(list), NativeMethods.tc_tracker_list_count(list));
            var result = new List<TrackerInfo>(entries.Length);
            foreach (ref readonly var entry in entries)
            {
                result.Add(NativeRecords.ToTracker(in entry, announces.Slice(entry.AnnounceFirst, entry.AnnounceCount)));
            }

            return result;
        }
        finally
        {
            NativeMethods.tc_tracker_list_free(list);
        }
    }

    public static byte[] ReadBuffer(nint buffer)
    {
        try
        {
            var size = NativeMethods.tc_buffer_size(buffer);
            return new ReadOnlySpan<byte>(NativeMethods.tc_buffer_data(buffer), checked((int)size)).ToArray();
        }
        finally
        {
            NativeMethods.tc_buffer_free(buffer);
        }
    }

    private static List<TRecord> Read<TNative, TRecord>(
        nint list,
        delegate*<nint, int> count,
        delegate*<nint, TNative*> items,
        delegate*<nint, void> free,
        delegate*<in TNative, TRecord> convert)
        where TNative : unmanaged
    {
        try
        {
            var length = count(list);
            var first = items(list);
            var result = new List<TRecord>(length);
            for (var i = 0; i < length; i++)
            {
                result.Add(convert(in first[i]));
            }

            return result;
        }
        finally
        {
            free(list);
        }
    }
}
