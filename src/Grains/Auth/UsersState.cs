namespace TorrentCluster.Grains.Auth;

/// <summary>The stored users: user name to password hash and to token stamp, and the setup code while there is none.</summary>
[GenerateSerializer]
public sealed class UsersState
{
    [Id(0)] public Dictionary<string, string> PasswordHashes { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, string> Stamps { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public string? SetupCode { get; set; }
}
