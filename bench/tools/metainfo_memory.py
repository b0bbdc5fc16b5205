#!/usr/bin/python3
"""What one torrent's metainfo costs: memory per torrent of an embedded host against bare libtorrent, and Redis
bytes per torrent in cluster mode. A small piece beside the farm-scale table (bench/Scale); everything on 127.0.0.1.

usage: metainfo_memory.py [--torrents 5000] [--pieces 2000] [--files 20] [--silo PATH/TorrentCluster.Silo.dll]
                          [--skip-bare] [--skip-embedded] [--skip-redis]

  bare libtorrent   python3-libtorrent session, every torrent added paused; RSS (/proc) over the idle session.
  embedded host     the silo with its gateway (the README's default), Auth off; torrents.add in batches, paused;
                    RSS over the idle process.
  redis             one silo in Redis mode (gateway inside, TLS off, a password), one torrent of --pieces pieces
                    added; MEMORY USAGE summed over the Redis keys that name its info-hash.

Each torrent is "realistic" by default: 2,000 pieces of 16 KiB (40 KB of piece hashes), 20 files, one tracker.
The silo defaults to src/Silo's Release build output; build it first (dotnet build src/Silo -c Release)."""
import argparse
import base64
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

PIECE_LENGTH = 16 * 1024
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def bencode(value):
    if isinstance(value, int):
        return b'i%de' % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b'%d:%s' % (len(value), value)
    if isinstance(value, list):
        return b'l' + b''.join(bencode(v) for v in value) + b'e'
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b'd' + b''.join(bencode(k) + bencode(v) for k, v in items) + b'e'
    raise TypeError(type(value))


