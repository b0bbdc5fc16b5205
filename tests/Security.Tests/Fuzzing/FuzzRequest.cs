namespace TorrentCluster.Security.Tests.Fuzzing;

/// <summary>One HTTP body the fuzzer posts, with the content type it claims and what it is (for a failure message).</summary>
public sealed record FuzzRequest(string Kind, byte[] Body, string ContentType = "application/json")
{
    /// <summary>What a failure report shows: the kind and the body's start, as text.</summary>
    public override string ToString()
    {
        var text = System.Text.Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 1500));
        return $"{Kind} ({Body.Length} bytes, {ContentType}): {text}";
    }
}
