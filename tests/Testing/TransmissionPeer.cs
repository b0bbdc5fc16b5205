using System.Globalization;

namespace TorrentCluster.Testing;

/// <summary>
/// transmission-daemon in the foreground with a configuration folder of its own, RPC and peers bound to 127.0.0.1:
/// no DHT, LPD, uTP or port mapping. Driven with transmission-remote, or through its RPC at <see cref="RpcUrl"/>.
/// </summary>
public sealed class TransmissionPeer : IAsyncDisposable
{
    private readonly ExternalProcess _daemon;
    private readonly int _rpcPort;

    private TransmissionPeer(ExternalProcess daemon, int rpcPort, int peerPort, string downloadDirectory)
    {
        _daemon = daemon;
        _rpcPort = rpcPort;
        PeerPort = peerPort;
        DownloadDirectory = downloadDirectory;
    }

    public int PeerPort { get; }

    /// <summary>Where its RPC answers: http://127.0.0.1:RpcPort/transmission/rpc, without authentication.</summary>
    public int RpcPort => _rpcPort;

    public Uri RpcUrl => new($"http://127.0.0.1:{Text(_rpcPort)}/transmission/rpc");

    public string DownloadDirectory { get; }

    public string Output => _daemon.Output;

    public static async Task<TransmissionPeer> StartAsync(string root)
    {
        var config = Path.Combine(root, "transmission-config");
        var downloads = Path.Combine(root, "transmission-downloads");
        Directory.CreateDirectory(config);
        Directory.CreateDirectory(downloads);
        var rpcPort = FreePort.Next();
        var peerPort = FreePort.Next();
        var daemon = ExternalProcess.Start(
            "transmission-daemon",
            ["-f", "-g", config, "-p", Text(rpcPort), "-r", "127.0.0.1", "-P", Text(peerPort), "-i", "127.0.0.1", "-w", downloads, "-T", "-a", "127.0.0.1",
             "-O", "-Y", "--no-utp", "-M", "--no-incomplete-dir", "--log-error"],
            package: "transmission-daemon");
        var peer = new TransmissionPeer(daemon, rpcPort, peerPort, downloads);
        await Eventually.Until(async () => await peer.RemoteAsync("-l") == 0, TimeSpan.FromSeconds(20), "transmission-daemon to answer");
        return peer;
    }

    public async Task AddAsync(string torrentPath)
    {
        var exit = await RemoteAsync("-a", torrentPath);
        if (exit != 0)
        {
            throw new InvalidOperationException($"transmission-remote could not add {torrentPath}");
        }
    }

    public async ValueTask DisposeAsync() => await _daemon.DisposeAsync();

    private async Task<int> RemoteAsync(params string[] arguments)
    {
        await using var remote = ExternalProcess.Start("transmission-remote", [$"127.0.0.1:{Text(_rpcPort)}", .. arguments], package: "transmission-cli");
        return await remote.WaitForExitAsync(TimeSpan.FromSeconds(20));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
