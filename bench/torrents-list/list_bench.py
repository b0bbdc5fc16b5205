#!/usr/bin/env python3
"""torrents.list at farm scale: fill a gateway with metadata-only torrents, then time pages of torrents.list.

The torrents are the issue's farm-scale ones: 16 pieces of 16 KiB, no data files on disk, added paused through
JSON-RPC batches of 1,000. Each timed call is one HTTP request for one page; the figures are wall-clock times
seen by the client (median and p99 of --calls calls per order).

  # one embedded silo (the README's default host, auth off), built beforehand with
  #   dotnet build src/Silo -c Release
  python3 bench/torrents-list/list_bench.py --torrents 100000

  # a running gateway (e.g. deploy/local-cluster.sh with auth off): fills it up to --torrents, then times
  python3 bench/torrents-list/list_bench.py --url http://127.0.0.1:1337/api/v1/jsonrpc --torrents 300000

The last line printed is one JSON object with every figure, for bench/Scale or any other caller to read.
Only loopback addresses are spoken to.
"""

import argparse
import base64
import hashlib
import json
import math
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PIECES = 16
PIECE_LENGTH = 16 * 1024
ORDERS = ["queue_position:asc", "name:desc"]
TORRENT_EXISTS = -3


def bencode(value):
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(bencode(k) + bencode(v) for k, v in items) + b"e"
    if isinstance(value, list):
        return b"l" + b"".join(bencode(v) for v in value) + b"e"
    raise TypeError(type(value))


def metadata_only_torrent(index, seed):
    """A single-file torrent of 16 pieces whose hashes are made up: nothing on disk, a distinct info-hash each."""
    pieces = b"".join(hashlib.sha1(b"%d-%d-%d" % (seed, index, piece)).digest() for piece in range(PIECES))
    info = {"name": "farm-%d-%07d.bin" % (seed, index), "piece length": PIECE_LENGTH, "length": PIECES * PIECE_LENGTH, "pieces": pieces}
    return bencode({"info": info})


class Rpc:
    def __init__(self, url):
        host = urllib.parse.urlparse(url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit(f"refusing to speak to {host}: this benchmark runs on loopback only")
        self.url = url
        self.next_id = 0

    def post(self, body, timeout=300):
        request = urllib.request.Request(self.url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())

    def call(self, method, params, timeout=300):
        self.next_id += 1
        answer = self.post({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params}, timeout)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_embedded(data_path, log, dll):
    if not os.path.exists(dll):
        raise SystemExit(f"build the silo first: dotnet build src/Silo -c Release ({dll} is missing)")
    port = free_port()
    environment = dict(os.environ)
    environment.update({
        "TorrentCluster__Auth__Enabled": "false",
        "TorrentCluster__Cluster__SiloPort": str(free_port()),
        "TorrentCluster__Cluster__GatewayPort": str(free_port()),
        "TorrentCluster__Engine__DataPath": data_path,
        "TorrentCluster__Engine__ListenAddress": "127.0.0.1",
        "TorrentCluster__Engine__ListenPort": "0",
        "TorrentCluster__Engine__EnableDht": "false",
        "TorrentCluster__Engine__EnableLsd": "false",
        "Logging__LogLevel__Default": "Warning",
    })
    process = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}"], cwd=data_path, env=environment,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    rpc = Rpc(f"http://127.0.0.1:{port}/api/v1/jsonrpc")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the host exited with {process.returncode}; see {log.name}")
        try:
            rpc.call("torrents.list", {"page_size": 1}, timeout=5)
            return process, rpc
        except (OSError, RuntimeError):
            time.sleep(0.5)
    stop(process)
    raise SystemExit("the host did not answer within 300 s")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def wait_until_settled(rpc, timeout=900):
    """A host restarted on a full data folder answers while it still brings its torrents back: wait until the count holds."""
    deadline = time.monotonic() + timeout
    last, steady = -1, 0
    while time.monotonic() < deadline:
        total = listed_total(rpc)
        steady = steady + 1 if total == last else 0
        if steady >= 3:
            return total
        last = total
        time.sleep(2)
    raise SystemExit(f"the torrent count did not settle within {timeout} s (last {last})")


def listed_total(rpc):
    return rpc.call("torrents.list", {"page_size": 1})["torrents_total_unfiltered"]


