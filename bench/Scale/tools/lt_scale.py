#!/usr/bin/python3
"""Bare libtorrent (Debian's python3-libtorrent) for bench/Scale: the anchor every TorrentCluster figure is set against.

usage: lt_scale.py add FOLDER BATCH          add every .torrent of FOLDER, paused, in batches; print one JSON line
       lt_scale.py seed PORT LIMIT CONNECT TORRENT DATA_DIR [TORRENT DATA_DIR ...]
                                             seed (TCP only, LIMIT bytes/s per torrent, 0 for none) until killed,
                                             connecting to 127.0.0.1:CONNECT (0 for none) whenever no peer is connected
       lt_scale.py leech TORRENT OUT_DIR PORT SEEDER_PORT [default|tcp]
                                             download with libtorrent's default settings, or with uTP off (tcp);
                                             print one JSON line
Nothing but 127.0.0.1: no DHT, LSD, UPnP or NAT-PMP in any mode."""
import json
import os
import sys
import time

import libtorrent as lt

LOOPBACK_ONLY = {
    'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,
}


def rss_kib():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    raise RuntimeError('no VmRSS in /proc/self/status')


def add(folder, batch):
    ses = lt.session(dict(LOOPBACK_ONLY, listen_interfaces='127.0.0.1:0',
                          alert_mask=lt.alert.category_t.status_notification | lt.alert.category_t.error_notification,
                          alert_queue_size=4 * batch + 1000))
    time.sleep(2)
    idle = rss_kib()
    files = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith('.torrent'))
    batches = []
    started = time.monotonic()
    for first in range(0, len(files), batch):
        chunk = files[first:first + batch]
        begun = time.monotonic()
        for path in chunk:
            params = lt.add_torrent_params()
            params.ti = lt.torrent_info(path)
            params.save_path = '/nonexistent-bench-save-path'
            params.flags = (params.flags | lt.torrent_flags.paused) & ~lt.torrent_flags.auto_managed
            ses.async_add_torrent(params)
        added = 0
        deadline = time.monotonic() + 300
        while added < len(chunk):
            if time.monotonic() > deadline:
                sys.exit(f'bare libtorrent: batch at {first} not added within 300 s')
            ses.wait_for_alert(1000)
            for alert in ses.pop_alerts():
                if isinstance(alert, lt.add_torrent_alert):
                    if alert.error.value() != 0:
                        sys.exit(f'bare libtorrent: add failed: {alert.error.message()}')
                    added += 1
        batches.append(time.monotonic() - begun)
    seconds = time.monotonic() - started
    count = len(ses.get_torrents())
    if count != len(files):
        sys.exit(f'bare libtorrent holds {count} torrents, {len(files)} were added')
    time.sleep(3)
    print(json.dumps({'count': count, 'seconds': seconds, 'batch_seconds': batches,
                      'idle_rss_kib': idle, 'rss_kib': rss_kib()}), flush=True)


def seed(port, limit, connect, pairs):
    # The seeder: TCP only, so a downloader that tries uTP first pays for it.
    ses = lt.session(dict(LOOPBACK_ONLY, listen_interfaces=f'127.0.0.1:{port}',
                          enable_outgoing_utp=False, enable_incoming_utp=False,
                          allow_multiple_connections_per_ip=True,
                          alert_mask=lt.alert.category_t.error_notification))
    handles = []
    for torrent, data in pairs:
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(torrent)
        params.save_path = data
        params.flags |= lt.torrent_flags.seed_mode
        handle = ses.add_torrent(params)
        if limit > 0:
            handle.set_upload_limit(limit)
        handles.append(handle)
    print('seeding', flush=True)
    while True:
        # A client that finds peers only through trackers (Transmission) is reached by connecting to it.
        if connect > 0:
            for handle in handles:
                if handle.status().num_peers == 0:
                    handle.connect_peer(('127.0.0.1', connect))
        time.sleep(2)


def leech(torrent, out, port, seeder_port, transport):
    # libtorrent's defaults (uTP on, mixed mode), confined to loopback; or uTP off both ways, the anchor,
    # where the connection to a TCP-only seeder never waits for an outgoing uTP attempt to time out.
    settings = dict(LOOPBACK_ONLY, listen_interfaces=f'127.0.0.1:{port}', alert_mask=lt.alert.category_t.error_notification)
    if transport == 'tcp':
        settings.update(enable_outgoing_utp=False, enable_incoming_utp=False)
    elif transport != 'default':
        sys.exit(f'unknown transport {transport}')
    ses = lt.session(settings)
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
    params.save_path = out
    started = time.monotonic()
    handle = ses.add_torrent(params)
    handle.connect_peer(('127.0.0.1', seeder_port))
    while not handle.status().is_seeding:
        time.sleep(0.05)
        if time.monotonic() - started > 600:
            sys.exit('bare libtorrent: download not finished within 600 s')
    seconds = time.monotonic() - started
    print(json.dumps({'seconds': seconds, 'bytes': params.ti.total_size()}), flush=True)


def main():
    mode = sys.argv[1]
    if mode == 'add':
        add(sys.argv[2], int(sys.argv[3]))
    elif mode == 'seed':
        rest = sys.argv[5:]
        seed(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), list(zip(rest[0::2], rest[1::2])))
    elif mode == 'leech':
        leech(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6] if len(sys.argv) > 6 else 'default')
    else:
        sys.exit(f'unknown mode {mode}')


main()
