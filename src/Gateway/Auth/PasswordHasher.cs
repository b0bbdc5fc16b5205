using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.Auth;

/// <summary>
/// Argon2id password hashes in the PHC string format (<c>$argon2id$v=19$m=..,t=..,p=1$salt$hash</c>), the format
/// Porla's libsodium writes. The parameters travel inside each hash, so changing the options later only affects
/// new hashes.
/// </summary>
public sealed class PasswordHasher(IOptions<AuthOptions> options)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var memory = options.Value.Argon2MemoryKiB;
        var iterations = options.Value.Argon2Iterations;
        var hash = Compute(password, salt, memory, iterations, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={memory},t={iterations},p=1${Unpadded(salt)}${Unpadded(hash)}");
    }

    /// <summary>True when <paramref name="password"/> matches; false for a wrong password or a malformed hash.</summary>
    public static bool Verify(string password, string encoded)
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
