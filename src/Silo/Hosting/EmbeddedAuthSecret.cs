using System.Security.Cryptography;

namespace TorrentCluster.Silo.Hosting;

/// <summary>
/// The embedded default's JWT secret when none is configured: made once, kept in the state folder (owner-only),
/// so tokens survive restarts. A cluster must configure one secret for all gateways instead; the AppHost makes
/// that one with this same code (it compiles this file).
/// </summary>
internal static class EmbeddedAuthSecret
{
    private const string FileName = "jwt-secret";

    public static string LoadOrCreate(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(stateFolder);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        using (var writer = new StreamWriter(file))
        {
            writer.Write(secret);
        }

        return secret;
    }
}
