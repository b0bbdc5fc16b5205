using System.Text.Json;
using TorrentCluster.Testing;

namespace TorrentCluster.Console.Tests;

/// <summary>
/// The test's own JSON-RPC client on the fleet's gateway, with the fleet's token: what a test checks through the
/// API after the console did something, and how it sets up what the console only has to show.
/// </summary>
internal sealed class FleetRpc : IDisposable
{
    private readonly JsonRpcClient _rpc;

    public FleetRpc(ConsoleFleet fleet)
    {
        _rpc = new JsonRpcClient(new Uri(fleet.Gateway, "api/v1/jsonrpc")) { Token = fleet.Token };
    }

    public Task<JsonElement> ResultAsync(string method, object parameters) => _rpc.ResultAsync(method, parameters);

    public Task<JsonElement> CallAsync(string method, object parameters) => _rpc.CallAsync(method, parameters);

    /// <summary>torrents.get of one torrent.</summary>
    public Task<JsonElement> TorrentAsync(string infoHash) => ResultAsync("torrents.get", new { info_hash = infoHash });

    /// <summary>True when the torrent's flags say it is paused.</summary>
    public async Task<bool> IsPausedAsync(string infoHash) =>
        (await TorrentAsync(infoHash)).GetProperty("flags").EnumerateArray().Any(flag => flag.GetString() == "paused");

    /// <summary>Gives a torrent the seeder as a peer, as an operator's tracker would.</summary>
    public Task AddPeerAsync(string infoHash, LoopbackSeeder seeder) =>
        ResultAsync("torrents.peers.add", new { info_hash = infoHash, peers = new[] { new object[] { "127.0.0.1", seeder.Port } } });

    public void Dispose() => _rpc.Dispose();
}
