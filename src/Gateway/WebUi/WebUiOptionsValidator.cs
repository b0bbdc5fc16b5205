using Microsoft.Extensions.Options;

namespace TorrentCluster.Gateway.WebUi;

/// <summary>Refuses to start with a UI folder that is not there, or is not a built UI, rather than answer 404 to every page.</summary>
internal sealed class WebUiOptionsValidator : IValidateOptions<WebUiOptions>
{
    public ValidateOptionsResult Validate(string? name, WebUiOptions options)
    {
        if (options.Path is not { } path)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Directory.Exists(path))
        {
            return ValidateOptionsResult.Fail($"{WebUiOptions.SectionName}:Path is not a folder: '{path}'");
        }

        return File.Exists(System.IO.Path.Combine(path, WebUiFiles.IndexFile))
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{WebUiOptions.SectionName}:Path has no {WebUiFiles.IndexFile}: '{path}' (build the UI into it first)");
    }
}
