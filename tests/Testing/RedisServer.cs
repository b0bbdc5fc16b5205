using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace TorrentCluster.Testing;

/// <summary>A real redis-server on 127.0.0.1 and a free port, append-only file on, data in its own folder.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private ExternalProcess _process;

    private RedisServer(ExternalProcess process, TempDirectory data, int port)
    {
        _process = process;
        _data = data;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<RedisServer> StartAsync()
    {
        var data = new TempDirectory();
        var port = FreePort.Next();
        var server = new RedisServer(Launch(port, data), data, port);
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    /// <summary>Stops the server (SIGTERM, by process id), as an outage would.</summary>
    public Task StopAsync() => _process.TerminateAsync(TimeSpan.FromSeconds(20));

    /// <summary>Starts the server again on the same port with the same data (its append-only file).</summary>
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = Launch(Port, _data);
        await WaitUntilAnsweringAsync();
    }

    private static ExternalProcess Launch(int port, TempDirectory data) => ExternalProcess.Start(
        "redis-server",
        ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--appendonly", "yes", "--dir", data.Path, "--save", ""],
        package: "redis-server");

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
            await client.ConnectAsync("127.0.0.1", Port);
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
