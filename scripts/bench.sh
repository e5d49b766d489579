#!/usr/bin/env bash
# Benchmarks, outside the test command.
# Usage: scripts/bench.sh [--quick] [--load-only | --registry-only] [--foreground] [--server PartyWorkflow.Server.dll]
#   1. BenchmarkDotNet: one engine decision with its rules against a bare Stateless configure-and-fire
#      (their ratio is the "Ratio" column). --quick uses BenchmarkDotNet's short job (about a minute).
#      --load-only skips it.
#   2. The load driver (benchmarks/PartyWorkflow.LoadDriver): the Release server over HTTP against a
#      throwaway PostgreSQL 15, with pgbench on the same cluster as the yardstick, at 1, 8 and 16
#      clients; then the server's memory after many actions, and its cold start on PostgreSQL and
#      SQLite. --server runs another build (say, an earlier commit's, built in a git worktree).
#      --load-only runs this step alone.
#   3. The registry (the load driver's --registry, on a throwaway PostgreSQL of its own): a 10,000-row
#      survey imported over HTTP (created, then unchanged), and the coverage report over 100,000 units
#      seeded in bulk against the same counts in one SQL query; it fails when their counts differ.
#      --registry-only runs this step alone, in this shell (under a minute; 3 import rounds and 20
#      report calls, or 1 and 5 with --quick).
# The full run (3 rounds of 15 s windows, 200k actions for memory: about 20 minutes) goes to the
# background and writes to benchmarks/results/bench-<time>.log; it prints that path and returns.
# --quick (1 round of 5 s windows, 20k actions: about 3 minutes) and --foreground run in this shell.
# Results go to benchmarks/results/ (BenchmarkDotNet's markdown and CSV reports, load-<date>.md,
# registry-<date>.md).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
quick=false foreground=false load_only=false registry_only=false
driver=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --foreground) foreground=true ;;
    --load-only) load_only=true ;;
    --registry-only) registry_only=true ;;
    --server) driver+=(--server "$(realpath "$2")"); shift ;;
    *) echo "unknown argument '$1'; usage: scripts/bench.sh [--quick] [--load-only | --registry-only] [--foreground] [--server DLL]" >&2; exit 2 ;;
  esac
  shift
done
if $load_only && $registry_only; then
  echo "--load-only and --registry-only exclude each other" >&2
  exit 2
fi

if ! $quick && ! $foreground && ! $registry_only; then
  mkdir -p benchmarks/results
  log="benchmarks/results/bench-$(date -u +%Y%m%d-%H%M%S).log"
  args=(--foreground)
  $load_only && args+=(--load-only)
  nohup bash "$0" "${args[@]}" "${driver[@]}" >"$log" 2>&1 </dev/null &
  echo "the full run (about 20 minutes) runs in the background as pid $!; follow it with: tail -f $log"
  exit 0
fi

job=()
if $quick; then job=(--job short); driver+=(--quick); fi
if ! $load_only && ! $registry_only; then
  dotnet run -c Release --project benchmarks/PartyWorkflow.Benchmarks -- --filter '*' "${job[@]}" \
    --artifacts benchmarks/results
fi
# The load driver builds nothing of the server's: it starts the Release build made here, as deployed.
dotnet build -c Release -v quiet src/PartyWorkflow.Server
dotnet build -c Release -v quiet benchmarks/PartyWorkflow.LoadDriver
if ! $registry_only; then
  dotnet run -c Release --no-build --project benchmarks/PartyWorkflow.LoadDriver -- "${driver[@]}"
fi
if ! $load_only; then
  dotnet run -c Release --no-build --project benchmarks/PartyWorkflow.LoadDriver -- --registry "${driver[@]}"
fi
