#!/usr/bin/env bash
# Builds everything and runs every test project, one project at a time (the transfer tests want the
# machine's cores to themselves). TRX results land in artifacts/test-results for .ci/run to count.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
tc_require_dotnet
tc_ensure tc_runtime_packages
tc_ensure tc_test_packages
rm -rf artifacts/test-results
dotnet build TorrentCluster.sln -c Release
dotnet test TorrentCluster.sln -c Release --no-build -m:1 \
  --logger "trx" --logger "console;verbosity=normal" \
  --results-directory artifacts/test-results "$@"
