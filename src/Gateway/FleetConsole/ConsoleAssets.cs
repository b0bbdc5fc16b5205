using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace TorrentCluster.Gateway.FleetConsole;

/// <summary>
/// The console's files, compiled into this assembly (so the silo-hosted gateway, the standalone one and their
/// container images all carry the same console without a folder to ship) and read once at start. Only the files that
/// were built in can be asked for: a request path is a key in a table, never a path on disk.
/// </summary>
public sealed class ConsoleAssets
{
    /// <summary>The prefix of the console's resource names (see Gateway.csproj).</summary>
    public const string ResourcePrefix = "console/";

    /// <summary>The console's one page, served at <c>{base}/console/</c>.</summary>
    public const string PagePath = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly FrozenDictionary<string, ConsoleAsset> _assets;

    public ConsoleAssets()
        : this(typeof(ConsoleAssets).Assembly)
    {
    }

    internal ConsoleAssets(Assembly assembly)
    {
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(name => name[ResourcePrefix.Length..].Replace('\\', '/'), name => ReadAll(assembly, name), StringComparer.Ordinal);
        var modules = files.Keys.Where(path => path.EndsWith(".js", StringComparison.Ordinal)).ToList();
        if (files.TryGetValue(PagePath, out var page))
        {
            files[PagePath] = ModulePreloads.Insert(page, modules);
        }

        _assets = files
            .Select(file => Describe(file.Key, file.Value))
            .ToFrozenDictionary(asset => asset.Path, StringComparer.Ordinal);
    }

    public IEnumerable<string> Paths => _assets.Keys;

    public bool TryGet(string path, out ConsoleAsset asset) => _assets.TryGetValue(path, out asset!);

    private static byte[] ReadAll(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static ConsoleAsset Describe(string path, byte[] content)
    {
        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        var tag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8))}\"";
        return new ConsoleAsset(path, content, contentType, tag);
    }
}

/// <summary>One built-in file of the console, with its content type and a tag of its content for revalidation.</summary>
public sealed record ConsoleAsset(string Path, byte[] Content, string ContentType, string EntityTag);
