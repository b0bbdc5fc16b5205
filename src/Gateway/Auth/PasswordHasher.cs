using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Argon2id password hashes in the PHC string format (<c>$argon2id$v=19$m=..,t=..,p=1$salt$hash</c>), the format
/// Porla's libsodium writes. The parameters travel inside each hash, so changing the options later only affects
/// new hashes. At most <see cref="AuthOptions.MaxConcurrentHashes"/> hashes run at once, on the thread pool;
/// callers beyond them queue (bounded in number and time) and are then refused as busy.
/// </summary>
public sealed class PasswordHasher : IDisposable
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly AuthOptions _options;
    private readonly ConcurrencyLimiter _slots;

    public PasswordHasher(IOptions<AuthOptions> options)
    {
        _options = options.Value;
        _slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _options.MaxConcurrentHashes,
            QueueLimit = _options.HashQueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A new hash of <paramref name="password"/> with a random salt.</summary>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        RunLimitedAsync(() =>
        {
            var salt = RandomNumberGenerator.GetBytes(SaltBytes);
            var hash = Compute(password, salt, _options.Argon2MemoryKiB, _options.Argon2Iterations, HashBytes);
            return string.Create(CultureInfo.InvariantCulture,
                $"$argon2id$v=19$m={_options.Argon2MemoryKiB},t={_options.Argon2Iterations},p=1${Unpadded(salt)}${Unpadded(hash)}");
        }, cancellationToken);

    /// <summary>True when <paramref name="password"/> matches; false for a wrong password or a malformed hash.</summary>
    public Task<bool> VerifyAsync(string password, string encoded, CancellationToken cancellationToken) =>
        RunLimitedAsync(() => Verify(password, encoded), cancellationToken);

    public void Dispose() => _slots.Dispose();

    private async Task<T> RunLimitedAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(_options.HashWaitTimeout);
        RateLimitLease lease;
        try
        {
            lease = await _slots.AcquireAsync(1, waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Busy($"no password-hashing slot came free within {_options.HashWaitTimeout.TotalSeconds:0.#} s");
        }

        using (lease)
        {
            if (!lease.IsAcquired)
            {
                throw Busy($"{_options.MaxConcurrentHashes} password hashes are running and {_options.HashQueueLimit} more are waiting");
            }

            return await Task.Run(work, CancellationToken.None);
        }
    }

    private static JsonRpcException Busy(string detail) =>
        new(JsonRpcErrorCodes.Busy, "Server busy", $"{detail}; try again in a moment") { RetryAfter = TimeSpan.FromSeconds(1) };

    private static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts is not [_, "argon2id", "v=19", var parameters, var salt64, var hash64])
        {
            return false;
        }

        var settings = parameters.Split(',').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
        if (!int.TryParse(settings.GetValueOrDefault("m"), CultureInfo.InvariantCulture, out var memory)
            || !int.TryParse(settings.GetValueOrDefault("t"), CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var salt = Padded(salt64);
        var expected = Padded(hash64);
        var actual = Compute(password, salt, memory, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = 1,
        };
        return argon.GetBytes(length);
    }

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Padded(string text) => Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}
