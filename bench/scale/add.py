#!/usr/bin/python3
"""Adding, stopping and restarting at farm scale: the embedded default host (one process, state on disk) with
COUNT metadata-only torrents of 16 pieces, added paused by JSON-RPC batches of BATCH `torrents.add`.

usage: bench/scale/add.py [--count 100000] [--batch 1000] [--data FOLDER] [--keep]

Measures, in one run:
  add       seconds for all adds, and the rate of the first and the last tenth of the batches (flat = the cost of
            one add does not grow with the number of torrents)
  stop      seconds from SIGTERM to the process's exit (graceful stop), and how many resume files are on disk
  restart   seconds from the start of a new process until its /metrics count every torrent as hosted again
The host's CPU time (per batch of adds, and for the restart) is reported beside wall time: on a machine that others
share, it is the steadier measure of what a step costs.
Prints a human summary on stderr and one JSON line on stdout (for bench/Scale). Needs the silo built in Release
(`dotnet build src/Silo -c Release`). Everything on 127.0.0.1; the host runs with auth off, as benchmarks do.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SILO = os.path.join(REPO, 'src', 'Silo', 'bin', 'Release', 'net10.0', 'TorrentCluster.Silo.dll')
PIECES = 16
PIECE_LENGTH = 16 * 1024


def bencode(value):
    if isinstance(value, int):
        return b'i%de' % value
    if isinstance(value, bytes):
        return b'%d:%s' % (len(value), value)
    if isinstance(value, str):
        return bencode(value.encode())
    if isinstance(value, dict):
        return b'd' + b''.join(bencode(key) + bencode(value[key]) for key in sorted(value)) + b'e'
    raise TypeError(type(value))


def metadata_only_torrent(index):
    """A v1 torrent of 16 pieces whose data exists nowhere: the farm-scale torrent of issue 13."""
    pieces = b''.join(hashlib.sha1(b'%d/%d' % (index, piece)).digest() for piece in range(PIECES))
    info = {'name': 'scale-%06d.bin' % index, 'piece length': PIECE_LENGTH, 'length': PIECES * PIECE_LENGTH, 'pieces': pieces}
    return bencode({'info': info})


def free_port():
    with socket.socket() as probe:
        probe.bind(('127.0.0.1', 0))
        return probe.getsockname()[1]


class Host:
    """One embedded host process (silo + gateway) on loopback and free ports, state under DATA."""

    def __init__(self, data):
        self.data = data
        self.http = free_port()
        self.environment = dict(os.environ, **{
            'TorrentCluster__Auth__Enabled': 'false',
            'TorrentCluster__Cluster__SiloPort': str(free_port()),
            'TorrentCluster__Cluster__GatewayPort': str(free_port()),
            'TorrentCluster__Engine__DataPath': data,
            'TorrentCluster__Engine__ListenAddress': '127.0.0.1',
            'TorrentCluster__Engine__ListenPort': '0',
            'TorrentCluster__Engine__EnableDht': 'false',
            'TorrentCluster__Engine__EnableLsd': 'false',
            'TorrentCluster__Engine__EnableUtp': 'false',
            'Logging__LogLevel__Default': 'Warning',
            'Logging__LogLevel__TorrentCluster.Grains.Hosting': 'Information',
        })
        self.process = None
        self.started = None

    def start(self):
        self.log = open(os.path.join(self.data, 'host.log'), 'ab')
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            ['dotnet', SILO, '--urls', 'http://127.0.0.1:%d' % self.http],
            cwd=self.data, env=self.environment, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit('the host exited with %d; see %s/host.log' % (self.process.returncode, self.data))
            try:
                with urllib.request.urlopen('http://127.0.0.1:%d/readyz' % self.http, timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.25)
        sys.exit('the host did not become ready within 120 s')

    def rpc(self, calls):
        body = json.dumps(calls).encode()
        request = urllib.request.Request('http://127.0.0.1:%d/api/v1/jsonrpc' % self.http, data=body,
                                         headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=600) as answer:
            return json.load(answer)

    def hosted(self):
        """Torrents the silo hosts, summed over states, from its Prometheus endpoint."""
        with urllib.request.urlopen('http://127.0.0.1:%d/metrics' % self.http, timeout=30) as answer:
            text = answer.read().decode()
        return sum(int(float(match)) for match in re.findall(r'^torrentcluster_torrents\{[^}]*\} (\S+)', text, re.M))

    def cpu_seconds(self):
        """User and system CPU time the host has used so far: on a busy machine, a fairer cost than wall time."""
        with open('/proc/%d/stat' % self.process.pid) as stat:
            fields = stat.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

    def stop(self):
        """SIGTERM by process id, as systemd or Kubernetes stop it; seconds until the process has exited."""
        begun = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=300)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            sys.exit('the host did not stop within 300 s')
        self.log.close()
        return time.monotonic() - begun


def add_all(host, count, batch):
    seconds = []
    cpu = []
    for first in range(0, count, batch):
        calls = [{'jsonrpc': '2.0', 'id': index, 'method': 'torrents.add',
                  'params': {'ti': base64.b64encode(metadata_only_torrent(index)).decode(), 'paused': True}}
                 for index in range(first, min(first + batch, count))]
        begun, begun_cpu = time.monotonic(), host.cpu_seconds()
        answers = host.rpc(calls)
        seconds.append(time.monotonic() - begun)
        cpu.append(host.cpu_seconds() - begun_cpu)
        failed = [answer for answer in answers if 'error' in answer]
        if failed:
            sys.exit('batch at %d: %d adds failed, e.g. %s' % (first, len(failed), failed[0]['error']))
        print('added %d in %.1f s (%.0f/s)' % (first + len(calls), sum(seconds), len(calls) / seconds[-1]),
              file=sys.stderr)
    return seconds, cpu


def wait_until_hosted(host, count, limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if host.hosted() >= count:
                return time.monotonic() - host.started
        except OSError:
            pass
        time.sleep(0.25)
    sys.exit('only %d of %d torrents hosted %d s after the restart' % (host.hosted(), count, limit))


def rate(batches, batch):
    return round(len(batches) * batch / sum(batches)) if batches else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--count', type=int, default=100000)
    parser.add_argument('--batch', type=int, default=1000)
    parser.add_argument('--data', help='state folder (default: a new temporary one)')
    parser.add_argument('--keep', action='store_true', help='keep the state folder afterwards')
    arguments = parser.parse_args()
    if not os.path.exists(SILO):
        sys.exit('build the silo first: dotnet build src/Silo -c Release')
    data = os.path.abspath(arguments.data or tempfile.mkdtemp(prefix='tc-scale-'))
    os.makedirs(data, exist_ok=True)
    host = Host(data)
    try:
        host.start()
        batches, batches_cpu = add_all(host, arguments.count, arguments.batch)
        tenth = max(1, len(batches) // 10)
        stop_cpu = host.cpu_seconds()
        stop = host.stop()
        resume = os.path.join(data, 'resume')
        resume_files = len([name for name in os.listdir(resume) if name.endswith('.resume')]) if os.path.isdir(resume) else 0
        host.start()
        ready = time.monotonic() - host.started
        restart = wait_until_hosted(host, arguments.count, 600)
        restart_cpu = host.cpu_seconds()
        second_stop = host.stop()
        result = {
            'count': arguments.count, 'batch': arguments.batch,
            'add_seconds': round(sum(batches), 1),
            'add_rate_first_tenth': rate(batches[:tenth], arguments.batch),
            'add_rate_last_tenth': rate(batches[-tenth:], arguments.batch),
            'add_cpu_ms_per_batch_first_tenth': round(1000 * sum(batches_cpu[:tenth]) / tenth),
            'add_cpu_ms_per_batch_last_tenth': round(1000 * sum(batches_cpu[-tenth:]) / tenth),
            'cpu_seconds_at_stop': round(stop_cpu, 1),
            'stop_seconds': round(stop, 1), 'resume_files': resume_files,
            'restart_ready_seconds': round(ready, 1), 'restart_seconds': round(restart, 1),
            'restart_cpu_seconds': round(restart_cpu, 1),
            'stop_after_restart_seconds': round(second_stop, 1),
        }
        print(('add %(count)d: %(add_seconds)s s (%(add_rate_first_tenth)s/s first tenth, %(add_rate_last_tenth)s/s last tenth); '
               'stop %(stop_seconds)s s (%(resume_files)d resume files); restart until all hosted %(restart_seconds)s s '
               '(ready after %(restart_ready_seconds)s s, %(restart_cpu_seconds)s s of CPU); stop again %(stop_after_restart_seconds)s s; '
               'CPU per batch of adds %(add_cpu_ms_per_batch_first_tenth)s ms first tenth, %(add_cpu_ms_per_batch_last_tenth)s ms last tenth') % result, file=sys.stderr)
        print(json.dumps(result))
    finally:
        if host.process is not None and host.process.poll() is None:
            host.process.kill()
            host.process.wait()
        if not arguments.keep and not arguments.data:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == '__main__':
    main()
