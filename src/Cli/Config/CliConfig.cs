using System.Text.Json.Serialization;

namespace TorrentCluster.Cli.Config;

/// <summary>What <c>config.json</c> holds: named contexts, as kubectl's kubeconfig does, and which one is in use.</summary>
internal sealed record CliConfig
{
    [JsonPropertyName("current_context")]
    public string? CurrentContext { get; init; }

    [JsonPropertyName("contexts")]
    public IReadOnlyList<CliContext> Contexts { get; init; } = [];

    public CliContext? Find(string name) => Contexts.FirstOrDefault(context => context.Name == name);

    /// <summary>The context named <paramref name="name"/>; a user error naming where to look when there is none.</summary>
    public CliContext Require(string name) =>
        Find(name) ?? throw new CliException($"no context named '{name}' (tcctl context list)");

    /// <summary>The config with <paramref name="context"/> added, or replacing the one of the same name.</summary>
    public CliConfig With(CliContext context) => this with
    {
        Contexts = [.. Contexts.Where(existing => existing.Name != context.Name), context],
    };

    public CliConfig Without(string name) => this with
    {
        Contexts = [.. Contexts.Where(existing => existing.Name != name)],
        CurrentContext = CurrentContext == name ? null : CurrentContext,
    };
}
