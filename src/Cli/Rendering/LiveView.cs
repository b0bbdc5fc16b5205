using Spectre.Console;
using Spectre.Console.Rendering;

namespace TorrentCluster.Cli.Rendering;

/// <summary>
/// Redraws a view every <c>interval</c> until Ctrl+C (or q, where keys can be read), at most <c>frames</c> times when
/// given. On a terminal the view is redrawn in place; elsewhere each frame is printed after the last, so a log shows
/// every one. The API is asked once per frame, never faster than the interval.
/// </summary>
internal static class LiveView
{
    private const string EnterAlternateScreen = "\u001b[?1049h\u001b[H";
    private const string LeaveAlternateScreen = "\u001b[?1049l";

    /// <param name="frame">Asks the API and draws one frame.</param>
    /// <param name="interval">The time between two frames.</param>
    /// <param name="frames">How many frames at most; null for until q or Ctrl+C.</param>
    /// <param name="cancellation">Ctrl+C.</param>
    /// <param name="fullScreen">On a terminal, draw on its alternate screen (as top and less do) and give the old one back after.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<IRenderable>> frame, TimeSpan interval, int? frames, CancellationToken cancellation, bool fullScreen = false)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var alternate = fullScreen && Terminal.IsInteractive && AnsiConsole.Profile.Capabilities.AlternateBuffer;
        if (alternate)
        {
            await Console.Out.WriteAsync(EnterAlternateScreen);
        }

        var keys = Terminal.IsInteractive ? Task.Run(() => WatchForQuit(stop), CancellationToken.None) : Task.CompletedTask;
        try
        {
            if (Terminal.IsInteractive)
            {
                await AnsiConsole.Live(new Text("loading…")).AutoClear(false).StartAsync(async live =>
                {
                    await LoopAsync(async view => { live.UpdateTarget(view); live.Refresh(); }, frame, interval, frames, stop.Token);
                });
            }
            else
            {
                await LoopAsync(async view => { AnsiConsole.Write(view); await Console.Out.FlushAsync(); }, frame, interval, frames, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            // q pressed: a normal end.
        }
        finally
        {
            await stop.CancelAsync();
            await keys;
            if (alternate)
            {
                await Console.Out.WriteAsync(LeaveAlternateScreen);
            }
        }
    }

    private static async Task LoopAsync(Func<IRenderable, Task> show, Func<CancellationToken, Task<IRenderable>> frame, TimeSpan interval, int? frames, CancellationToken cancellation)
    {
        for (var shown = 0; frames is null || shown < frames; shown++)
        {
            if (shown > 0)
            {
                await Task.Delay(interval, cancellation);
            }

            await show(await frame(cancellation));
        }
    }

    private static void WatchForQuit(CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (Console.KeyAvailable && Console.ReadKey(intercept: true).Key is ConsoleKey.Q or ConsoleKey.Escape)
            {
                stop.Cancel();
                return;
            }

            stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100));
        }
    }
}
