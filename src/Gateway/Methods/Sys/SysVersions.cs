using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sys;

/// <summary>
/// <c>sys.versions</c>: Porla's map of component to version details, for ours: TorrentCluster, Orleans,
/// libtorrent (as the silos report it) and .NET.
/// </summary>
public sealed class SysVersions(SiloDirectory silos) : JsonRpcMethod<EmptyParams>
{
    public override string Name => "sys.versions";

    public override bool IsReadOnly => true;

    protected override JsonTypeInfo<EmptyParams> ParamsType => SysJsonContext.Default.EmptyParams;

    protected override async ValueTask<JsonRpcResult> AnswerAsync(EmptyParams parameters, CancellationToken cancellationToken)
    {
        var summaries = await silos.GetSummariesAsync();
        var libtorrent = summaries.Select(entry => entry.Summary.LibtorrentVersion).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var versions = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["torrentcluster"] = new Dictionary<string, string>
            {
                ["version"] = InformationalVersion(typeof(SysVersions).Assembly),
            },
            ["orleans"] = new Dictionary<string, string>
            {
                ["version"] = InformationalVersion(typeof(IGrainFactory).Assembly),
            },
            ["libtorrent"] = new Dictionary<string, string>
            {
                ["version"] = libtorrent.Count > 0 ? string.Join(", ", libtorrent) : "unknown (no silo active)",
            },
            ["dotnet"] = new Dictionary<string, string>
            {
                ["version"] = Environment.Version.ToString(),
                ["runtime"] = RuntimeInformation.FrameworkDescription,
            },
        };
        return JsonRpcResult.Of<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(
            versions, SysJsonContext.Default.IReadOnlyDictionaryStringIReadOnlyDictionaryStringString);
    }

    // "10.3.1+abc123" or "10.3.1. Commit Hash: abc123" becomes "10.3.1": the commit is noise to a client
    // comparing versions.
    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var match = System.Text.RegularExpressions.Regex.Match(version, @"^\d+(\.\d+)*(-[0-9A-Za-z.-]+)?");
        return match.Success ? match.Value.TrimEnd('.') : version;
    }
}
