using Spectre.Console;

namespace TorrentCluster.Cli.Rendering;

/// <summary>The look every tcctl table shares: kubectl-like, no box, headers in capitals, cells escaped.</summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header).NoWrap());
        }

        return table;
    }

    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow([.. cells.Select(cell => new Text(cell))]);
        return table;
    }
}
