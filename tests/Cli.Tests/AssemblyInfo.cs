using Xunit;

// The process tests share one host and start tcctl many times: one at a time, so a two-core machine keeps up.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
