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

    /// <summary>
    /// Most Argon2id hashes computed at once. Each takes <see cref="Argon2MemoryKiB"/> of memory and a core for
    /// tens of milliseconds, so an unbounded burst of logins is a memory bomb; more than the cores would not
    /// finish any sooner. By default the number of cores, at most 4.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentHashes { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Callers that may wait for a hashing slot; past them a call is refused at once as busy (-32001, HTTP 503).</summary>
    [Range(0, 10_000)]
    public int HashQueueLimit { get; set; } = 32;

    /// <summary>How long a caller waits for a hashing slot before it is refused as busy.</summary>
    public TimeSpan HashWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Shortest password <c>auth.init</c> and <c>auth.password.set</c> accept, in Unicode characters.</summary>
    [Range(8, 1024)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Login and init attempts one client address may make per <see cref="AttemptWindow"/> (HTTP 429 past it).</summary>
    [Range(1, 1_000_000)]
    public int AttemptsPerAddress { get; set; } = 10;

    /// <summary>Login and password-change attempts per user name and <see cref="AttemptWindow"/>, whatever the address.</summary>
    [Range(1, 1_000_000)]
    public int AttemptsPerUser { get; set; } = 10;

    /// <summary>The window of <see cref="AttemptsPerAddress"/> and <see cref="AttemptsPerUser"/>.</summary>
    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a gateway trusts the per-user stamp it last read. A logout or password change on this gateway
    /// revokes earlier tokens here at once; other replicas refuse them within this time.
    /// </summary>
    public TimeSpan StampCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Where the one-time setup code is written while no user exists (besides the log). The embedded default
    /// writes <c>&lt;StatePath&gt;/setup-code</c>; a standalone gateway writes only its log unless this is set.
    /// </summary>
    public string? SetupCodeFile { get; set; }

    /// <summary>
    /// Ask loopback clients for the setup code too. Needed behind a reverse proxy on the same machine that does
    /// not send <c>X-Forwarded-For</c> or <c>Forwarded</c>: every client then looks local.
    /// </summary>
    public bool SetupCodeForLoopbackClients { get; set; }
}
