using TorrentCluster.Cli.Rendering;
using Xunit;

namespace TorrentCluster.Cli.Tests;

/// <summary>Sizes as tcctl prints them: binary units, and "--" for the API's unknown size (-1).</summary>
public sealed class UnitsTests
{
    [Theory]
    [InlineData(-1, "--")]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(64L * 1024 * 1024, "64.0 MiB")]
    public void Sizes_read_in_binary_units(long bytes, string expected) => Assert.Equal(expected, Units.Bytes(bytes));
}
