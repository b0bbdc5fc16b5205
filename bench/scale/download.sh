#!/usr/bin/env bash
# 1 GiB (by default) from a bare libtorrent seeder on 127.0.0.1 (TCP only), downloaded in turns by a bare libtorrent
# downloader and by TorrentCluster's whole path: the embedded host with its default settings, the torrent added by
# torrents.add, the seeder named by torrents.peers.add, torrents.list polled every 50 ms until the torrent is done.
# Both write to the same disk, below $TMPDIR (or /tmp)/torrentcluster-bench; the report names its file system.
#
#   bash bench/scale/download.sh [--size-mib 1024] [--rounds 3] [--path whole|engine] [--no-build]
#
# Prints each run, a table, and as its LAST line one JSON object:
#   {"bench":"download","path":"whole","size_mib":1024,"rounds":3,"storage":"/tmp/torrentcluster-bench (ext4)",
#    "bare_mbps":[...],"ours_mbps":[...],"bare_median_mbps":..,"ours_median_mbps":..,"ours_peak_rss_mib":..,"ratio":..}
# Host settings can be changed through the environment, e.g. TorrentCluster__Engine__ConnectOverUtp=true to
# measure libtorrent's uTP-first dialling.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=1
args=()
for arg in "$@"; do
  if [[ $arg == --no-build ]]; then build=0; else args+=("$arg"); fi
done
if [[ ! " ${args[*]-} " =~ " --path " ]]; then args+=(--path whole); fi
if (( build )); then
  dotnet build src/Silo -c Release -v quiet -nologo >&2
  dotnet build bench/EngineThroughput -c Release -v quiet -nologo >&2
fi
exec dotnet bench/EngineThroughput/bin/Release/net10.0/TorrentCluster.Bench.EngineThroughput.dll "${args[@]}" --json
