using System.Diagnostics;

namespace TorrentCluster.Testing;

/// <summary>
/// A program the test starts (a third-party client, a script), with its output kept for diagnostics, killed with
/// its children by process id when disposed.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private StreamWriter? _log;

    private ExternalProcess(Process process, string? logPath)
    {
        _process = process;
        _log = logPath is null ? null : new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    /// <summary>Where every line the process printed is kept, if a log file was asked for.</summary>
    public string? LogPath { get; private init; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(100));
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="program"/>; a missing program fails with the package to install. With
    /// <paramref name="networkNamespace"/>, it runs inside that Linux network namespace (<c>ip netns exec</c>, which
    /// execs the program, so the process id is the program's own).
    /// </summary>
    public static ExternalProcess Start(
        string program,
        IEnumerable<string> arguments,
        string package,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? networkNamespace = null,
        string? logPath = null)
    {
        if (networkNamespace is not null)
        {
            arguments = ["netns", "exec", networkNamespace, program, .. arguments];
            program = "ip";
        }

        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"{program} is not installed: apt-get install -y {package}", exception);
        }

        var external = new ExternalProcess(process, logPath) { LogPath = logPath };
        process.OutputDataReceived += (_, e) => external.Record(e.Data);
        process.ErrorDataReceived += (_, e) => external.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return external;
    }

    /// <summary>Sends SIGTERM, as Ctrl+C or Kubernetes would, and waits for the process to exit.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        await ProcessTable.SignalAsync(_process.Id, "TERM");
        await WaitForExitAsync(timeout);
    }

    /// <summary>Kills the process and its children at once (SIGKILL).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>The exit code, once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Waits for the process to end on its own.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_output)
        {
            _log?.Dispose();
            _log = null;
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
                if (_output.Count > 1000)
                {
                    _output.RemoveRange(0, 500);
                }

                _log?.WriteLine(line);
            }
        }
    }
}