def fill(rpc, target, batch_size, seed):
    """Adds torrents until the gateway lists target of them; returns the seconds it took and how many were added.

    An add that fails with -32000 (no answer in time, as on a loaded machine) is sent again, up to 5 times; one
    that then finds its torrent already there (-3) had gone through the first time.
    """
    have = listed_total(rpc)
    started = time.monotonic()
    added = 0
    index = have
    while have + added < target:
        count = min(batch_size, target - have - added)
        pending = {i: {"jsonrpc": "2.0", "id": i, "method": "torrents.add",
                       "params": {"ti": base64.b64encode(metadata_only_torrent(index + i, seed)).decode(), "paused": True}}
                   for i in range(count)}
        for attempt in range(6):
            answers = rpc.post(list(pending.values()), timeout=600)
            retry = {}
            for answer in answers:
                error = answer.get("error")
                if error is None or (attempt > 0 and error["code"] == TORRENT_EXISTS):
                    added += 1
                elif error["code"] == -32000 and attempt < 5:
                    retry[answer["id"]] = pending[answer["id"]]
                else:
                    raise RuntimeError(f"torrents.add failed: {error}")
            if not retry:
                break
            print(f"  {len(retry)} adds got no answer in time; sending them again", flush=True)
            time.sleep(2)
            pending = retry
        index += count
        if (have + added) % 10_000 < batch_size or have + added >= target:
            print(f"  {have + added} torrents ({added / (time.monotonic() - started):.0f}/s)", flush=True)
    return time.monotonic() - started, added


def percentile(sorted_values, fraction):
    # Nearest rank: with 50 calls the p99 is the slowest call.
    return sorted_values[max(0, math.ceil(fraction * len(sorted_values)) - 1)]


def time_pages(rpc, order, calls, page_size, page):
    field, direction = order.split(":")
    params = {"order_by": field, "order_by_dir": direction, "page": page, "page_size": page_size}
    rpc.call("torrents.list", params)  # warm-up: the first call pays for connections and first compilations
    times = []
    total = None
    for _ in range(calls):
        started = time.perf_counter()
        result = rpc.call("torrents.list", params)
        times.append((time.perf_counter() - started) * 1000)
        total = result["torrents_total"]
        if len(result["torrents"]) != min(page_size, max(0, total - page * page_size)):
            raise RuntimeError(f"page {page} of {order} has {len(result['torrents'])} torrents of {total}")
    times.sort()
    return {"order": order, "page": page, "page_size": page_size, "calls": calls, "torrents_total": total,
            "median_ms": round(statistics.median(times), 2), "p99_ms": round(percentile(times, 0.99), 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--torrents", type=int, default=100_000, help="how many torrents the fleet holds when timed")
    parser.add_argument("--url", help="a running gateway's JSON-RPC URL (loopback); default: start an embedded host")
    parser.add_argument("--data", help="the embedded host's data folder, kept for the next run (default: a temporary one, removed)")
    parser.add_argument("--silo-dll", default=os.path.join(REPO, "src", "Silo", "bin", "Release", "net10.0", "TorrentCluster.Silo.dll"),
                        help="the embedded host to start (e.g. a copy of an older build, to compare)")
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--page-size", type=int, default=50)
    parser.add_argument("--pages", default="0", help="comma-separated page numbers to time")
    parser.add_argument("--orders", default=",".join(ORDERS), help="comma-separated field:direction pairs")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13, help="distinguishes the torrents of one run from another's")
    args = parser.parse_args()

    process = None
    temporary = None
    log = None
    try:
        if args.url:
            rpc = Rpc(args.url)
        else:
            data = args.data or tempfile.mkdtemp(prefix="list-bench-")
            temporary = None if args.data else data
            os.makedirs(data, exist_ok=True)
            log = open(os.path.join(data, "host.log"), "ab")
            process, rpc = start_embedded(data, log, args.silo_dll)
        print(f"{wait_until_settled(rpc)} torrents there; filling up to {args.torrents}", flush=True)
        add_seconds, added = fill(rpc, args.torrents, args.batch, args.seed)
        results = {"torrents": listed_total(rpc), "added": added, "add_seconds": round(add_seconds, 1), "list": []}
        for order in args.orders.split(","):
            for page in (int(p) for p in args.pages.split(",")):
                figure = time_pages(rpc, order, args.calls, args.page_size, page)
                results["list"].append(figure)
                print(f"torrents.list {order:<20} page {page:<5} of {args.page_size}: median {figure['median_ms']:8.2f} ms  p99 {figure['p99_ms']:8.2f} ms", flush=True)
        print(json.dumps(results))
    finally:
        if process is not None:
            stop(process)
        if log is not None:
            log.close()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
