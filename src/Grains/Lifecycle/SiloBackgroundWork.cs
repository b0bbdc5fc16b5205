namespace TorrentCluster.Grains.Lifecycle;

/// <summary>
/// Work a silo service runs in the background from the silo's Active stage until the silo stops: started without
/// holding up the silo's start, cancelled at stop and awaited there, so the work never outlives the silo.
/// </summary>
internal sealed class SiloBackgroundWork : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _work = Task.CompletedTask;

    /// <summary>Runs <paramref name="run"/> at the Active stage, with a token cancelled when the silo stops.</summary>
    public void Subscribe(ISiloLifecycle lifecycle, string name, Func<CancellationToken, Task> run) =>
        lifecycle.Subscribe(name, ServiceLifecycleStage.Active, _ => Start(run), _ => StopAsync());

    public void Dispose() => _stopping.Dispose();

    private Task Start(Func<CancellationToken, Task> run)
    {
        _work = Task.Run(() => run(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _work.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
