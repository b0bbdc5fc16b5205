namespace TorrentCluster.Engine;

/// <summary>BitTorrent protocol encryption (libtorrent's <c>in_enc_policy</c>/<c>out_enc_policy</c>).</summary>
public enum EncryptionPolicy
{
    /// <summary>Encrypted and plain connections, both ways.</summary>
    Enabled,

    /// <summary>Encrypted connections only.</summary>
    Forced,

    /// <summary>Plain connections only.</summary>
    Disabled,
}
