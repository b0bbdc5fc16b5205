#!/usr/bin/env bash
# Runs TorrentCluster's embedded default: one process with a silo and the JSON-RPC gateway on
# http://127.0.0.1:1337/api/v1/jsonrpc, state under ./data. Extra arguments go to the host
# (e.g. --urls http://127.0.0.1:8080).
set -euo pipefail
start_dir=$PWD
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
tc_require_dotnet
tc_ensure tc_runtime_packages
# dotnet run starts the program in the project's folder: anchor ./data to where this script was started from.
export TorrentCluster__Engine__DataPath="${TorrentCluster__Engine__DataPath:-$start_dir/data}"
exec dotnet run --project src/Silo -c Release -- "$@"
