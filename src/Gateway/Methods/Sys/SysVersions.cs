using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization.Metadata;
using TorrentCluster.Abstractions.Cluster;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Methods.Sys;

/// <summary>
/// <c>sys.versions</c>: Porla's map of component to version details, for ours: TorrentCluster, Orleans,
/// libtorrent (as the silos report it) and .NET, and under Porla's own key <c>porla</c> (<c>version</c>,
/// <c>branch</c>, <c>commitish</c>) ours again, which Porla's web UI shows in its footer and cannot do without.
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
        var ours = typeof(SysVersions).Assembly;
        var versions = new SortedDictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["torrentcluster"] = new Dictionary<string, string>
            {
                ["version"] = InformationalVersion(ours),
            },
            // Porla's build info, answered with ours. Our build does not record its branch: "-", Porla's word for
            // "unknown" (its build outside git), which its web UI leaves out of the footer.
            ["porla"] = new Dictionary<string, string>
            {
                ["version"] = InformationalVersion(ours),
                ["branch"] = Unknown,
                ["commitish"] = SourceRevision(ours),
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

    private const string Unknown = "-";

    // The SDK appends the commit it built from to the informational version ("1.0.0+abc123"); none without git.
    private static string SourceRevision(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? string.Empty;
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || plus == version.Length - 1 ? Unknown : version[(plus + 1)..];
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
