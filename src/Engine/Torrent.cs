using System.Net;
using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

/// <summary>
/// One torrent of an engine (libtorrent's <c>torrent_handle</c>). Every member is thread-safe; on a torrent that
/// was removed they throw <see cref="TorrentNotFoundException"/>, after the engine is disposed
/// <see cref="ObjectDisposedException"/>. Disposing this object frees the handle, not the torrent.
/// </summary>
public sealed unsafe class Torrent : IDisposable
{
    private readonly TorrentEngine _engine;
    private readonly TorrentSafeHandle _handle;

    private Torrent(TorrentEngine engine, TorrentSafeHandle handle)
    {
        _engine = engine;
        _handle = handle;
    }

    /// <summary>The torrent's info-hashes.</summary>
    public InfoHashes InfoHashes { get; private set; }

    /// <summary>Wraps a fresh handle, learning the torrent's info-hashes (and current status) from the engine.</summary>
    internal static Torrent Attach(TorrentEngine engine, TorrentSafeHandle handle, out TorrentStatus status)
    {
        var torrent = new Torrent(engine, handle);
        status = torrent.GetStatus();
        torrent.InfoHashes = status.InfoHashes;
        return torrent;
    }

    /// <summary>Wraps the handle of a torrent whose info-hashes are known already (an add's answer): no call into the engine.</summary>
    internal static Torrent Adopt(TorrentEngine engine, TorrentSafeHandle handle, InfoHashes hashes) =>
        new(engine, handle) { InfoHashes = hashes };

    internal TorrentSafeHandle Handle => _handle;

    /// <summary>Stops transferring.</summary>
    public void Pause() => Call(static (h, e) => NativeMethods.tc_torrent_pause(h, e));

    /// <summary>Starts transferring again.</summary>
    public void Resume() => Call(static (h, e) => NativeMethods.tc_torrent_resume(h, e));

    /// <summary>Checks every piece on disk again.</summary>
    public void ForceRecheck() => Call(static (h, e) => NativeMethods.tc_torrent_force_recheck(h, e));

    /// <summary>Announces to every tracker now.</summary>
    public void ForceReannounce() => Call(static (h, e) => NativeMethods.tc_torrent_force_reannounce(h, e));

    /// <summary>Moves the files to another folder; <see cref="TorrentEngine.StorageMoved"/> follows.</summary>
    public void MoveStorage(string savePath, MoveMode mode = MoveMode.AlwaysReplaceFiles)
    {
        ArgumentException.ThrowIfNullOrEmpty(savePath);
        Call((h, e) => NativeMethods.tc_torrent_move_storage(h, savePath, (int)mode, e));
    }

    /// <summary>Adds a web seed: a BEP 19 URL seed, or a BEP 17 HTTP seed when <paramref name="httpSeed"/> is set.</summary>
    public void AddWebSeed(string url, bool httpSeed = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        Call((h, e) => NativeMethods.tc_torrent_add_web_seed(h, url, httpSeed ? 1 : 0, e));
    }

    /// <summary>libtorrent's torrent flags, by name (<see cref="TorrentFlagNames.All"/>).</summary>
    public IReadOnlyDictionary<string, bool> GetFlags()
    {
        ulong bits = 0;
        Call((h, e) =>
        {
            ulong read;
            var status = NativeMethods.tc_torrent_get_flags(h, &read, e);
            bits = read;
            return status;
        });
        return TorrentFlagNames.All.ToDictionary(name => name, name => (bits & TorrentFlagNames.BitOf(name)) != 0, StringComparer.Ordinal);
    }

    /// <summary>Sets the named flags to the given values and leaves the others alone.</summary>
    /// <exception cref="ArgumentException">A name that is not a libtorrent torrent flag.</exception>
    public void SetFlags(IReadOnlyDictionary<string, bool> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        ulong values = 0, mask = 0;
        foreach (var (name, set) in flags)
        {
            var bit = TorrentFlagNames.BitOf(name);
            if (bit == 0)
            {
                throw new ArgumentException($"'{name}' is not a torrent flag of this libtorrent build", nameof(flags));
            }

            mask |= bit;
            values |= set ? bit : 0;
        }

        Call((h, e) => NativeMethods.tc_torrent_set_flags(h, values, mask, e));
    }

    /// <summary>Which pieces are downloaded and checked, one entry per piece; empty before metadata.</summary>
    public bool[] GetPieces() =>
        Array.ConvertAll(NativeLists.ReadBuffer(Read(static (h, e) =>
        {
            var status = NativeMethods.tc_torrent_get_pieces(h, out var buffer, e);
            return (status, buffer);
        })), piece => piece != 0);

    /// <summary>Connects to a peer at once, without waiting for trackers or the DHT to name it.</summary>
    public void ConnectPeer(IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var address = endpoint.Address.ToString();
        Call((h, e) => NativeMethods.tc_torrent_connect_peer(h, address, endpoint.Port, e));
    }

