namespace TorrentCluster.Engine.Interop;

/// <summary>
/// Holds a reference on the session handle while a torrent call runs: libtorrent's torrent calls go through the
/// session's thread, so the session must outlive them. Throws ObjectDisposedException once the engine is disposed.
/// </summary>
internal readonly ref struct SessionLease
{
    private readonly SessionSafeHandle _session;

    public SessionLease(SessionSafeHandle session)
    {
        var added = false;
        session.DangerousAddRef(ref added);
        _session = session;
    }

    public void Dispose() => _session.DangerousRelease();
}
