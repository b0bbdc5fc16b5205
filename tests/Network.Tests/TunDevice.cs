using System.Runtime.InteropServices;
using System.Text;

namespace TorrentCluster.Network.Tests;

/// <summary>
/// A Linux TUN device: the kernel hands this process every IP packet routed into the device, and takes every
/// packet this process writes as if it had arrived on it. Created in this process's namespace, then moved into a
/// test namespace; the file descriptor keeps working there, and closing it removes the device.
/// </summary>
internal sealed unsafe partial class TunDevice : IDisposable
{
    private const int OpenReadWrite = 2;
    private const nuint TunSetInterface = 0x400454ca;
    private const short TunMode = 0x0001;
    private const short NoPacketInformation = 0x1000;
    private const short PollIn = 0x0001;

    private readonly int _descriptor;

    private TunDevice(string name, int descriptor)
    {
        Name = name;
        _descriptor = descriptor;
    }

    public string Name { get; }

    public static TunDevice Create(string name)
    {
        var descriptor = Open("/dev/net/tun", OpenReadWrite);
        if (descriptor < 0)
        {
            throw new InvalidOperationException($"cannot open /dev/net/tun (errno {Marshal.GetLastPInvokeError()}): the link emulator needs the tun driver and root");
        }

        var request = default(InterfaceRequest);
        var bytes = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i < bytes.Length && i < 15; i++)
        {
            request.Name[i] = bytes[i];
        }

        request.Flags = TunMode | NoPacketInformation;
        if (Ioctl(descriptor, TunSetInterface, ref request) < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            Close(descriptor);
            throw new InvalidOperationException($"TUNSETIFF {name} failed (errno {error})");
        }

        return new TunDevice(name, descriptor);
    }

    /// <summary>Reads one packet into <paramref name="buffer"/>, waiting at most <paramref name="timeoutMilliseconds"/>; 0 when none came.</summary>
    public int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        var poll = new PollDescriptor { Descriptor = _descriptor, Events = PollIn };
        if (Poll(ref poll, 1, timeoutMilliseconds) <= 0 || (poll.ReturnedEvents & PollIn) == 0)
        {
            return 0;
        }

        fixed (byte* data = buffer)
        {
            var read = ReadDescriptor(_descriptor, data, (nuint)buffer.Length);
            return read > 0 ? (int)read : 0;
        }
    }

    /// <summary>Hands one packet to the kernel as if it had arrived on the device.</summary>
    public void Write(ReadOnlySpan<byte> packet)
    {
        fixed (byte* data = packet)
        {
            // A packet the kernel refuses (the device already gone) is a lost packet, as on a real link.
            _ = WriteDescriptor(_descriptor, data, (nuint)packet.Length);
        }
    }

    public void Dispose() => Close(_descriptor);

    [StructLayout(LayoutKind.Sequential, Size = 40)]
    private struct InterfaceRequest
    {
        public fixed byte Name[16];
        public short Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int descriptor, nuint request, ref InterfaceRequest value);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollDescriptor descriptors, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadDescriptor(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteDescriptor(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int descriptor);
}
