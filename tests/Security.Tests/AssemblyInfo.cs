using Xunit;

// Every class feeds the same host (HostileHostCollection): one at a time, so the memory each reads and the files
// each finds are its own inputs' doing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
