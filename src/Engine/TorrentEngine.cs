using System.Runtime.InteropServices;
using TorrentCluster.Engine.Interop;

namespace TorrentCluster.Engine;

/// <summary>
/// One libtorrent session and the one thread that drains its alerts. Every member is thread-safe. Disposing it
/// while calls are in flight is safe: it waits for them; later calls throw <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed partial class TorrentEngine : IDisposable
{
    private readonly SessionSafeHandle _session;
    private readonly StatusSnapshot _snapshot = new();
    private readonly ResumeDataWaiters _resumeWaiters = new();
    private readonly PendingAdds _pendingAdds = new();
    private readonly TimeSpan _statusInterval;
    private readonly Thread _pump;
    private volatile bool _stopping;
    private int _disposed;
    private long _statusVersion;

    /// <summary>Starts a session with the given settings and its alert pump.</summary>
    public TorrentEngine(EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ReservedSettings.Refuse(options.Settings.Keys);
        _statusInterval = options.StatusInterval > TimeSpan.Zero ? options.StatusInterval : TimeSpan.FromSeconds(1);
        _session = CreateSession(SettingsMapper.ToSettings(options));
        _pump = new Thread(RunPump) { IsBackground = true, Name = "libtorrent-alerts" };
        _pump.Start();
    }

    /// <summary>libtorrent's version, e.g. 2.0.8.0.</summary>
    public static string LibtorrentVersion => Marshal.PtrToStringUTF8(NativeMethods.tc_version()) ?? "unknown";

    /// <summary>The TCP port the session listens on; 0 when it does not listen.</summary>
    public int ListenPort => NativeMethods.tc_session_listen_port(_session);

    /// <summary>True while the whole session is paused.</summary>
    public bool IsPaused => NativeMethods.tc_session_is_paused(_session) != 0;

    /// <summary>
    /// Every torrent's latest status, by canonical info-hash, as posted by the pump: at most one status interval
    /// old, and free to read (no call into the engine).
    /// </summary>
    public IReadOnlyDictionary<string, TorrentStatus> StatusSnapshot => _snapshot;

    /// <summary>
    /// Grows after every change of <see cref="StatusSnapshot"/>: a reader that read the same number before reading
    /// the snapshot has seen every change up to now, so it can keep what it derived from the snapshot until the
    /// number grows.
    /// </summary>
    public long StatusVersion => Interlocked.Read(ref _statusVersion);

    /// <summary>The latest session counters and rates.</summary>
    public SessionStats Stats { get; private set; } = SessionStats.Empty;

    /// <summary>
    /// Adds a torrent without blocking on libtorrent's network thread: the task completes from the alert pump when
    /// libtorrent answers. What does not parse fails before anything is sent.
    /// </summary>
    /// <exception cref="DuplicateTorrentException">The torrent is in the session already.</exception>
    /// <exception cref="InvalidTorrentException">The .torrent bytes do not parse.</exception>
    /// <exception cref="InvalidMagnetException">The magnet link does not parse.</exception>
    /// <exception cref="InvalidResumeDataException">The resume data does not parse.</exception>
    public Task<Torrent> AddAsync(AddTorrentRequest request)
    {
        try
        {
            AddRequestValidation.Validate(request);
            return SendAdd(request);
        }
        catch (Exception exception) when (exception is TorrentEngineException or ArgumentException or ObjectDisposedException)
        {
            return Task.FromException<Torrent>(exception);
        }
    }

    private unsafe Task<Torrent> SendAdd(AddTorrentRequest request)
    {
        var (id, answer) = _pendingAdds.Register();
        TcError error;
        TcStatus status;
        using (var strings = new NativeText.Batch())
        {
            fixed (byte* torrentFile = request.TorrentFile)
            fixed (byte* resumeData = request.ResumeData)
            {
                var parameters = new TcAddParams
                {
                    TorrentData = torrentFile,
                    TorrentSize = request.TorrentFile?.Length ?? 0,
                    ResumeData = resumeData,
                    ResumeSize = request.ResumeData?.Length ?? 0,
                    MagnetUri = strings.Add(request.MagnetUri),
                    SavePath = strings.Add(request.SavePath),
                    Name = strings.Add(request.Name),
                    Trackers = strings.AddArray(request.Trackers),
                    TrackerCount = request.Trackers.Count,
                    UrlSeeds = strings.AddArray(request.UrlSeeds),
                    UrlSeedCount = request.UrlSeeds.Count,
                    HttpSeeds = strings.AddArray(request.HttpSeeds),
                    HttpSeedCount = request.HttpSeeds.Count,
                    Paused = request.Paused ? 1 : 0,
                    UploadLimit = request.UploadLimit,
                    DownloadLimit = request.DownloadLimit,
                    MaxConnections = request.MaxConnections,
                    MaxUploads = request.MaxUploads,
                    SeedMode = request.SeedMode ? 1 : 0,
                    StorageMode = request.AllocateFiles ? 1 : 0,
                };
                try
                {
                    status = NativeMethods.tc_session_async_add_torrent(_session, &parameters, id, &error);
                }
                catch (ObjectDisposedException exception)
                {
                    _pendingAdds.Fail(id, exception);
                    return answer;
                }
            }
        }

        if (status != TcStatus.Ok)
        {
            _pendingAdds.Fail(id, NativeErrors.ToException(status, NativeText.Read((nint)error.Message)));
        }

        return answer;
    }

    /// <summary>The torrent with this info-hash (40 or 64 hex characters), or null when it is not in the session.</summary>
    public unsafe Torrent? Find(string infoHashHex)
    {
        ArgumentException.ThrowIfNullOrEmpty(infoHashHex);
        TcError error;
        var status = NativeMethods.tc_session_find_torrent(_session, infoHashHex, out var handle, &error);
        if (status == TcStatus.InvalidHandle)
        {
            handle.Dispose();
            return null;
        }

        if (status != TcStatus.Ok)
        {
            handle.Dispose();
            NativeErrors.ThrowIfFailed(status, &error, infoHashHex);
        }

        return Torrent.Attach(this, handle, out _);
    }

    /// <summary>Removes a torrent, and its files when asked. Asynchronous in libtorrent: <see cref="TorrentRemoved"/> follows.</summary>
    public unsafe void Remove(Torrent torrent, bool deleteFiles)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        TcError error;
        var status = NativeMethods.tc_session_remove_torrent(_session, torrent.Handle, deleteFiles ? 1 : 0, &error);
        NativeErrors.ThrowIfFailed(status, &error, torrent.InfoHashes.IsEmpty ? null : torrent.InfoHashes.Canonical);
    }

    /// <summary>Every torrent's status, in one native call.</summary>
    public unsafe IReadOnlyList<TorrentStatus> GetAllStatus()
    {
        TcError error;
        var status = NativeMethods.tc_session_get_all_status(_session, out var list, &error);
        NativeErrors.ThrowIfFailed(status, &error);
        return NativeLists.ReadStatuses(list);
    }

    /// <summary>Applies libtorrent settings by name: all of them, or none when one is refused.</summary>
    /// <exception cref="UnknownSettingException">A name libtorrent does not know or a value of the wrong type.</exception>
    /// <exception cref="ReservedSettingException">A setting the engine depends on (<see cref="ReservedSettings"/>).</exception>
    public unsafe void ApplySettings(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ReservedSettings.Refuse(settings.Keys);
        WithSettings([.. settings], (pointer, count) =>
        {
            TcError error;
            var status = NativeMethods.tc_session_apply_settings(_session, pointer, count, &error);
            NativeErrors.ThrowIfFailed(status, &error);
        });
    }

    /// <summary>A libtorrent setting's current value, as text.</summary>
    public unsafe string GetSetting(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        TcError error;
        var status = NativeMethods.tc_session_get_setting(_session, name, out var buffer, &error);
        NativeErrors.ThrowIfFailed(status, &error);
        var bytes = NativeLists.ReadBuffer(buffer);
        return System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Max(0, bytes.Length - 1));
    }

    /// <summary>Every libtorrent setting with its current value: bool, int or string.</summary>
    public unsafe IReadOnlyDictionary<string, object> GetAllSettings()
    {
        TcError error;
        var status = NativeMethods.tc_session_list_settings(_session, out var buffer, &error);
        NativeErrors.ThrowIfFailed(status, &error);
        var parts = System.Text.Encoding.UTF8.GetString(NativeLists.ReadBuffer(buffer)).Split('\0');
        var settings = new SortedDictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < parts.Length; i += 3)
        {
            settings[parts[i]] = parts[i + 1] switch
            {
                "b" => parts[i + 2] == "true",
                "i" => int.Parse(parts[i + 2], System.Globalization.CultureInfo.InvariantCulture),
                _ => parts[i + 2],
            };
        }

        return settings;
    }

    /// <summary>True while the DHT node runs.</summary>
    public bool IsDhtRunning => NativeMethods.tc_session_is_dht_running(_session) != 0;

    /// <summary>Pauses every torrent of the session.</summary>
    public unsafe void Pause()
    {
        TcError error;
        NativeErrors.ThrowIfFailed(NativeMethods.tc_session_pause(_session, &error), &error);
    }

    /// <summary>Resumes the session.</summary>
    public unsafe void Resume()
    {
        TcError error;
        NativeErrors.ThrowIfFailed(NativeMethods.tc_session_resume(_session, &error), &error);
    }

    /// <summary>Resume data of one torrent, once libtorrent has written it.</summary>
    public Task<byte[]> SaveResumeDataAsync(Torrent torrent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(torrent);
        var key = torrent.InfoHashes.Canonical;
        var waiter = _resumeWaiters.Register(key, cancellationToken);
        try
        {
            torrent.SaveResumeData();
        }
        catch (Exception exception)
        {
            _resumeWaiters.Fail(key, exception);
            throw;
        }

        return waiter;
    }

    /// <summary>Saves resume data of every torrent with metadata, for a shutdown; <see cref="ResumeDataSaved"/> fires for each.</summary>
    public async Task SaveAllResumeDataAsync(CancellationToken cancellationToken = default)
    {
        var saves = new List<Task>();
        foreach (var status in GetAllStatus().Where(status => status.HasMetadata))
        {
            if (Find(status.InfoHashes.Canonical) is { } torrent)
            {
                using (torrent)
                {
                    saves.Add(SaveResumeDataAsync(torrent, cancellationToken));
                }
            }
        }

        try
        {
            await Task.WhenAll(saves).ConfigureAwait(false);
        }
        catch (TorrentEngineException)
        {
            // Some torrents could not be saved (removed meanwhile, no change): the others were.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        if (Thread.CurrentThread != _pump)
        {
            _pump.Join();
        }

        _resumeWaiters.FailAll(new ObjectDisposedException(nameof(TorrentEngine)));
        _pendingAdds.FailAll(new ObjectDisposedException(nameof(TorrentEngine)));
        _session.Dispose();
    }

    internal SessionLease Lease() => new(_session);

    private static unsafe SessionSafeHandle CreateSession(IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        SessionSafeHandle? session = null;
        WithSettings(settings, (pointer, count) =>
        {
            TcError error;
            var status = NativeMethods.tc_session_create(pointer, count, out var created, &error);
            if (status != TcStatus.Ok)
            {
                created.Dispose();
                NativeErrors.ThrowIfFailed(status, &error);
            }

            session = created;
        });
        return session!;
    }

    private unsafe delegate void SettingsCall(TcSetting* settings, int count);

    private static unsafe void WithSettings(IReadOnlyList<KeyValuePair<string, string>> settings, SettingsCall call)
    {
        using var strings = new NativeText.Batch();
        var native = new TcSetting[settings.Count];
        for (var i = 0; i < settings.Count; i++)
        {
            native[i] = new TcSetting { Name = strings.Add(settings[i].Key), Value = strings.Add(settings[i].Value) };
        }

        fixed (TcSetting* first = native)
        {
            call(first, native.Length);
        }
    }
}
