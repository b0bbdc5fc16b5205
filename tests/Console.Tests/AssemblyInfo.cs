using Xunit;

// Test classes here start real clusters, transfers and third-party clients: run one at a time so a two-core
// machine gives each the time its timeouts assume.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
