using TorrentCluster.Engine.Interop;
using Xunit;

namespace TorrentCluster.Engine.Tests;

/// <summary>The shim's status codes to the engine's exception types: the one table of it, row by row.</summary>
public sealed class NativeErrorsTests
{
    // TcStatus is internal, so rows carry its number; the test below checks they name every value.
    public static TheoryData<int, Type> Rows => new()
    {
        { (int)TcStatus.InvalidArgument, typeof(EngineArgumentException) },
        { (int)TcStatus.InvalidTorrent, typeof(InvalidTorrentException) },
        { (int)TcStatus.InvalidMagnet, typeof(InvalidMagnetException) },
        { (int)TcStatus.Duplicate, typeof(DuplicateTorrentException) },
        { (int)TcStatus.InvalidHandle, typeof(TorrentNotFoundException) },
        { (int)TcStatus.InvalidResume, typeof(InvalidResumeDataException) },
        { (int)TcStatus.UnknownSetting, typeof(UnknownSettingException) },
        { (int)TcStatus.IO, typeof(EngineIOException) },
        { (int)TcStatus.NoMetadata, typeof(NoMetadataException) },
        { (int)TcStatus.Internal, typeof(TorrentEngineException) },
    };

    [Fact]
    public void Every_failure_status_has_a_row_in_the_table_above() =>
        Assert.Equal(
            Enum.GetValues<TcStatus>().Where(status => status != TcStatus.Ok).Select(status => (int)status).Order(),
            Rows.Select(row => (int)row[0]).Order());

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_failure_status_is_its_engine_exception_with_the_shims_message(int status, Type expected)
    {
        var exception = NativeErrors.ToException((TcStatus)status, "the shim's words");

        Assert.Equal(expected, exception.GetType());
        Assert.Equal("the shim's words", exception.Message);
    }

    [Fact]
    public void A_status_this_build_does_not_know_is_an_engine_failure_not_a_crash()
    {
        var exception = NativeErrors.ToException((TcStatus)42, "from a newer shim");

        Assert.Equal(typeof(TorrentEngineException), exception.GetType());
    }

    [Fact]
    public void A_duplicate_or_missing_torrent_is_named_by_its_info_hash_when_known()
    {
        var hash = new string('a', 40);

        Assert.Contains(hash, NativeErrors.ToException(TcStatus.Duplicate, "duplicate", hash).Message, StringComparison.Ordinal);
        Assert.Contains(hash, NativeErrors.ToException(TcStatus.InvalidHandle, "invalid handle", hash).Message, StringComparison.Ordinal);
    }
}
