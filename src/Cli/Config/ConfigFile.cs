using System.Text.Json;

namespace TorrentCluster.Cli.Config;

/// <summary>
/// <c>$XDG_CONFIG_HOME/torrentcluster/config.json</c> (<c>~/.config/...</c> without it). It holds bearer tokens, so
/// it is only ever written as a new owner-only file (0600) moved over the old one: never readable by others, not even
/// for a moment, and never half written.
/// </summary>
internal sealed class ConfigFile(string path)
{
    public string Path { get; } = path;

    public static ConfigFile Default() => new(System.IO.Path.Combine(ConfigHome(), "torrentcluster", "config.json"));

    public CliConfig Load()
    {
        if (!File.Exists(Path))
        {
            return new CliConfig();
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(Path), ConfigJsonContext.Default.CliConfig) ?? new CliConfig();
        }
        catch (JsonException exception)
        {
            throw new CliException($"{Path} is not valid JSON ({exception.Message}); fix it or delete it and run tcctl login");
        }
    }

    public void Save(CliConfig config)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var temporary = $"{Path}.{Environment.ProcessId}.tmp";
        try
        {
            TorrentCluster.Gateway.Auth.OwnerOnlyFile.Write(temporary, JsonSerializer.Serialize(config, ConfigJsonContext.Default.CliConfig), FileMode.CreateNew);
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string ConfigHome()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathRooted(xdg))
        {
            return xdg;
        }

        var home = Environment.GetEnvironmentVariable("HOME");
        return System.IO.Path.Combine(string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".config");
    }
}