def make_torrent(index, pieces, files):
    """A v1 torrent whose piece hashes are deterministic noise: nothing is ever checked, all torrents stay paused."""
    total = pieces * PIECE_LENGTH
    sizes = [total // files] * files
    sizes[-1] += total - sum(sizes)
    seed = hashlib.sha256(b'metainfo-bench-%d' % index).digest()
    hashes = b''.join(hashlib.sha1(seed + i.to_bytes(4, 'big')).digest() for i in range(pieces))
    info = {
        'name': 'bench-%06d' % index,
        'piece length': PIECE_LENGTH,
        'pieces': hashes,
        'files': [{'length': size, 'path': ['dir-%02d' % (i % 4), 'file-%02d.bin' % i]} for i, size in enumerate(sizes)],
    }
    return bencode({'announce': 'http://127.0.0.1:9/announce', 'created by': 'metainfo_memory.py', 'info': info})


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    raise RuntimeError('no VmRSS for %d' % pid)


def settle(pid, seconds=8):
    """RSS once it stops moving: the lowest of a few readings after the work is done."""
    readings = []
    for _ in range(seconds):
        time.sleep(1)
        readings.append(rss_kib(pid))
    return min(readings[-3:])


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def bare_libtorrent(torrents):
    """In a child process, so its RSS is libtorrent's and Python's alone."""
    code = r'''
import sys, time, tempfile, libtorrent as lt
paths = sys.argv[1:]
ses = lt.session({'listen_interfaces': '127.0.0.1:0', 'enable_dht': False, 'enable_lsd': False,
                  'enable_upnp': False, 'enable_natpmp': False, 'alert_mask': 0})
print('ready', flush=True); sys.stdin.readline()
save = tempfile.mkdtemp()
for path in paths:
    p = lt.add_torrent_params()
    with open(path, 'rb') as f:
        p.ti = lt.torrent_info(lt.bdecode(f.read()))
    p.save_path = save
    p.flags = (p.flags | lt.torrent_flags.paused) & ~lt.torrent_flags.auto_managed
    ses.async_add_torrent(p)
deadline = time.time() + 600
while len(ses.get_torrents()) < len(paths) and time.time() < deadline:
    time.sleep(0.2)
print('added', len(ses.get_torrents()), flush=True); sys.stdin.readline()
'''
    # Debian's python3-libtorrent lives in the system interpreter, whatever python3 runs this script.
    child = subprocess.Popen(['/usr/bin/python3', '-c', code, *torrents], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == 'ready'
        idle = settle(child.pid, 4)
        child.stdin.write('\n'); child.stdin.flush()
        added = child.stdout.readline().split()
        after = settle(child.pid)
        return idle, after, int(added[1])
    finally:
        child.kill()
        child.wait()


class Host:
    """A TorrentCluster silo process (the build output), stopped by its process id."""

    def __init__(self, silo, data, env):
        self.http = free_port()
        self.url = 'http://127.0.0.1:%d/' % self.http
        environment = dict(os.environ)
        environment.update({
            'TorrentCluster__Auth__Enabled': 'false',
            'TorrentCluster__Engine__DataPath': data,
            'TorrentCluster__Engine__ListenAddress': '127.0.0.1',
            'TorrentCluster__Engine__ListenPort': '0',
            'TorrentCluster__Engine__EnableDht': 'false',
            'TorrentCluster__Engine__EnableLsd': 'false',
            'TorrentCluster__Cluster__SiloPort': str(free_port()),
            'TorrentCluster__Cluster__GatewayPort': str(free_port()),
            'Logging__LogLevel__Default': 'Warning',
        })
        environment.update(env)
        self.log = open(os.path.join(data, 'host.log'), 'w')
        self.process = subprocess.Popen(['dotnet', silo, '--urls', self.url.rstrip('/')], cwd=data, env=environment,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 120
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError('the host exited; see %s' % self.log.name)
            try:
                with urllib.request.urlopen(self.url + 'readyz', timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError('the host did not get ready in 120 s')

    def rpc(self, calls):
        body = json.dumps(calls).encode()
        request = urllib.request.Request(self.url + 'api/v1/jsonrpc', body, {'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=600) as answer:
            return json.loads(answer.read())

    def add(self, paths, batch=50):
        hashes = []
        for start in range(0, len(paths), batch):
            calls = [{'jsonrpc': '2.0', 'id': i, 'method': 'torrents.add',
                      'params': {'ti': base64.b64encode(open(p, 'rb').read()).decode(), 'paused': True}}
                     for i, p in enumerate(paths[start:start + batch])]
            for answer in self.rpc(calls):
                if 'error' in answer:
                    raise RuntimeError('torrents.add failed: %s' % answer['error'])
                hashes.append(answer['result']['info_hash'][0])
        return hashes

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def embedded(silo, torrents, work):
    host = Host(silo, os.path.join(work, 'embedded'), {})
    try:
        idle = settle(host.process.pid, 6)
        host.add(torrents)
        after = settle(host.process.pid, 10)
        return idle, after
    finally:
        host.stop()


def redis_bytes(silo, torrent, work):
    password = base64.b16encode(os.urandom(16)).decode().lower()
    port = free_port()
    redis = subprocess.Popen(['redis-server', '--bind', '127.0.0.1', '--port', str(port), '--requirepass', password,
                              '--save', '', '--appendonly', 'no', '--dir', work], stdout=subprocess.DEVNULL)
    cli = ['redis-cli', '-h', '127.0.0.1', '-p', str(port), '--no-auth-warning', '-a', password]
    try:
        for _ in range(50):
            if subprocess.run(cli + ['ping'], capture_output=True, text=True).stdout.strip() == 'PONG':
                break
            time.sleep(0.1)
        host = Host(silo, os.path.join(work, 'redis-silo'), {
            'TorrentCluster__Cluster__Mode': 'Redis',
            'TorrentCluster__Cluster__Redis': '127.0.0.1:%d,password=%s' % (port, password),
            'TorrentCluster__Cluster__SiloName': 'silo-0',
            'TorrentCluster__Cluster__AdvertisedAddress': '127.0.0.1',
            'TorrentCluster__Cluster__Tls__Required': 'false',
        })
        try:
            key = host.add([torrent])[0]
            keys = subprocess.run(cli + ['--scan', '--pattern', '*%s*' % key], capture_output=True, text=True).stdout.split()
            usage = {k: int(subprocess.run(cli + ['memory', 'usage', k, 'samples', '0'], capture_output=True, text=True).stdout)
                     for k in keys}
            return key, usage
        finally:
            host.stop()
    finally:
        redis.terminate()
        redis.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--torrents', type=int, default=5000)
    parser.add_argument('--pieces', type=int, default=2000)
    parser.add_argument('--files', type=int, default=20)
    parser.add_argument('--silo', default=os.path.join(REPO, 'src/Silo/bin/Release/net10.0/TorrentCluster.Silo.dll'))
    parser.add_argument('--skip-bare', action='store_true')
    parser.add_argument('--skip-embedded', action='store_true')
    parser.add_argument('--skip-redis', action='store_true')
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix='metainfo-bench-')
    try:
        os.makedirs(os.path.join(work, 'torrents'))
        os.makedirs(os.path.join(work, 'embedded'))
        os.makedirs(os.path.join(work, 'redis-silo'))
        paths = []
        for i in range(args.torrents):
            path = os.path.join(work, 'torrents', '%06d.torrent' % i)
            with open(path, 'wb') as f:
                f.write(make_torrent(i, args.pieces, args.files))
            paths.append(path)
        size = os.path.getsize(paths[0])
        print('%d torrents of %d pieces, %d files, %d bytes each' % (args.torrents, args.pieces, args.files, size))

        if not args.skip_bare:
            idle, after, added = bare_libtorrent(paths)
            print('bare libtorrent: idle %d KiB, with %d torrents %d KiB: %.1f KB a torrent'
                  % (idle, added, after, (after - idle) * 1024 / 1000 / added))
        if not args.skip_embedded:
            idle, after = embedded(args.silo, paths, work)
            print('embedded host:   idle %d KiB, with %d torrents %d KiB: %.1f KB a torrent'
                  % (idle, args.torrents, after, (after - idle) * 1024 / 1000 / args.torrents))
        if not args.skip_redis:
            key, usage = redis_bytes(args.silo, paths[0], work)
            for name, used in sorted(usage.items()):
                print('redis key %s: %d bytes' % (name, used))
            print('redis: %d bytes for torrent %s (%d keys name it)' % (sum(usage.values()), key, len(usage)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
