// Draining libtorrent's alert queue into flat tc_alert records. Alerts are only valid until the next pop, so
// everything they point at is copied into the list before returning.
#include "status.hpp"

#include <libtorrent/alert_types.hpp>
#include <libtorrent/performance_counters.hpp>
#include <libtorrent/session_stats.hpp>
#include <libtorrent/write_resume_data.hpp>

struct tc_alert_list {
    std::vector<tc_alert> items;
    std::vector<tc_torrent_status> statuses;
    std::deque<std::vector<char>> buffers;
    std::deque<tc_torrent> torrents;
    tc::string_arena strings;
    bool has_stats = false;
    tc_session_stats stats{};
};

namespace {

// Counter indices are fixed for a build of libtorrent: look them up once.
struct metric_indices {
    int recv_bytes = lt::find_metric_idx("net.recv_bytes");
    int sent_bytes = lt::find_metric_idx("net.sent_bytes");
    int recv_payload = lt::find_metric_idx("net.recv_payload_bytes");
    int sent_payload = lt::find_metric_idx("net.sent_payload_bytes");
    int recv_overhead = lt::find_metric_idx("net.recv_ip_overhead_bytes");
    int sent_overhead = lt::find_metric_idx("net.sent_ip_overhead_bytes");
    int redundant = lt::find_metric_idx("net.recv_redundant_bytes");
    int failed = lt::find_metric_idx("net.recv_failed_bytes");
    int peers_connected = lt::find_metric_idx("peer.num_peers_connected");
    int peers_half_open = lt::find_metric_idx("peer.num_peers_half_open");
    int dht_nodes = lt::find_metric_idx("dht.dht_nodes");
    int blocks_read = lt::find_metric_idx("disk.num_blocks_read");
    int blocks_written = lt::find_metric_idx("disk.num_blocks_written");
    int checking = lt::find_metric_idx("ses.num_checking_torrents");
    int downloading = lt::find_metric_idx("ses.num_downloading_torrents");
    int seeding = lt::find_metric_idx("ses.num_seeding_torrents");
    int stopped = lt::find_metric_idx("ses.num_stopped_torrents");
    int error = lt::find_metric_idx("ses.num_error_torrents");
};

const metric_indices& metrics() {
    static const metric_indices indices;
    return indices;
}

int64_t counter(lt::span<const std::int64_t> counters, int index) {
    return index >= 0 && index < counters.size() ? counters[index] : 0;
}

void fill_stats(const lt::session_stats_alert& alert, tc_session_stats& to) {
    const auto& m = metrics();
    auto c = alert.counters();
    constexpr int64_t block_size = 16 * 1024;
    to.bytes_received = counter(c, m.recv_bytes);
    to.bytes_sent = counter(c, m.sent_bytes);
    to.payload_received = counter(c, m.recv_payload);
    to.payload_sent = counter(c, m.sent_payload);
    to.ip_overhead_received = counter(c, m.recv_overhead);
    to.ip_overhead_sent = counter(c, m.sent_overhead);
    to.redundant_bytes = counter(c, m.redundant);
    to.failed_bytes = counter(c, m.failed);
    to.num_peers_connected = counter(c, m.peers_connected);
    to.num_peers_half_open = counter(c, m.peers_half_open);
    to.dht_nodes = counter(c, m.dht_nodes);
    to.disk_read_bytes = counter(c, m.blocks_read) * block_size;
    to.disk_write_bytes = counter(c, m.blocks_written) * block_size;
    to.num_checking_torrents = counter(c, m.checking);
    to.num_downloading_torrents = counter(c, m.downloading);
    to.num_seeding_torrents = counter(c, m.seeding);
    to.num_stopped_torrents = counter(c, m.stopped);
    to.num_error_torrents = counter(c, m.error);
    to.timestamp_us = std::chrono::duration_cast<std::chrono::microseconds>(alert.timestamp().time_since_epoch()).count();
}

tc_alert_type type_of(const lt::alert* a) {
    switch (a->type()) {
    case lt::add_torrent_alert::alert_type: return static_cast<const lt::add_torrent_alert*>(a)->error ? TC_ALERT_ADD_FAILED : TC_ALERT_TORRENT_ADDED;
    case lt::torrent_removed_alert::alert_type: return TC_ALERT_TORRENT_REMOVED;
    case lt::torrent_finished_alert::alert_type: return TC_ALERT_TORRENT_FINISHED;
    case lt::torrent_error_alert::alert_type: return TC_ALERT_TORRENT_ERROR;
    case lt::save_resume_data_alert::alert_type: return TC_ALERT_RESUME_DATA;
    case lt::save_resume_data_failed_alert::alert_type: return TC_ALERT_RESUME_DATA_FAILED;
    case lt::metadata_received_alert::alert_type: return TC_ALERT_METADATA_RECEIVED;
    case lt::state_changed_alert::alert_type: return TC_ALERT_STATE_CHANGED;
    case lt::torrent_paused_alert::alert_type: return TC_ALERT_TORRENT_PAUSED;
    case lt::torrent_resumed_alert::alert_type: return TC_ALERT_TORRENT_RESUMED;
    case lt::storage_moved_alert::alert_type: return TC_ALERT_STORAGE_MOVED;
    case lt::storage_moved_failed_alert::alert_type: return TC_ALERT_STORAGE_MOVED_FAILED;
    case lt::torrent_deleted_alert::alert_type: return TC_ALERT_FILES_DELETED;
    case lt::hash_failed_alert::alert_type: return TC_ALERT_HASH_FAILED;
    case lt::tracker_error_alert::alert_type: return TC_ALERT_TRACKER_ERROR;
    case lt::listen_succeeded_alert::alert_type: return TC_ALERT_LISTEN_SUCCEEDED;
    case lt::listen_failed_alert::alert_type: return TC_ALERT_LISTEN_FAILED;
    case lt::file_error_alert::alert_type: return TC_ALERT_FILE_ERROR;
    case lt::session_stats_alert::alert_type: return TC_ALERT_SESSION_STATS;
    case lt::state_update_alert::alert_type: return TC_ALERT_STATE_UPDATE;
    case lt::torrent_checked_alert::alert_type: return TC_ALERT_CHECKED;
    case lt::performance_alert::alert_type: return TC_ALERT_PERFORMANCE;
    default: return TC_ALERT_OTHER;
    }
}

lt::info_hash_t hashes_of(const lt::alert* a) {
    // A removed torrent's handle is no longer valid, and a failed add has none; their alerts carry the hashes.
    if (auto added = lt::alert_cast<lt::add_torrent_alert>(a)) return added->params.info_hashes;
    if (auto removed = lt::alert_cast<lt::torrent_removed_alert>(a)) return removed->info_hashes;
    if (auto deleted = lt::alert_cast<lt::torrent_deleted_alert>(a)) return deleted->info_hashes;
    if (auto torrent = dynamic_cast<const lt::torrent_alert*>(a)) {
        if (torrent->handle.is_valid()) {
            try { return torrent->handle.info_hashes(); } catch (...) { return {}; }
        }
    }
    return {};
}

void convert(lt::alert* a, tc_alert_list& list) {
    tc_alert out{};
    out.type = type_of(a);
    lt::info_hash_t hashes = hashes_of(a);
    out.info_hash_v1 = list.strings.keep(tc::v1_hex(hashes));
    out.info_hash_v2 = list.strings.keep(tc::v2_hex(hashes));
    out.message = list.strings.keep(a->message());

    switch (out.type) {
    case TC_ALERT_TORRENT_ADDED: {
        auto* added = static_cast<lt::add_torrent_alert*>(a);
        out.value = static_cast<int64_t>(tc::add_request_id(added->params.userdata));
        list.torrents.push_back(tc_torrent{added->handle});
        out.torrent = &list.torrents.back();
        break;
    }
    case TC_ALERT_ADD_FAILED: {
        auto* failed = static_cast<lt::add_torrent_alert*>(a);
        out.value = static_cast<int64_t>(tc::add_request_id(failed->params.userdata));
        out.value2 = tc::status_of(failed->error);
        out.error_code = failed->error.value();
        out.message = list.strings.keep(failed->error.message());
        break;
    }
    case TC_ALERT_RESUME_DATA: {
        auto* resume = static_cast<lt::save_resume_data_alert*>(a);
        list.buffers.push_back(lt::write_resume_data_buf(resume->params));
        out.data = reinterpret_cast<const uint8_t*>(list.buffers.back().data());
        out.data_size = static_cast<int64_t>(list.buffers.back().size());
        break;
    }
    case TC_ALERT_RESUME_DATA_FAILED:
        out.error_code = static_cast<lt::save_resume_data_failed_alert*>(a)->error.value();
        break;
    case TC_ALERT_TORRENT_ERROR:
        out.error_code = static_cast<lt::torrent_error_alert*>(a)->error.value();
        break;
    case TC_ALERT_FILE_ERROR:
        out.error_code = static_cast<lt::file_error_alert*>(a)->error.value();
        break;
    case TC_ALERT_STORAGE_MOVED:
        out.message = list.strings.keep(static_cast<lt::storage_moved_alert*>(a)->storage_path());
        break;
    case TC_ALERT_STORAGE_MOVED_FAILED:
        out.error_code = static_cast<lt::storage_moved_failed_alert*>(a)->error.value();
        break;
    case TC_ALERT_STATE_CHANGED: {
        auto* changed = static_cast<lt::state_changed_alert*>(a);
        out.value = static_cast<int64_t>(changed->state);
        out.value2 = static_cast<int64_t>(changed->prev_state);
        break;
    }
    case TC_ALERT_HASH_FAILED:
        out.value = static_cast<int>(static_cast<lt::hash_failed_alert*>(a)->piece_index);
        break;
    case TC_ALERT_TRACKER_ERROR:
        out.error_code = static_cast<lt::tracker_error_alert*>(a)->error.value();
        break;
    case TC_ALERT_LISTEN_SUCCEEDED: {
        auto* listen = static_cast<lt::listen_succeeded_alert*>(a);
        out.message = list.strings.keep(listen->address.to_string());
        out.value = listen->port;
        break;
    }
    case TC_ALERT_LISTEN_FAILED:
        out.error_code = static_cast<lt::listen_failed_alert*>(a)->error.value();
        break;
    case TC_ALERT_SESSION_STATS:
        fill_stats(*static_cast<lt::session_stats_alert*>(a), list.stats);
        list.has_stats = true;
        break;
    case TC_ALERT_STATE_UPDATE: {
        auto* update = static_cast<lt::state_update_alert*>(a);
        std::size_t first = list.statuses.size();
        list.statuses.resize(first + update->status.size());
        for (std::size_t i = 0; i < update->status.size(); ++i)
            tc::fill_status(update->status[i], list.statuses[first + i], list.strings);
        out.value = static_cast<int64_t>(update->status.size());
        break;
    }
    default:
        break;
    }
    list.items.push_back(out);
}

} // namespace

