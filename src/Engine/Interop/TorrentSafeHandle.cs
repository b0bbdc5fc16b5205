using System.Runtime.InteropServices;

namespace TorrentCluster.Engine.Interop;

/// <summary>Owns the shim's wrapper of a torrent handle (a weak reference: freeing it leaves the torrent running).</summary>
internal sealed class TorrentSafeHandle : SafeHandle
{
    public TorrentSafeHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.tc_torrent_free(handle);
        return true;
    }
}
