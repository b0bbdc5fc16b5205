namespace TorrentCluster.Security.Tests.Corpus;

/// <summary>One input of a corpus: which family it belongs to, what it is (for a failure message), its bytes.</summary>
public sealed record HostileInput(string Family, string Description, byte[] Bytes)
{
    public override string ToString() => $"{Family}: {Description} ({Bytes.Length} bytes)";
}
