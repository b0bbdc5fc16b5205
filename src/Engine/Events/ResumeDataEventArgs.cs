namespace TorrentCluster.Engine;

/// <summary>Resume data of a torrent, ready to be stored and passed back in <see cref="AddTorrentRequest.ResumeData"/>.</summary>
public sealed class ResumeDataEventArgs(InfoHashes infoHashes, byte[] data) : TorrentEventArgs(infoHashes)
{
    /// <summary>The bencoded resume data, including the info dictionary.</summary>
#pragma warning disable CA1819 // A copy owned by the receiver: handing out the array is the point.
    public byte[] Data { get; } = data;
#pragma warning restore CA1819
}
