namespace TorrentCluster.Engine;

/// <summary>
/// The libtorrent settings that the shim (<c>native/settings.cpp</c>) and this wrapper set and depend on: nobody
/// else may change them, neither at run time (<see cref="TorrentEngine.ApplySettings"/>) nor through
/// <see cref="EngineOptions.Settings"/>. Every other libtorrent setting stays open to the operator.
/// </summary>
/// <remarks>
/// Left open on purpose: <c>listen_interfaces</c> and <c>outgoing_interfaces</c> (where the engine listens and
/// connects is the operator's choice, and the silo's health check reports a silo that stops listening);
/// <c>user_agent</c>, <c>peer_fingerprint</c> and <c>handshake_client_version</c> (nothing in the cluster reads
/// them back: they only say who we are to trackers and peers); rate, connection and protocol settings.
/// </remarks>
public static class ReservedSettings
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        // The pump turns status, error, storage and tracker alerts into events (removals, resume data, moves);
        // without them snapshots leak and resume-data waits never end, and peer or block alerts would flood the
        // queue at 100,000 torrents.
        ["alert_mask"] = "the engine's alert pump depends on the alert categories it sets",
        // A smaller queue drops alerts under load: a lost removal or resume-data alert is a leak or a hung save.
        ["alert_queue_size"] = "a smaller alert queue drops the alerts the engine depends on",
        // Shutdown waits this long for trackers; a long wait outlives the host's stop timeout and the process is
        // killed before its resume data is written.
        ["stop_tracker_timeout"] = "shutdown must stay short enough to write resume data",
        // Once a file path libtorrent wrote a cache to: callers name folders only inside the storage roots.
        ["deprecated_mmap_cache"] = "it names a file for the engine to write",
    };

    /// <summary>The reserved names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Reasons.Keys.Order(StringComparer.Ordinal)];

    /// <summary>True when <paramref name="name"/> is a setting the engine depends on.</summary>
    public static bool IsReserved(string name) => Reasons.ContainsKey(name);

    /// <summary>Fails with one message naming every reserved setting among <paramref name="names"/>, before anything is applied.</summary>
    /// <exception cref="ReservedSettingException">At least one name is reserved.</exception>
    public static void Refuse(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var refused = names.Where(IsReserved).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            throw new ReservedSettingException(string.Join("; ", refused.Select(name => $"'{name}' cannot be changed: {Reasons[name]}")));
        }
    }
}
