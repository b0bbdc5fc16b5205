using System.Globalization;

namespace TorrentCluster.Engine;

/// <summary>Turns <see cref="EngineOptions"/> into libtorrent settings by name.</summary>
internal static class SettingsMapper
{
    public static IReadOnlyList<KeyValuePair<string, string>> ToSettings(EngineOptions options)
    {
        var encryption = options.Encryption switch
        {
            EncryptionPolicy.Forced => "0",
            EncryptionPolicy.Disabled => "2",
            _ => "1",
        };
        var settings = new List<KeyValuePair<string, string>>
        {
            new("listen_interfaces", options.ListenInterfaces),
            new("enable_dht", Bool(options.EnableDht)),
            new("enable_lsd", Bool(options.EnableLsd)),
            new("enable_upnp", Bool(options.EnableUpnp)),
            new("enable_natpmp", Bool(options.EnableNatPmp)),
            new("enable_outgoing_utp", Bool(options.EnableUtp && options.ConnectOverUtp)),
            new("enable_incoming_utp", Bool(options.EnableUtp)),
            new("utp_connect_timeout", Int(Milliseconds(options.UtpConnectTimeout))),
            new("in_enc_policy", encryption),
            new("out_enc_policy", encryption),
            new("upload_rate_limit", Int(options.UploadRateLimit)),
            new("download_rate_limit", Int(options.DownloadRateLimit)),
            new("connections_limit", Int(options.ConnectionsLimit)),
            new("allow_multiple_connections_per_ip", Bool(options.AllowMultipleConnectionsPerIp)),
            new("user_agent", options.UserAgent),
            new("peer_fingerprint", EngineVersion.PeerFingerprint),
        };
        settings.AddRange(options.Settings);
        return settings;
    }

    private static int Milliseconds(TimeSpan value) =>
        value > TimeSpan.Zero && value.TotalMilliseconds <= int.MaxValue
            ? (int)Math.Ceiling(value.TotalMilliseconds)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "a uTP connect timeout must be positive");

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
