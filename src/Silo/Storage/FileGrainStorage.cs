using System.Globalization;
using System.Text;
using Orleans.Storage;

namespace TorrentCluster.Silo.Storage;

/// <summary>
/// Grain state as one file per grain on the local disk, for the embedded one-process cluster: nothing to install,
/// nothing lost on restart. Each write replaces the file atomically (write aside, then rename), so a crash leaves
/// the previous state. Not for multi-silo clusters: there every silo must see every grain's state (use Redis).
/// </summary>
public sealed class FileGrainStorage(string name, FileGrainStorageOptions options, IGrainStorageSerializer serializer) : IGrainStorage
{
    private readonly string _root = Path.GetFullPath(options.RootPath);

    public string Name { get; } = name;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
            grainState.ETag = null;
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        grainState.State = serializer.Deserialize<T>(new BinaryData(bytes));
        grainState.RecordExists = true;
        grainState.ETag = ETagOf(path);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temporary, serializer.Serialize(grainState.State).ToArray()).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        grainState.RecordExists = true;
        grainState.ETag = ETagOf(path);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(path, grainState.ETag);
        File.Delete(path);
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
        grainState.ETag = null;
        return Task.CompletedTask;
    }

    // Two activations of one grain must not overwrite each other's state unnoticed.
    private static void CheckETag(string path, string? expected)
    {
        var actual = File.Exists(path) ? ETagOf(path) : null;
        if (actual != expected)
        {
            throw new InconsistentStateException($"State at {path} changed since it was read", actual ?? "none", expected ?? "none");
        }
    }

    private static string ETagOf(string path) =>
        File.GetLastWriteTimeUtc(path).Ticks.ToString(CultureInfo.InvariantCulture);

    private string PathOf(string stateName, GrainId grainId) => Path.Combine(
        _root, SafeName(grainId.Type.ToString()!), SafeName(stateName), SafeName(grainId.Key.ToString()!) + ".bin");

    // Grain keys are caller-chosen text: keep letters, digits, '-', '_' and '.', escape the rest, so no key can
    // name a path outside the store.
    private static string SafeName(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && safe.Length > 0))
            {
                safe.Append(c);
            }
            else
            {
                safe.Append(CultureInfo.InvariantCulture, $"%{(int)c:X4}");
            }
        }

        return safe.ToString();
    }
}
