using Spectre.Console;

namespace TorrentCluster.Cli.Rendering;

/// <summary>The look every tcctl table shares: kubectl's: no lines, headers in capitals, three spaces between columns, cells escaped.</summary>
internal static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.None);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header).NoWrap().PadLeft(0).PadRight(3));
        }

        return table;
    }

    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow([.. cells.Select(cell => new Text(cell))]);
        return table;
    }
}
