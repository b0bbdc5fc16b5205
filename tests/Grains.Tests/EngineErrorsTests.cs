using TorrentCluster.Abstractions.Errors;
using TorrentCluster.Engine;
using TorrentCluster.Grains.Torrents;
using Xunit;

namespace TorrentCluster.Grains.Tests;

/// <summary>
/// The engine's exception types to the cluster's error codes: the grains' one translation, row by row. Most rows
/// cannot be provoked on demand from a real libtorrent (a session that fails to pause), so the table is tested here.
/// </summary>
public sealed class EngineErrorsTests
{
    private static readonly string Hash = new('a', 40);

    public static TheoryData<Type, ClusterErrorCode> Rows => new()
    {
        { typeof(DuplicateTorrentException), ClusterErrorCode.TorrentExists },
        { typeof(InvalidTorrentException), ClusterErrorCode.InvalidTorrent },
        { typeof(InvalidMagnetException), ClusterErrorCode.InvalidMagnet },
        { typeof(TorrentNotFoundException), ClusterErrorCode.TorrentNotFound },
        { typeof(NoMetadataException), ClusterErrorCode.NoMetadata },
        { typeof(EngineArgumentException), ClusterErrorCode.InvalidArgument },
        { typeof(UnknownSettingException), ClusterErrorCode.InvalidArgument },
        { typeof(ReservedSettingException), ClusterErrorCode.InvalidArgument },
        { typeof(InvalidResumeDataException), ClusterErrorCode.EngineFailure },
        { typeof(EngineIOException), ClusterErrorCode.EngineFailure },
        { typeof(TorrentEngineException), ClusterErrorCode.EngineFailure },
    };

    [Fact]
    public void Every_engine_exception_type_has_a_row_in_the_table_above()
    {
        var engineTypes = typeof(TorrentEngineException).Assembly.GetExportedTypes()
            .Where(type => typeof(TorrentEngineException).IsAssignableFrom(type) && !type.IsAbstract);

        Assert.Equal(engineTypes.Select(type => type.Name).Order(), Rows.Select(row => ((Type)row[0]).Name).Order());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_engine_failure_of_a_torrent_is_its_cluster_error(Type engineException, ClusterErrorCode expected)
    {
        var thrown = EngineFailure(engineException);

        var error = Assert.Throws<TorrentClusterException>(() => EngineErrors.Call(Hash, () => throw thrown));

        Assert.Equal(expected, error.Code);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void An_engine_failure_of_the_session_is_its_cluster_error_in_the_engines_words(Type engineException, ClusterErrorCode expected)
    {
        var thrown = EngineFailure(engineException);

        var error = Assert.Throws<TorrentClusterException>(() => EngineErrors.CallSession(() => throw thrown));

        Assert.Equal(expected, error.Code);
        Assert.Contains(thrown.Message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_that_fails_to_pause_is_an_engine_failure_not_an_internal_error()
    {
        // What SiloGrain's pause and resume hand to EngineErrors: the gateway answers EngineFailure with -5.
        void Pause() => throw new TorrentEngineException("libtorrent could not pause");

        var error = Assert.Throws<TorrentClusterException>(() => EngineErrors.CallSession(Pause));

        Assert.Equal(ClusterErrorCode.EngineFailure, error.Code);
        Assert.Equal("libtorrent could not pause", error.Message);
    }

    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(ArgumentNullException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    public void An_argument_the_engine_refuses_before_libtorrent_is_an_invalid_argument(Type refusal)
    {
        var thrown = (Exception)Activator.CreateInstance(refusal, "limit", "a limit is 0 or more")!;

        var error = Assert.Throws<TorrentClusterException>(() => EngineErrors.Call(Hash, () => throw thrown));

        Assert.Equal(ClusterErrorCode.InvalidArgument, error.Code);
    }

    [Fact]
    public async Task An_asynchronous_engine_call_is_translated_the_same_way()
    {
        var error = await Assert.ThrowsAsync<TorrentClusterException>(() =>
            EngineErrors.CallAsync<int>(Hash, () => Task.FromException<int>(new DuplicateTorrentException("in the session already"))));

        Assert.Equal(ClusterErrorCode.TorrentExists, error.Code);
        Assert.Contains(Hash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_that_is_not_the_engines_is_not_translated()
    {
        // A bug in the grain stays a bug (logged and answered -32603), not disguised as an engine failure.
        Assert.Throws<InvalidOperationException>(() => EngineErrors.Call(Hash, () => throw new InvalidOperationException("a bug")));
    }

    private static TorrentEngineException EngineFailure(Type type) =>
        (TorrentEngineException)Activator.CreateInstance(type, $"the engine says {type.Name}")!;
}