    /// <summary>Asks for resume data; <see cref="TorrentEngine.ResumeDataSaved"/> follows.</summary>
    public void SaveResumeData(bool onlyIfModified = false) =>
        Call((h, e) => NativeMethods.tc_torrent_save_resume_data(h, onlyIfModified ? 1 : 0, e));

    /// <summary>Adds a tracker.</summary>
    public void AddTracker(string url, int tier = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        Call((h, e) => NativeMethods.tc_torrent_add_tracker(h, url, tier, e));
    }

    /// <summary>The current status, straight from the engine.</summary>
    public TorrentStatus GetStatus() => NativeLists.ReadStatuses(Read(static (h, e) =>
    {
        var status = NativeMethods.tc_torrent_get_status(h, out var list, e);
        return (status, list);
    }))[0];

    /// <summary>Connected peers.</summary>
    public IReadOnlyList<PeerInfo> GetPeers() => NativeLists.ReadPeers(Read(static (h, e) =>
    {
        var status = NativeMethods.tc_torrent_get_peers(h, out var list, e);
        return (status, list);
    }));

    /// <summary>Files with progress and priority; empty before metadata.</summary>
    public IReadOnlyList<TorrentFile> GetFiles() => NativeLists.ReadFiles(Read(static (h, e) =>
    {
        var status = NativeMethods.tc_torrent_get_files(h, out var list, e);
        return (status, list);
    }));

    /// <summary>Trackers with the state of their announces.</summary>
    public IReadOnlyList<TrackerInfo> GetTrackers() => NativeLists.ReadTrackers(Read(static (h, e) =>
    {
        var status = NativeMethods.tc_torrent_get_trackers(h, out var list, e);
        return (status, list);
    }));

    /// <summary>The .torrent file (metadata) of this torrent; <see cref="NoMetadataException"/> before it is known.</summary>
    public byte[] GetTorrentFile() => NativeLists.ReadBuffer(Read(static (h, e) =>
    {
        var status = NativeMethods.tc_torrent_get_torrent_file(h, out var buffer, e);
        return (status, buffer);
    }));

    /// <summary>Per-torrent limits; -1 means unlimited.</summary>
    public TorrentLimits GetLimits()
    {
        TcTorrentLimits limits = default;
        Call((h, e) =>
        {
            TcTorrentLimits read;
            var status = NativeMethods.tc_torrent_get_limits(h, &read, e);
            limits = read;
            return status;
        });
        return new TorrentLimits(limits.UploadLimit, limits.DownloadLimit, limits.MaxConnections, limits.MaxUploads);
    }

    /// <summary>Sets per-torrent limits; 0 or -1 means unlimited.</summary>
    public void SetLimits(TorrentLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var native = new TcTorrentLimits
        {
            UploadLimit = limits.UploadLimit,
            DownloadLimit = limits.DownloadLimit,
            MaxConnections = limits.MaxConnections,
            MaxUploads = limits.MaxUploads,
        };
        Call((h, e) =>
        {
            var copy = native;
            return NativeMethods.tc_torrent_set_limits(h, &copy, e);
        });
    }

    /// <summary>Sets file priorities, 0 (skip) to 7, one per file in file order.</summary>
    public void SetFilePriorities(IReadOnlyList<int> priorities)
    {
        ArgumentNullException.ThrowIfNull(priorities);
        var values = priorities.ToArray();
        Call((h, e) =>
        {
            fixed (int* first = values)
            {
                return NativeMethods.tc_torrent_set_file_priorities(h, first, values.Length, e);
            }
        });
    }

    /// <inheritdoc />
    public void Dispose() => _handle.Dispose();

    internal delegate TcStatus NativeCall(TorrentSafeHandle handle, TcError* error);

    internal delegate (TcStatus Status, nint Result) NativeRead(TorrentSafeHandle handle, TcError* error);

    // Torrent calls run on the session's thread: the session must stay alive until they return.
    private void Call(NativeCall call)
    {
        using var lease = _engine.Lease();
        TcError error;
        TcStatus status;
        try
        {
            status = call(_handle, &error);
        }
        catch (ObjectDisposedException) when (_handle.IsClosed)
        {
            throw Removed();
        }

        NativeErrors.ThrowIfFailed(status, &error, InfoHashes.IsEmpty ? null : InfoHashes.Canonical);
    }

    private nint Read(NativeRead read)
    {
        using var lease = _engine.Lease();
        TcError error;
        (TcStatus Status, nint Result) answer;
        try
        {
            answer = read(_handle, &error);
        }
        catch (ObjectDisposedException) when (_handle.IsClosed)
        {
            throw Removed();
        }

        NativeErrors.ThrowIfFailed(answer.Status, &error, InfoHashes.IsEmpty ? null : InfoHashes.Canonical);
        return answer.Result;
    }

    // Whoever removed the torrent let go of its handle while another caller still held this object (a listing, a
    // second call racing the removal): to that caller the torrent is simply gone, as the class promises.
    private TorrentNotFoundException Removed() => new($"torrent {(InfoHashes.IsEmpty ? "(unknown)" : InfoHashes.Canonical)} was removed");
}
