using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// The ports and limits the code itself uses, read from its settings and sources, so that every deployment file is
/// checked against the program and not against a second copy of the numbers kept in the tests.
/// </summary>
internal static partial class CodeDefaults
{
    /// <summary>The HTTP port of the silo (health, metrics, JSON-RPC), from the Urls of its appsettings.json.</summary>
    public static int SiloHttpPort => UrlsPort("src/Silo/appsettings.json");

    /// <summary>The HTTP port of the standalone gateway, from the Urls of its appsettings.json.</summary>
    public static int GatewayHttpPort => UrlsPort("src/Gateway/appsettings.json");

    /// <summary>The engine's BitTorrent listen port, TorrentCluster:Engine:ListenPort of the silo's appsettings.json.</summary>
    public static int BitTorrentPort
    {
        get
        {
            using var settings = JsonDocument.Parse(RepositoryFiles.Read("src/Silo/appsettings.json"));
            return settings.RootElement.GetProperty("TorrentCluster").GetProperty("Engine").GetProperty("ListenPort").GetInt32();
        }
    }

    /// <summary>Orleans' silo-to-silo port, the default of ClusterHostOptions.SiloPort.</summary>
    public static int SiloPort => OptionDefault("SiloPort");

    /// <summary>Orleans' client gateway port, the default of ClusterHostOptions.GatewayPort.</summary>
    public static int OrleansGatewayPort => OptionDefault("GatewayPort");

    /// <summary>The shortest JWT secret the gateway accepts, AuthOptionsValidator.MinimumSecretLength.</summary>
    public static int MinimumSecretLength
    {
        get
        {
            const string path = "src/Gateway/Auth/AuthOptionsValidator.cs";
            var match = MinimumSecretLengthPattern().Match(RepositoryFiles.Read(path));
            Assert.True(match.Success, $"{path} declares no MinimumSecretLength");
            return int.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The port of an http:// URL such as "http://0.0.0.0:1337".</summary>
    public static int PortOfUrl(string url)
    {
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri), $"'{url}' is not an absolute URL");
        return uri.Port;
    }

    private static int UrlsPort(string appsettingsPath)
    {
        using var settings = JsonDocument.Parse(RepositoryFiles.Read(appsettingsPath));
        var urls = settings.RootElement.GetProperty("Urls").GetString() ?? "";
        var ports = urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(PortOfUrl).Distinct().ToList();
        Assert.True(ports.Count == 1, $"{appsettingsPath}: expected one port in Urls '{urls}'");
        return ports[0];
    }

    private static int OptionDefault(string property)
    {
        const string path = "src/Silo/Hosting/ClusterHostOptions.cs";
        var source = RepositoryFiles.Read(path);
        var match = OptionDefaultPattern().Matches(source).FirstOrDefault(m => m.Groups["name"].Value == property);
        Assert.True(match is not null, $"{path} has no 'public int {property} {{ get; set; }} = <number>;'");
        return int.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"public\s+int\s+(?<name>\w+)\s*\{\s*get;\s*set;\s*\}\s*=\s*(?<value>\d+)\s*;")]
    private static partial Regex OptionDefaultPattern();

    [GeneratedRegex(@"const\s+int\s+MinimumSecretLength\s*=\s*(?<value>\d+)\s*;")]
    private static partial Regex MinimumSecretLengthPattern();
}
