using Microsoft.Extensions.Options;
using TorrentCluster.Gateway.Hosting;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>The gateway's settings as <c>TorrentCluster:Gateway</c> binds them, checked when the host starts.</summary>
public sealed class GatewayOptionsTests
{
    [Fact]
    public void A_silo_answers_within_five_seconds_by_default()
    {
        using var gateway = new GatewayUnderTest();

        Assert.Equal(TimeSpan.FromSeconds(5), gateway.Options.SiloAnswerTimeout);
    }

    [Fact]
    public void The_silo_answer_timeout_is_read_from_configuration()
    {
        using var gateway = new GatewayUnderTest(settings: new Dictionary<string, string?> { ["TorrentCluster:Gateway:SiloAnswerTimeout"] = "00:00:01.500" });

        Assert.Equal(TimeSpan.FromMilliseconds(1500), gateway.Options.SiloAnswerTimeout);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public void A_silo_answer_timeout_of_zero_or_less_is_refused_naming_the_setting(string timeout)
    {
        using var gateway = new GatewayUnderTest(settings: new Dictionary<string, string?> { ["TorrentCluster:Gateway:SiloAnswerTimeout"] = timeout });

        var refused = Assert.Throws<OptionsValidationException>(() => gateway.Options);
        Assert.Contains("TorrentCluster:Gateway:SiloAnswerTimeout must be more than zero", refused.Message, StringComparison.Ordinal);
    }
}
