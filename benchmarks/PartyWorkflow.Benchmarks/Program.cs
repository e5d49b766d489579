using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(PartyWorkflow.Benchmarks.EngineBenchmarks).Assembly).Run(args);
