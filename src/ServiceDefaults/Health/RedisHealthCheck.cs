using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TorrentCluster.ServiceDefaults.Health;

/// <summary>
/// Ready only while Redis answers a PING within two seconds. One connection for the process's life, which
/// reconnects by itself when Redis returns.
/// </summary>
public sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() =>
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var redis = await _connection.Value.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis does not answer: {exception.Message}");
        }
    }

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }
}
