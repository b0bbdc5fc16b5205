using System.Runtime.InteropServices;

namespace TorrentCluster.Engine.Interop;

/// <summary>
/// Owns a native session. Released (libtorrent's abort and teardown) only once no call holds a reference on it,
/// so disposing the engine while calls are in flight waits for them instead of freeing memory under them.
/// </summary>
internal sealed class SessionSafeHandle : SafeHandle
{
    public SessionSafeHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        NativeMethods.tc_session_free(handle);
        return true;
    }
}
