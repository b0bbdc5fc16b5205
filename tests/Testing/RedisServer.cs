using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TorrentCluster.Testing;

/// <summary>A real redis-server on 127.0.0.1 (or a test network's address) and a free port, append-only file on, data in its own folder.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly HostPlacement _placement;
    private ExternalProcess _process;

    private RedisServer(TempDirectory data, HostPlacement placement, int port)
    {
        _data = data;
        _placement = placement;
        Port = port;
        _process = Launch();
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"{_placement.Address}:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync(HostPlacement? placement = null)
    {
        var server = new RedisServer(new TempDirectory(), placement ?? HostPlacement.Loopback, FreePort.Next());
        try
        {
            await server.WaitUntilAnsweringAsync();
        }
        catch
        {
            // Nobody else holds it yet: stop it here, or it outlives the test.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server (SIGTERM, by process id), as an outage would.</summary>
    public Task StopAsync() => _process.TerminateAsync(TimeSpan.FromSeconds(20));

    /// <summary>Kills the server at once (SIGKILL), as a crash would: only what its append-only file holds survives.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Starts the server again on the same port with the same data (its append-only file).</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = Launch();
        await WaitUntilAnsweringAsync();
    }

    // Redis writes the append-only file before it answers, so a kill -9 of the server loses no answered write
    // (appendfsync everysec, the default, only bounds what an operating system crash may lose). Without a password
    // Redis answers only loopback clients unless protected mode is off: tests on a namespace network turn it off.
    private ExternalProcess Launch() => ExternalProcess.Start(
        "redis-server",
        ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", _placement.Address, "--appendonly", "yes", "--dir", _data.Path, "--save", "",
            "--protected-mode", _placement.NetworkNamespace is null ? "yes" : "no"],
        package: "redis-server",
        networkNamespace: _placement.NetworkNamespace);

    private Task WaitUntilAnsweringAsync() =>
        Eventually.Until(AnswersAsync, TimeSpan.FromSeconds(20), $"redis-server to answer; it says:\n{_process.Output}");

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _data.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Parse(_placement.Address), Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
