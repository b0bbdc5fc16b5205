#!/usr/bin/env bash
# Compiles the shim's translation units in parallel (only those older than their source or any header) and
# links libtcengine.so. Called by NativeShim.targets: build-native.sh SOURCE_DIR OBJ_DIR
set -euo pipefail
source_dir=$1
obj_dir=$2
mkdir -p "$obj_dir"

cflags=$(pkg-config --cflags libtorrent-rasterbar)
libs=$(pkg-config --libs libtorrent-rasterbar)
newest_header=$(ls -t "$source_dir"*.h "$source_dir"*.hpp | head -n 1)

pids=()
objects=()
for source in "$source_dir"*.cpp; do
  object="$obj_dir$(basename "${source%.cpp}").o"
  objects+=("$object")
  if [ ! -f "$object" ] || [ "$source" -nt "$object" ] || [ "$newest_header" -nt "$object" ]; then
    # shellcheck disable=SC2086
    g++ -std=c++17 -O2 -g -fPIC -fvisibility=hidden -Wall -Wextra -Werror -Wno-deprecated-declarations \
      $cflags -c "$source" -o "$object" &
    pids+=($!)
  fi
done

status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
[ "$status" -eq 0 ] || { echo "build-native.sh: compiling the engine shim failed" >&2; exit 1; }

# shellcheck disable=SC2086
g++ -shared -o "${obj_dir}libtcengine.so.tmp" "${objects[@]}" $libs -Wl,--no-undefined -Wl,-soname,libtcengine.so
mv "${obj_dir}libtcengine.so.tmp" "${obj_dir}libtcengine.so"
