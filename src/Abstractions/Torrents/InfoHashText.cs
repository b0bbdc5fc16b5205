namespace TorrentCluster.Abstractions.Torrents;

/// <summary>
/// Validation and normalisation of info-hash text: 40 hex characters for v1 (SHA-1), 64 for v2 (SHA-256).
/// </summary>
public static class InfoHashText
{
    /// <summary>Length of a v1 (SHA-1) info-hash in hex characters.</summary>
    public const int V1Length = 40;

    /// <summary>Length of a v2 (SHA-256) info-hash in hex characters.</summary>
    public const int V2Length = 64;

    /// <summary>
    /// Normalises <paramref name="text"/> to lowercase hex, or explains why it is not an info-hash.
    /// </summary>
    public static bool TryNormalize(string? text, out string normalized, out string? error)
    {
        normalized = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            error = "an info-hash must be 40 (v1) or 64 (v2) hexadecimal characters, got an empty value";
            return false;
        }

        if (text.Length is not (V1Length or V2Length))
        {
            error = $"an info-hash must be 40 (v1) or 64 (v2) hexadecimal characters, got {text.Length}";
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                error = $"an info-hash must be 40 (v1) or 64 (v2) hexadecimal characters, '{c}' is not one";
                return false;
            }
        }

        normalized = text.ToLowerInvariant();
        error = null;
        return true;
    }

    /// <summary>True when <paramref name="hex"/> is a normalised v1 hash (40 characters).</summary>
    public static bool IsV1(string hex) => hex.Length == V1Length;
}
