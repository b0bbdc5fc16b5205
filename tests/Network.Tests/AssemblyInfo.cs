using Xunit;

// Each test builds its own network of namespaces and runs a whole cluster in it: one at a time, so a two-core
// machine gives each the time its timeouts assume.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
