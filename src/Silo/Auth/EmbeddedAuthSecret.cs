using System.Security.Cryptography;
using TorrentCluster.Gateway.Auth;

namespace TorrentCluster.Silo.Auth;

/// <summary>
/// The embedded default's JWT secret when none is configured: made once, kept in the state folder (owner-only),
/// so tokens survive restarts. A cluster must configure one secret for all gateways instead; the AppHost makes
/// that one, and its Redis password, with this same code (it compiles this file).
/// </summary>
internal static class EmbeddedAuthSecret
{
    private const string FileName = "jwt-secret";

    public static string LoadOrCreate(string stateFolder) => LoadOrCreate(stateFolder, FileName);

    /// <summary>A random secret kept in <paramref name="fileName"/> of the state folder, made the first time.</summary>
    public static string LoadOrCreate(string stateFolder, string fileName)
    {
        var path = Path.Combine(stateFolder, fileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(stateFolder);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        OwnerOnlyFile.Write(path, secret, FileMode.CreateNew);
        return secret;
    }
}
