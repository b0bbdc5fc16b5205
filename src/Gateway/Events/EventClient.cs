using System.Threading.Channels;

namespace TorrentCluster.Gateway.Events;

/// <summary>
/// One client of the event stream: the events waiting to be written to it, at most
/// <see cref="EventsOptions.ClientBuffer"/>. A client that reads slower than events come misses the newest ones;
/// it never makes the gateway hold more.
/// </summary>
public sealed class EventClient
{
    private readonly Channel<ReadOnlyMemory<byte>> _events;

    /// <param name="buffer">Most events held for the client.</param>
    /// <param name="subscribed">Done once the gateway has asked every active silo for its events.</param>
    public EventClient(int buffer, Task subscribed)
    {
        _events = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(buffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Subscribed = subscribed;
    }

    /// <summary>Done once the gateway has asked every active silo for its events (answered or not).</summary>
    public Task Subscribed { get; }

    public ChannelReader<ReadOnlyMemory<byte>> Events => _events.Reader;

    /// <summary>Queues an event; false when the client's buffer is full and the event is dropped.</summary>
    public bool Offer(ReadOnlyMemory<byte> serverSentEvent) => _events.Writer.TryWrite(serverSentEvent);

    /// <summary>No more events: the reader ends once it has read what is held.</summary>
    public void Complete() => _events.Writer.TryComplete();
}
