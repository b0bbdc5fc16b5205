using System.Runtime.CompilerServices;
using TorrentCluster.Engine.Interop;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>The C# mirrors of the shim's structs have the C compiler's sizes: a drifted field would corrupt memory.</summary>
public sealed class NativeLayoutTests
{
    [Fact]
    public void Every_struct_mirror_matches_the_compilers_size()
    {
        var mirrors = new (int Which, string Name, int Size)[]
        {
            (0, "tc_error", Unsafe.SizeOf<TcError>()),
            (1, "tc_add_params", Unsafe.SizeOf<TcAddParams>()),
            (2, "tc_torrent_status", Unsafe.SizeOf<TcTorrentStatus>()),
            (3, "tc_peer_info", Unsafe.SizeOf<TcPeerInfo>()),
            (4, "tc_file_entry", Unsafe.SizeOf<TcFileEntry>()),
            (5, "tc_tracker_entry", Unsafe.SizeOf<TcTrackerEntry>()),
            (6, "tc_session_stats", Unsafe.SizeOf<TcSessionStats>()),
            (7, "tc_alert", Unsafe.SizeOf<TcAlert>()),
            (8, "tc_torrent_meta", Unsafe.SizeOf<TcTorrentMeta>()),
            (9, "tc_create_params", Unsafe.SizeOf<TcCreateParams>()),
            (10, "tc_torrent_limits", Unsafe.SizeOf<TcTorrentLimits>()),
            (11, "tc_setting", Unsafe.SizeOf<TcSetting>()),
            (12, "tc_tracker_announce", Unsafe.SizeOf<TcTrackerAnnounce>()),
        };

        foreach (var (which, name, size) in mirrors)
        {
            Assert.True(NativeMethods.tc_struct_size(which) == size, $"{name}: C says {NativeMethods.tc_struct_size(which)} bytes, C# {size}");
        }

        Assert.Equal(-1, NativeMethods.tc_struct_size(13));
    }
}
