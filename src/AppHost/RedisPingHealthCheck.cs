using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TorrentCluster.AppHost;

/// <summary>Healthy once redis-server answers PING: silos start only then, as Orleans' Redis providers need it.</summary>
internal sealed class RedisPingHealthCheck(string host, int port, string password) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var stream = client.GetStream();
            // AUTH first: without it Redis answers -NOAUTH. Both replies may come in one read or two.
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"), cancellationToken).ConfigureAwait(false);
            var answer = "";
            var buffer = new byte[64];
            while (answer.Split("\r\n").Length < 3 && answer.Length < 256)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                answer += Encoding.ASCII.GetString(buffer, 0, read);
            }

            return answer.Contains("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"redis-server answered {answer.Trim()}");
        }
        catch (SocketException exception)
        {
            return HealthCheckResult.Unhealthy("redis-server does not answer", exception);
        }
    }
}
