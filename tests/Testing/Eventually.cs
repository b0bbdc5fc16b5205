namespace TorrentCluster.Testing;

/// <summary>Waits for a condition to hold, with a deadline and a message that says what was awaited.</summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                last = exception;
            }

            await Task.Delay(Interval);
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}" + (last is null ? string.Empty : $"; last error: {last.Message}"), last);
    }

    public static Task Until(Func<bool> condition, TimeSpan timeout, string what) =>
        Until(() => Task.FromResult(condition()), timeout, what);
}
