// Every class shares one two-silo cluster and its engines; running them one at a time keeps the numbers they
// read (rates, counts) their own.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
