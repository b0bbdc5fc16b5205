#!/usr/bin/env bash
# Runs TorrentCluster's embedded default: one process with a silo and the JSON-RPC gateway on
# http://127.0.0.1:1337/api/v1/jsonrpc, state under ./data. Extra arguments go to the host
# (e.g. --urls http://127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
tc_require_dotnet
tc_ensure tc_runtime_packages
exec dotnet run --project src/Silo -c Release -- "$@"
