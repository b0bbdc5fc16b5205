using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using TorrentCluster.Abstractions.Events;
using TorrentCluster.Gateway.Cluster;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.Telemetry;

namespace TorrentCluster.Gateway.Events;

/// <summary>
/// The gateway's event clients and the one subscription to the fleet that serves them all. The first client
/// starts the subscription, the last one to leave ends it, so a gateway without clients costs the silos nothing;
/// each silo event is formatted once and offered to every client's bounded buffer.
/// </summary>
public sealed partial class FleetEventHub : IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly SiloDirectory _silos;
    private readonly EventsOptions _options;
    private readonly TimeSpan _answerTimeout;
    private readonly ILogger<FleetEventHub> _logger;
    private readonly Counter<long> _dropped;
    private readonly Lock _gate = new();
    private EventClient[] _clients = [];
    private FleetSubscription? _subscription;
    private Task _ending = Task.CompletedTask;

    public FleetEventHub(
        IGrainFactory grains,
        SiloDirectory silos,
        IOptions<EventsOptions> options,
        IOptions<GatewayOptions> gateway,
        IMeterFactory meters,
        ILogger<FleetEventHub> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(meters);
        _grains = grains;
        _silos = silos;
        _options = options.Value;
        _answerTimeout = gateway.Value.SiloAnswerTimeout;
        _logger = logger;
        var meter = meters.Create(RpcTelemetry.MeterName);
        meter.CreateObservableGauge("torrentcluster.events.clients", () => ClientCount, description: "Clients of the gateway's event stream");
        _dropped = meter.CreateCounter<long>("torrentcluster.events.client.dropped",
            description: "Events not sent to a client of the event stream because its buffer was full");
    }

    /// <summary>Clients streaming now.</summary>
    public int ClientCount => Volatile.Read(ref _clients).Length;

    /// <summary>A new client, or null when <see cref="EventsOptions.MaxClients"/> are streaming already.</summary>
    public EventClient? TryJoin()
    {
        lock (_gate)
        {
            if (_clients.Length >= _options.MaxClients)
            {
                return null;
            }

            _subscription ??= new FleetSubscription(_grains, _silos, Deliver, _answerTimeout, _logger);
            var client = new EventClient(_options.ClientBuffer, _subscription.FirstRound);
            Volatile.Write(ref _clients, [.. _clients, client]);
            return client;
        }
    }

    /// <summary>Lets go of a client; the last one out ends the subscription.</summary>
    public void Leave(EventClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Complete();
        lock (_gate)
        {
            Volatile.Write(ref _clients, [.. _clients.Where(other => !ReferenceEquals(other, client))]);
            if (_clients.Length > 0 || _subscription is not { } ended)
            {
                return;
            }

            _subscription = null;
            _ending = EndAsync(_ending, ended);
        }
    }

    public async ValueTask DisposeAsync()
    {
        FleetSubscription? subscription;
        Task ending;
        lock (_gate)
        {
            (subscription, _subscription, ending) = (_subscription, null, _ending);
        }

        await (subscription is null ? ending : EndAsync(ending, subscription));
    }

    private void Deliver(TorrentEventBatch batch)
    {
        var clients = Volatile.Read(ref _clients);
        if (clients.Length == 0)
        {
            return;
        }

        foreach (var torrentEvent in batch.Events)
        {
            var formatted = PorlaEventFormat.Format(batch.Silo, torrentEvent);
            foreach (var client in clients)
            {
                if (!client.Offer(formatted))
                {
                    _dropped.Add(1);
                }
            }
        }
    }

    // Ends run one after another, so a quick leave-join-leave never has two unsubscriptions racing.
    private async Task EndAsync(Task previous, FleetSubscription subscription)
    {
        await previous;
        try
        {
            await subscription.DisposeAsync();
        }
        catch (Exception exception) when (exception is TimeoutException or OrleansException or InvalidOperationException or ObjectDisposedException)
        {
            // The silos let its leases lapse instead.
            LogEndFailed(exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events: ending the fleet subscription failed: {Reason}")]
    private partial void LogEndFailed(string reason);
}
