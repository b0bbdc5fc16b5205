using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorrentCluster.Cli.Api;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// The torrents a bulk command acts on: info-hashes on the line, or every torrent a PQL query matches (asked of
/// torrents.list, at most <see cref="MaxMatches"/>, so that a query cannot make one command act on an unbounded set).
/// </summary>
internal sealed class TorrentSelection
{
    public const int MaxMatches = 10_000;

    public Argument<string[]> Hashes { get; } = new("hash")
    {
        Description = "info-hashes (40 or 64 hex characters)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Query { get; } = new("--query", "-q") { Description = "every torrent this PQL query matches, e.g. 'is:paused and ratio > 2'" };

    public void AddTo(Command command)
    {
        command.Add(Hashes);
        command.Add(Query);
    }

    /// <summary>Each selected torrent as the API names it (a bare hash, or the [v1, v2] pair a listing gave).</summary>
    public async Task<IReadOnlyList<(string Label, JsonNode InfoHash)>> ResolveAsync(Invocation call, GatewayClient gateway, CancellationToken cancellation)
    {
        var hashes = call.Value(Hashes) ?? [];
        var query = call.Value(Query);
        if (hashes.Length > 0 == query is not null)
        {
            throw new CliException("name the torrents either by info-hash or with --query, one of the two", ExitCodes.Usage);
        }

        if (query is null)
        {
            return [.. hashes.Select(hash => (hash, (JsonNode)JsonValue.Create(hash)))];
        }

        var listed = await gateway.CallAsync("torrents.list", new JsonObject
        {
            ["page_size"] = MaxMatches,
            ["filters"] = new JsonObject { ["query"] = query },
        }, cancellation);
        if (listed.Long("torrents_total") > MaxMatches)
        {
            throw new CliException($"the query matches {listed.Long("torrents_total")} torrents, more than {MaxMatches} at once: narrow it");
        }

        return [.. listed.Items("torrents").Select(torrent => (torrent.InfoHash(), JsonNode.Parse(torrent.GetProperty("info_hash").GetRawText())!))];
    }
}
