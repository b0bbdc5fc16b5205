using Xunit;

// The classes feed a host of their collection's (HostileHostCollection, HostilePathHostCollection), one class at a
// time, so the memory each reads and the files each finds are its own inputs' doing.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
