using System.Net;
using TorrentCluster.Engine;

namespace TorrentCluster.Testing;

/// <summary>
/// A bare engine in the test process seeding generated files on 127.0.0.1, each torrent throttled so transfers
/// last long enough to look at (libtorrent does not apply session limits to peers on a local network, so the
/// limit is set per torrent).
/// </summary>
public sealed class LoopbackSeeder : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly int _uploadRateLimit;

    /// <param name="uploadRateLimit">Bytes per second per torrent; 0 for none.</param>
    /// <param name="userAgent">The client name peers see, or the engine's own.</param>
    /// <param name="address">Where to listen: 127.0.0.1 unless a test network gives another address.</param>
    public LoopbackSeeder(int uploadRateLimit, string? userAgent = null, IPAddress? address = null)
    {
        Port = FreePort.Next();
        Address = address ?? IPAddress.Loopback;
        _uploadRateLimit = uploadRateLimit;
        var options = LoopbackEngine.Options(Port);
        options.ListenInterfaces = $"{Address}:{Port}";
        if (userAgent is not null)
        {
            // Peers show it as the client's name.
            options.UserAgent = userAgent;
        }

        Engine = new TorrentEngine(options);
    }

    public TorrentEngine Engine { get; }

    public int Port { get; }

    public IPAddress Address { get; }

    public IPEndPoint Endpoint => new(Address, Port);

    /// <summary>Generates a file, makes a torrent of it and seeds it; returns the .torrent and the file's path.</summary>
    public (byte[] TorrentFile, string Path) Seed(string name, long size, int seed, TorrentVersion version = TorrentVersion.Hybrid, IReadOnlyList<string>? trackers = null)
    {
        var path = System.IO.Path.Combine(_data.Path, name);
        TestFiles.CreateRandom(path, size, seed);
        var torrentFile = TorrentCreator.Create(new CreateTorrentOptions { Path = path, Version = version, Trackers = trackers ?? [] });
        // Blocking is fine here: tests call it from their own threads, never from the engine's alert pump.
        Engine.AddAsync(new AddTorrentRequest { TorrentFile = torrentFile, SavePath = _data.Path, SeedMode = true, UploadLimit = _uploadRateLimit }).GetAwaiter().GetResult().Dispose();
        return (torrentFile, path);
    }

    public void Dispose()
    {
        Engine.Dispose();
        _data.Dispose();
    }
}
