using System.CommandLine;
using System.Text.Json;
using TorrentCluster.Cli.Api;
using TorrentCluster.Cli.Config;

namespace TorrentCluster.Cli.Commands;

/// <summary>One run of a command: its parsed line, the config file, and the gateway of the chosen context.</summary>
internal sealed class Invocation(ParseResult parse, GlobalOptions globals)
{
    // One client for the process; 30 s covers a fleet-wide listing on a busy cluster.
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public ParseResult Parse { get; } = parse;

    public ConfigFile ConfigFile { get; } = ConfigFile.Default();

    public bool Json => Parse.GetValue(globals.Output) == "json";

    public static HttpClient HttpClient => Http;

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);

    /// <summary>The context named by <c>--context</c>, else the current one; a line saying to log in when there is none.</summary>
    public CliContext Context()
    {
        var config = ConfigFile.Load();
        var name = Parse.GetValue(globals.Context) ?? config.CurrentContext;
        if (name is null)
        {
            throw new CliException("not logged in, run tcctl login URL");
        }

        return config.Require(name);
    }

    public GatewayClient Gateway() => GatewayClient.For(Http, Context());

    /// <summary>The API's result as it came, one JSON document a line, for scripts.</summary>
    public static void WriteJson(JsonElement result) => Console.Out.WriteLine(result.GetRawText());
}
