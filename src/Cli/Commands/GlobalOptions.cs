using System.CommandLine;

namespace TorrentCluster.Cli.Commands;

/// <summary>Options every command takes (System.CommandLine's recursive options).</summary>
internal sealed class GlobalOptions
{
    public Option<string> Output { get; } = new Option<string>("--output", "-o")
    {
        Description = "table for people, json for scripts (the API's own result, unchanged)",
        DefaultValueFactory = _ => "table",
        Recursive = true,
    }.AcceptOnlyFromAmong("table", "json");

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "the context to use for this command instead of the current one (tcctl context list)",
        Recursive = true,
    };
}
