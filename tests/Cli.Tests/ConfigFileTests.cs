using TorrentCluster.Cli.Config;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cli.Tests;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ConfigFileTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void A_new_config_is_created_owner_only_in_an_owner_only_folder()
    {
        using var home = new TempDirectory();
        var file = new ConfigFile(Path.Combine(home.Path, "torrentcluster", "config.json"));

        file.Save(new CliConfig().With(Context("lab")));

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file.Path));
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file.Path)!));
        Assert.Equal("token-lab", file.Load().Find("lab")!.Token);
    }

    [Fact]
    public void Saving_over_a_config_others_could_read_leaves_it_owner_only()
    {
        using var home = new TempDirectory();
        var file = new ConfigFile(Path.Combine(home.Path, "config.json"));
        File.WriteAllText(file.Path, "{}");
        File.SetUnixFileMode(file.Path, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        file.Save(new CliConfig().With(Context("lab")));

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file.Path));
        Assert.Equal(["config.json"], Directory.GetFiles(home.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Contexts_are_replaced_by_name_and_deleting_the_current_one_leaves_none_current()
    {
        var config = new CliConfig().With(Context("a")).With(Context("b")) with { CurrentContext = "b" };
        config = config.With(Context("b") with { Url = "https://b.example" });

        Assert.Equal(["a", "b"], config.Contexts.Select(context => context.Name));
        Assert.Equal("https://b.example", config.Find("b")!.Url);

        var without = config.Without("b");
        Assert.Null(without.CurrentContext);
        Assert.Null(without.Find("b"));
        Assert.Equal("b", config.Without("a").CurrentContext);
    }

    [Fact]
    public void A_missing_config_is_empty_and_a_broken_one_says_which_file()
    {
        using var home = new TempDirectory();
        var file = new ConfigFile(Path.Combine(home.Path, "config.json"));
        Assert.Empty(file.Load().Contexts);

        File.WriteAllText(file.Path, "{not json");
        var failure = Assert.Throws<CliException>(file.Load);
        Assert.Contains(file.Path, failure.Message, StringComparison.Ordinal);
    }

    private static CliContext Context(string name) => new() { Name = name, Url = $"http://127.0.0.1:1337/{name}", Username = "admin", Token = $"token-{name}" };
}
