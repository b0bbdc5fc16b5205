#!/usr/bin/env bash
# torrents.peers.list on the embedded host (auth ON, a real bearer token) against Transmission's torrent-get with
# the peers field, one torrent with one live peer each, wrk in the same run (apt-get install -y wrk
# transmission-daemon transmission-cli).
#
#   bash bench/scale/peers.sh [--threads 2] [--connections 64] [--seconds 10] [--rounds 1] [--no-build]
#
# Prints each wrk run and as its LAST line one JSON object:
#   {"bench":"peers","threads":2,"connections":64,"seconds":10,"rounds":1,"ours_rps":..,"ours_p99_ms":..,
#    "ours_errors":0,"ours_peers":1,"transmission_rps":..,"transmission_p99_ms":..,"transmission_errors":0,
#    "transmission_peers":1,"ratio":..}
set -euo pipefail
cd "$(dirname "$0")/../.."
build=1
args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
if (( build )); then
  dotnet build src/Silo -c Release -v quiet -nologo >&2
  dotnet build bench/PeersThroughput -c Release -v quiet -nologo >&2
fi
exec dotnet bench/PeersThroughput/bin/Release/net10.0/TorrentCluster.Bench.PeersThroughput.dll "${args[@]}"
