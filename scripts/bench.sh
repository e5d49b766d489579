#!/usr/bin/env bash
# Benchmarks, outside the test command. Usage: scripts/bench.sh [--quick]
#   BenchmarkDotNet: one engine decision with its rules against a bare Stateless configure-and-fire
#   (their ratio is the "Ratio" column). --quick uses BenchmarkDotNet's short job (about a minute).
# Results go to benchmarks/results/ (BenchmarkDotNet's markdown and CSV reports).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
job=()
if [ "${1:-}" = "--quick" ]; then job=(--job short); fi
dotnet run -c Release --project benchmarks/PartyWorkflow.Benchmarks -- --filter '*' "${job[@]}" \
  --artifacts benchmarks/results
