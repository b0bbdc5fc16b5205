using System.Runtime.InteropServices;

namespace TorrentCluster.Engine.Interop;

/// <summary>
/// The one place where a failed native call becomes one of the engine's exception types: the shim's status codes
/// are the engine's error vocabulary at the native boundary, its exception types everywhere above it.
/// </summary>
internal static unsafe class NativeErrors
{
    public static void ThrowIfFailed(TcStatus status, TcError* error, string? infoHash = null)
    {
        if (status == TcStatus.Ok)
        {
            return;
        }

        throw ToException(status, Marshal.PtrToStringUTF8((nint)error->Message) ?? status.ToString(), infoHash);
    }

    public static TorrentEngineException ToException(TcStatus status, string message, string? infoHash = null) =>
        status switch
        {
            TcStatus.InvalidArgument => new EngineArgumentException(message),
            TcStatus.InvalidTorrent => new InvalidTorrentException(message),
            TcStatus.InvalidMagnet => new InvalidMagnetException(message),
            TcStatus.Duplicate => new DuplicateTorrentException(infoHash is null ? message : $"torrent {infoHash} is in the session already"),
            TcStatus.InvalidHandle => new TorrentNotFoundException(infoHash is null ? message : $"torrent {infoHash} is not in the session"),
            TcStatus.InvalidResume => new InvalidResumeDataException(message),
            TcStatus.UnknownSetting => new UnknownSettingException(message),
            TcStatus.IO => new EngineIOException(message),
            TcStatus.NoMetadata => new NoMetadataException(message),
            _ => new TorrentEngineException(message),
        };
}
