using Microsoft.Extensions.Options;

namespace TorrentCluster.Grains.Events;

/// <summary>Checks at start that a subscription lease can be renewed in time and that events have room to queue.</summary>
internal sealed class TorrentEventOptionsValidator : IValidateOptions<TorrentEventOptions>
{
    public ValidateOptionsResult Validate(string? name, TorrentEventOptions options)
    {
        var failures = new List<string>();
        if (options.SubscriptionLease < TimeSpan.FromSeconds(3))
        {
            failures.Add($"{TorrentEventOptions.SectionName}:SubscriptionLease must be at least 3 seconds, not {options.SubscriptionLease}");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add($"{TorrentEventOptions.SectionName}:QueueCapacity must be at least 1, not {options.QueueCapacity}");
        }

        if (options.MaxBatch < 1)
        {
            failures.Add($"{TorrentEventOptions.SectionName}:MaxBatch must be at least 1, not {options.MaxBatch}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
