using System.Text;
using TorrentCluster.Abstractions.Events;
using TorrentCluster.Abstractions.Torrents;
using TorrentCluster.Gateway.Events;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>The bytes a client of <c>GET /api/v1/events</c> reads, and what a client too slow to read them costs.</summary>
public sealed class EventStreamFormatTests
{
    private const string V1 = "0123456789abcdef0123456789abcdef01234567";
    private const string V2 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(TorrentEventKind.Added, "torrent_added")]
    [InlineData(TorrentEventKind.Removed, "torrent_removed")]
    [InlineData(TorrentEventKind.Paused, "torrent_paused")]
    [InlineData(TorrentEventKind.Resumed, "torrent_resumed")]
    [InlineData(TorrentEventKind.Finished, "torrent_finished")]
    public void A_torrent_event_is_Porlas_event_with_the_silo_as_session(TorrentEventKind kind, string name)
    {
        var formatted = PorlaEventFormat.Format("silo-1", new TorrentEvent(kind, [new InfoHashPair(V1, null)]));

        Assert.Equal($"event: {name}\ndata: {{\"info_hash\":[\"{V1}\",null],\"session\":\"silo-1\"}}\n\n", Encoding.UTF8.GetString(formatted.Span));
    }

    [Fact]
    public void A_state_update_names_every_torrent_of_the_silos_status_update()
    {
        var formatted = PorlaEventFormat.Format("silo-0", new TorrentEvent(TorrentEventKind.StateUpdate, [new InfoHashPair(V1, V2), new InfoHashPair(null, V2)]));

        Assert.Equal($"event: state_update\ndata: {{\"info_hashes\":[[\"{V1}\",\"{V2}\"],[null,\"{V2}\"]],\"session\":\"silo-0\"}}\n\n",
            Encoding.UTF8.GetString(formatted.Span));
    }

    [Fact]
    public void A_silo_name_with_a_line_break_stays_inside_one_data_line()
    {
        var formatted = Encoding.UTF8.GetString(PorlaEventFormat.Format("a\nb", new TorrentEvent(TorrentEventKind.Paused, [new InfoHashPair(V1, null)])).Span);

        Assert.Equal(3, formatted.Split('\n').Length - 1);
        Assert.Contains("\"session\":\"a\\nb\"", formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_client_that_does_not_read_holds_its_buffer_and_no_more()
    {
        var client = new EventClient(buffer: 3, Task.CompletedTask);
        var offered = Enumerable.Range(0, 10).Select(index => client.Offer(new byte[] { (byte)index })).ToList();

        Assert.Equal([true, true, true, false, false, false, false, false, false, false], offered);
        Assert.Equal(3, client.Events.Count);

        // Reading makes room again, and what was held is the oldest.
        Assert.True(client.Events.TryRead(out var first));
        Assert.Equal(0, first.Span[0]);
        Assert.True(client.Offer(new byte[] { 10 }));
        Assert.False(client.Offer(new byte[] { 11 }));
    }

    [Fact]
    public async Task A_completed_client_ends_its_reader_after_what_it_holds()
    {
        var client = new EventClient(buffer: 3, Task.CompletedTask);
        Assert.True(client.Offer(new byte[] { 1 }));
        client.Complete();

        Assert.False(client.Offer(new byte[] { 2 }));
        Assert.True(await client.Events.WaitToReadAsync());
        Assert.True(client.Events.TryRead(out _));
        Assert.False(await client.Events.WaitToReadAsync());
    }
}
