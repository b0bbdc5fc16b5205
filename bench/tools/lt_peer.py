#!/usr/bin/python3
"""A bare libtorrent peer (Debian's python3-libtorrent) on 127.0.0.1: the yardstick our engine is measured against.

usage: lt_peer.py seed TORRENT DATA_DIR PORT
       lt_peer.py leech TORRENT OUT_DIR PORT SEEDER_PORT
Leech prints one line: seconds, MB/s and the process's peak resident memory in KiB."""
import sys
import time

import libtorrent as lt


def session(port):
    # The settings our loopback benchmark gives our engine too: TCP only, nothing but loopback.
    return lt.session({
        'listen_interfaces': f'127.0.0.1:{port}',
        'enable_dht': False, 'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False,
        'enable_outgoing_utp': False, 'enable_incoming_utp': False,
        'allow_multiple_connections_per_ip': True,
        'alert_mask': lt.alert.category_t.error_notification,
    })


def peak_rss_kib():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    return 0


def main():
    mode, torrent, folder, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    ses = session(port)
    params = lt.add_torrent_params()
    params.ti = lt.torrent_info(torrent)
    params.save_path = folder
    if mode == 'seed':
        params.flags |= lt.torrent_flags.seed_mode
        ses.add_torrent(params)
        print('seeding', flush=True)
        while True:
            time.sleep(1)
    handle = ses.add_torrent(params)
    started = time.time()
    handle.connect_peer(('127.0.0.1', int(sys.argv[5])))
    while not handle.status().is_seeding:
        time.sleep(0.05)
        if time.time() - started > 600:
            sys.exit('timeout')
    seconds = time.time() - started
    print(f'{seconds:.3f} {params.ti.total_size() / seconds / 1e6:.1f} {peak_rss_kib()}', flush=True)


main()
