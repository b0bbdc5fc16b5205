using System.ComponentModel.DataAnnotations;

namespace TorrentCluster.Gateway.Auth;

/// <summary>Authentication settings, section <c>TorrentCluster:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "TorrentCluster:Auth";

    /// <summary>
    /// On by default. Turning it off takes an explicit <c>Enabled: false</c>, and the process says so at start:
    /// anyone who reaches the port then controls every torrent of the fleet.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The HS256 signing secret, at least 32 characters, the same on every gateway replica so that a token from
    /// one is accepted by all. The embedded default generates one and keeps it in its state folder.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token from <c>auth.login</c> is valid (Porla: one day).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Argon2id memory per hash in KiB (OWASP's minimum for Argon2id: 19 MiB with 2 passes).</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int Argon2MemoryKiB { get; set; } = 19 * 1024;

    /// <summary>Argon2id passes.</summary>
    [Range(1, 100)]
    public int Argon2Iterations { get; set; } = 2;
}