extern "C" {

TC_API tc_status tc_session_pop_alerts(tc_session* session, int32_t timeout_ms, tc_alert_list** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr && out != nullptr, "session and out are required");
        *out = nullptr;
        auto* list = new tc_alert_list();
        try {
            if (session->session.wait_for_alert(lt::milliseconds(std::max(0, timeout_ms))) != nullptr) {
                std::vector<lt::alert*> alerts;
                session->session.pop_alerts(&alerts);
                list->items.reserve(alerts.size());
                for (lt::alert* a : alerts) convert(a, *list);
            }
        } catch (...) {
            delete list;
            throw;
        }
        *out = list;
    });
}

TC_API int32_t tc_alert_list_count(const tc_alert_list* list) { return list != nullptr ? static_cast<int32_t>(list->items.size()) : 0; }
TC_API const tc_alert* tc_alert_list_items(const tc_alert_list* list) { return list != nullptr ? list->items.data() : nullptr; }
TC_API int32_t tc_alert_list_status_count(const tc_alert_list* list) { return list != nullptr ? static_cast<int32_t>(list->statuses.size()) : 0; }
TC_API const tc_torrent_status* tc_alert_list_statuses(const tc_alert_list* list) { return list != nullptr ? list->statuses.data() : nullptr; }

TC_API int32_t tc_alert_list_session_stats(const tc_alert_list* list, tc_session_stats* out) {
    if (list == nullptr || out == nullptr || !list->has_stats) return 0;
    *out = list->stats;
    return 1;
}

TC_API void tc_alert_list_free(tc_alert_list* list) { delete list; }

} // extern "C"
