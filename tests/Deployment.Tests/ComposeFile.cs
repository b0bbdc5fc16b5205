using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// docker-compose.yml as plain dictionaries. The merging parser resolves the file's `&lt;&lt;: *anchor` merges
/// the way Compose does, so each service is seen with the shared settings it inherits.
/// </summary>
internal sealed class ComposeFile
{
    public const string Path = "docker-compose.yml";

    private ComposeFile(Dictionary<object, object> root) => Root = root;

    public Dictionary<object, object> Root { get; }

    public IReadOnlyDictionary<string, Dictionary<object, object>> Services =>
        Mapping(Root, "services").ToDictionary(pair => (string)pair.Key, pair => (Dictionary<object, object>)pair.Value);

    public static ComposeFile Load()
    {
        using var reader = new StringReader(RepositoryFiles.Read(Path));
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
        return new ComposeFile(root);
    }

    public Dictionary<object, object> Service(string name)
    {
        Assert.True(Services.TryGetValue(name, out var service), $"{Path} has no service {name}");
        return service;
    }

    /// <summary>A service's environment, written either as a mapping or as a list of KEY=value.</summary>
    public Dictionary<string, string> Environment(string service)
    {
        return Service(service).GetValueOrDefault("environment") switch
        {
            Dictionary<object, object> map => map.ToDictionary(p => (string)p.Key, p => p.Value as string ?? ""),
            List<object> list => list.Cast<string>().Select(item => item.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : ""),
            null => [],
            var other => throw new InvalidOperationException($"{service}: environment of type {other.GetType()}"),
        };
    }

    /// <summary>A service's published ports, from the short syntax ([ip:]host:container[/protocol]).</summary>
    public List<PublishedPort> Ports(string service) =>
        Strings(Service(service), "ports").Select(PublishedPort.Parse).ToList();

    public static Dictionary<object, object> Mapping(Dictionary<object, object> parent, string key)
    {
        Assert.True(parent.TryGetValue(key, out var value) && value is Dictionary<object, object>, $"{Path}: '{key}' is not a mapping");
        return (Dictionary<object, object>)value;
    }

    public static List<string> Strings(Dictionary<object, object> parent, string key) =>
        parent.GetValueOrDefault(key) is List<object> list ? list.Cast<string>().ToList() : [];
}

/// <summary>One short-syntax port of a Compose service.</summary>
internal sealed record PublishedPort(string? HostIp, int HostPort, int ContainerPort, string Protocol)
{
    public static PublishedPort Parse(string text)
    {
        var protocolAt = text.IndexOf('/', StringComparison.Ordinal);
        var protocol = protocolAt < 0 ? "tcp" : text[(protocolAt + 1)..];
        var parts = (protocolAt < 0 ? text : text[..protocolAt]).Split(':');
        Assert.True(parts.Length is 2 or 3, $"port '{text}' should publish host:container or ip:host:container");
        var host = int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture);
        var container = int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
        return new PublishedPort(parts.Length == 3 ? parts[0] : null, host, container, protocol);
    }
}
