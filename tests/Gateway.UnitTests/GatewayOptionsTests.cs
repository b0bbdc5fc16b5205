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

    [Theory]
    [InlineData("porla")]
    [InlineData("/porla/")]
    [InlineData("/")]
    [InlineData("/{id}")]
    public void A_base_path_without_a_leading_slash_or_with_a_trailing_one_is_refused(string basePath)
    {
        using var gateway = new GatewayUnderTest(settings: new Dictionary<string, string?> { ["TorrentCluster:Gateway:BasePath"] = basePath });

        var refused = Assert.Throws<OptionsValidationException>(() => gateway.Options);
        Assert.Contains("TorrentCluster:Gateway:BasePath must be empty or start with '/'", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/porla")]
    [InlineData("/apps/porla")]
    public void An_empty_base_path_or_one_like_porla_is_taken(string basePath)
    {
        using var gateway = new GatewayUnderTest(settings: new Dictionary<string, string?> { ["TorrentCluster:Gateway:BasePath"] = basePath });

        Assert.Equal(basePath, gateway.Options.BasePath);
    }

    [Fact]
    public void A_web_ui_folder_that_is_missing_or_has_no_index_html_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("webui-options-").FullName;
        try
        {
            Assert.Contains("is not a folder", WebUiRefusal(Path.Combine(folder, "missing")), StringComparison.Ordinal);
            Assert.Contains("has no index.html", WebUiRefusal(folder), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "index.html"), "<html></html>");
            Assert.Null(WebUiRefusal(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? WebUiRefusal(string path)
    {
        using var gateway = new GatewayUnderTest(settings: new Dictionary<string, string?> { ["TorrentCluster:Gateway:WebUi:Path"] = path });
        try
        {
            _ = gateway.WebUi;
            return null;
        }
        catch (OptionsValidationException refused)
        {
            return refused.Message;
        }
    }
}
