namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Writes secrets (the JWT secret, the setup code, a Redis password) into files only their owner may read, from the
/// moment they are created: never readable by others, not even between creating the file and changing its mode.
/// The AppHost compiles this file too.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; <see cref="FileMode.CreateNew"/> as the mode fails rather than replace a file someone else made.</summary>
    public static void Write(string path, string text, FileMode mode = FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new FileStream(path, options);
        using var writer = new StreamWriter(file);
        writer.Write(text);
    }
}
