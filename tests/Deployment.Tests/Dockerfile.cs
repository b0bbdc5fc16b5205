namespace TorrentCluster.Deployment.Tests;

/// <summary>
/// A Dockerfile read as its instructions, stage by stage: continuation lines joined, comments dropped. Enough to
/// check what the file promises (base images, packages, exposed ports, user); building it needs a Docker engine.
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(string path, List<Stage> stages)
    {
        Path = path;
        Stages = stages;
    }

    public string Path { get; }

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The last stage: what the image runs.</summary>
    public Stage Runtime => Stages[^1];

    public static Dockerfile Load(string relativePath)
    {
        var stages = new List<Stage>();
        foreach (var line in LogicalLines(RepositoryFiles.Read(relativePath)))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new Instruction(line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
            if (instruction.Keyword == "FROM")
            {
                stages.Add(new Stage(instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], []));
            }

            Assert.True(stages.Count > 0, $"{relativePath}: {instruction.Keyword} before FROM");
            stages[^1].Instructions.Add(instruction);
        }

        return new Dockerfile(relativePath, stages);
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            if (current.Trim().Length > 0)
            {
                yield return current.Trim();
            }

            current = "";
        }
    }
}

internal sealed record Instruction(string Keyword, string Arguments);

internal sealed record Stage(string BaseImage, List<Instruction> Instructions)
{
    public IEnumerable<string> Arguments(string keyword) =>
        Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>EXPOSE entries as "port/protocol", the protocol defaulting to tcp as Docker's does.</summary>
    public HashSet<string> ExposedPorts =>
        Arguments("EXPOSE")
            .SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Contains('/', StringComparison.Ordinal) ? p.ToLowerInvariant() : p + "/tcp")
            .ToHashSet();

    /// <summary>ENV values in KEY=value form (quotes removed; the legacy `ENV KEY value` form is not used here).</summary>
    public Dictionary<string, string> Environment =>
        Arguments("ENV")
            .SelectMany(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1].Trim('"') : "");

    public string AllRunCommands => string.Join('\n', Arguments("RUN"));
}
