using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Auth;

/// <summary>The setup code's file (<see cref="AuthOptions.SetupCodeFile"/>), readable by the service's user only; nothing when unset.</summary>
public sealed class SetupCodeFile(IOptions<AuthOptions> options)
{
    public string? Path => options.Value.SetupCodeFile;

    public void Write(string code)
    {
        if (Path is not { } path)
        {
            return;
        }

        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        OwnerOnlyFile.Write(path, code + Environment.NewLine);
    }

    /// <summary>Removes it once a user exists: the code opens nothing any more.</summary>
    public void Delete()
    {
        if (Path is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
