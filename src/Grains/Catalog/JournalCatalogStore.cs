using System.Text;

namespace TorrentCluster.Grains.Catalog;

/// <summary>
/// The catalog on local disk (the embedded default): one append-only journal per shard, a line per change, so an
/// add appends one short line whatever the shard holds. Loading a shard replays its journal and writes it back
/// compacted (aside, then renamed over it), so the journal stays as long as the shard's live entries plus the
/// changes since its grain last activated. A line cut short by a crash has no newline and is skipped.
/// </summary>
public sealed class JournalCatalogStore : ITorrentCatalogStore
{
    private const char SetMark = '+';
    private const char RemoveMark = '-';
    private const char Separator = ' ';

    private readonly string _folder;

    public JournalCatalogStore(string folder)
    {
        _folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The journal file of a shard.</summary>
    public string PathOf(int shard) => Path.Combine(_folder, $"shard-{shard:D3}.journal");

    public async Task<IReadOnlyDictionary<string, string?>> LoadAsync(int shard)
    {
        var path = PathOf(shard);
        var entries = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return entries;
        }

        var text = await File.ReadAllTextAsync(path, Encoding.UTF8).ConfigureAwait(false);
        var lines = 0;
        var end = text.LastIndexOf('\n');
        foreach (var line in text.AsSpan(0, end + 1).EnumerateLines())
        {
            if (!line.IsEmpty && Apply(line, entries))
            {
                lines++;
            }
        }

        var torn = end + 1 < text.Length;
        if (torn || lines > entries.Count)
        {
            await CompactAsync(path, entries).ConfigureAwait(false);
        }

        return entries;
    }

    public async Task ApplyAsync(int shard, IReadOnlyList<CatalogChange> changes)
    {
        var lines = new StringBuilder();
        foreach (var change in changes)
        {
            AppendLine(lines, change);
        }

        await using var journal = new FileStream(PathOf(shard), FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        await journal.WriteAsync(Encoding.UTF8.GetBytes(lines.ToString())).ConfigureAwait(false);
    }

    private static async Task CompactAsync(string path, Dictionary<string, string?> entries)
    {
        var lines = new StringBuilder();
        foreach (var (infoHash, home) in entries)
        {
            AppendLine(lines, CatalogChange.Set(infoHash, home));
        }

        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, lines.ToString(), Encoding.UTF8).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    // Both fields are escaped, so neither a space nor a newline in a silo's name can split or forge a line.
    private static void AppendLine(StringBuilder lines, CatalogChange change)
    {
        lines.Append(change.Removed ? RemoveMark : SetMark).Append(Uri.EscapeDataString(change.InfoHash));
        if (!change.Removed && change.HomeSilo is not null)
        {
            lines.Append(Separator).Append(Uri.EscapeDataString(change.HomeSilo));
        }

        lines.Append('\n');
    }

    private static bool Apply(ReadOnlySpan<char> line, Dictionary<string, string?> entries)
    {
        var body = line[1..];
        var separator = body.IndexOf(Separator);
        var infoHash = Uri.UnescapeDataString(separator < 0 ? body : body[..separator]);
        switch (line[0])
        {
            case SetMark:
                entries[infoHash] = separator < 0 ? null : Uri.UnescapeDataString(body[(separator + 1)..]);
                return true;
            case RemoveMark:
                entries.Remove(infoHash);
                return true;
            default:
                return false;
        }
    }
}
