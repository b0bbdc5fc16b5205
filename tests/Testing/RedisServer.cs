using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace TorrentCluster.Testing;

/// <summary>
/// A real redis-server on 127.0.0.1 (or a test network's address) and a free port, append-only file on, data in its
/// own folder; with a password (requirepass) when given one, as every shipped configuration runs it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly TempDirectory _data;
    private readonly HostPlacement _placement;
    private ExternalProcess _process;

    private RedisServer(TempDirectory data, HostPlacement placement, int port, string? password)
    {
        _data = data;
        _placement = placement;
        Port = port;
        Password = password;
        _process = Launch();
    }

    public int Port { get; }

    /// <summary>The password Redis demands, or null when it demands none.</summary>
    public string? Password { get; }

    /// <summary>Where Redis listens, as a StackExchange.Redis connection string without the password.</summary>
    public string Endpoint => $"{_placement.Address}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A StackExchange.Redis connection string, with the password when there is one.</summary>
    public string ConnectionString => Password is null ? Endpoint : $"{Endpoint},password={Password}";

    /// <summary>A random password, as the shipped configurations generate one.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static async Task<RedisServer> StartAsync(HostPlacement? placement = null, string? password = null)
    {
        var server = new RedisServer(new TempDirectory(), placement ?? HostPlacement.Loopback, FreePort.Next(), password);
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

    // appendfsync always, as every shipped configuration runs it: Redis then writes and fsyncs the append-only file
    // before it answers, so a kill -9 loses no answered write. Under everysec (Redis's default) a write is put off,
    // answered and kept only in memory for up to 2 s while the previous second's fsync is still running on a busy
    // disk: a kill -9 then lost all but the first of 5,001 answered HSETs (CatalogStoreTests). Without a password
    // Redis answers only loopback clients unless protected mode is off: tests on a namespace network turn it off.
    // The password goes in a configuration file, not on the command line, where any local user's ps would read it.
    private ExternalProcess Launch() => ExternalProcess.Start(
        "redis-server",
        [ConfigurationFile(), "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", _placement.Address, "--appendonly", "yes", "--appendfsync", "always", "--dir", _data.Path, "--save", "",
            "--protected-mode", _placement.NetworkNamespace is null ? "yes" : "no"],
        package: "redis-server",
        networkNamespace: _placement.NetworkNamespace);

    private string ConfigurationFile()
    {
        var path = Path.Combine(_data.Path, "redis.conf");
        File.WriteAllText(path, Password is null ? "" : $"requirepass {Password}\n");
        return path;
    }

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
            // With a password, AUTH first: Redis answers a PING before it with -NOAUTH.
            var command = Password is null ? "PING\r\n" : $"AUTH {Password}\r\nPING\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command));
            var answer = new StringBuilder();
            var buffer = new byte[64];
            while (!answer.ToString().Contains("+PONG", StringComparison.Ordinal) && answer.Length < 256)
            {
                var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(2));
                if (read == 0)
                {
                    break;
                }

                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return answer.ToString().Contains("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
