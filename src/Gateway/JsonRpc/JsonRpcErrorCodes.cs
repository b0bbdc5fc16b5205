namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>
/// Every error code the gateway answers with, in one place: JSON-RPC 2.0's own, then Porla's application codes
/// (Porla reuses small negative numbers per method; we keep its numbers where a Porla client may test them).
/// </summary>
public static class JsonRpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;

    /// <summary>Porla: "Torrent not found in any session".</summary>
    public const int TorrentNotFound = -1;

    /// <summary>Porla's torrents.list: "Invalid field in 'order_by'".</summary>
    public const int InvalidOrderBy = -1;

    /// <summary>Porla's torrents.list: "Invalid page - too large.".</summary>
    public const int InvalidPage = -2;

    /// <summary>Porla's torrents.list: the PQL query in <c>filters.query</c> does not parse; <c>data.pos</c> says where.</summary>
    public const int InvalidQuery = -1000;

    /// <summary>Porla's torrents.add: "Failed to bdecode 'ti' parameter" / parse failures of the .torrent.</summary>
    public const int InvalidTorrent = -2;

    /// <summary>Porla's torrents.add: "Torrent already in session" and "Could not parse 'magnet_uri' param".</summary>
    public const int TorrentExists = -3;

    /// <summary>
    /// Porla's torrents.add: "Could not parse 'magnet_uri' param", -3 as for a torrent already added; the message
    /// tells the two apart, as in Porla.
    /// </summary>
    public const int InvalidMagnet = -3;

    /// <summary>Porla's torrents.add: missing 'save_path' or neither 'ti' nor 'magnet_uri'.</summary>
    public const int InvalidArgument = -4;

    /// <summary>Porla's torrents.add: "Failed to add torrent to session".</summary>
    public const int EngineFailure = -5;

    /// <summary>The torrent has no metadata yet.</summary>
    public const int NoMetadata = -7;

    /// <summary>The silo named in the call is not in the cluster (Porla's torrents.add: "Session not found", -10).</summary>
    public const int SiloNotFound = -10;

    /// <summary>Porla's sessions.* methods (pause, resume, settings.list): "Session not found", -1.</summary>
    public const int SessionNotFound = -1;

    /// <summary>Porla's plugins.* methods: "Plugin not found"; ours answer it to every call, having no plugins.</summary>
    public const int PluginNotFound = -1;

    /// <summary>auth.init when the first user exists already.</summary>
    public const int AlreadyInitialized = -1;

    /// <summary>auth.login with a wrong user name or password, auth.password.set with a wrong current password.</summary>
    public const int InvalidAuth = -2;

    /// <summary>auth.init from a client that is not on loopback, without the right one-time setup code.</summary>
    public const int SetupCodeRequired = -3;

    /// <summary>auth.logout or auth.password.set while authentication is off: there is no caller to act for.</summary>
    public const int AuthDisabled = -4;

    /// <summary>presets.remove of a name that has no preset.</summary>
    public const int PresetNotFound = -1;

    /// <summary>The cluster did not answer in time or is unreachable.</summary>
    public const int ClusterUnavailable = -32000;

    /// <summary>Every password-hashing slot and its queue are taken; answered with HTTP 503 and <c>Retry-After</c>.</summary>
    public const int Busy = -32001;

    /// <summary>Too many login attempts from one address or for one user; answered with HTTP 429 and <c>Retry-After</c>.</summary>
    public const int TooManyAttempts = -32002;

    /// <summary>
    /// The HTTP status of an answer that carries <paramref name="code"/> alone: JSON-RPC answers errors with 200,
    /// but "come back later" must reach clients and proxies that never read the body.
    /// </summary>
    public static int HttpStatusOf(int code) => code switch
    {
        TooManyAttempts => StatusCodes.Status429TooManyRequests,
        Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status200OK,
    };
}
