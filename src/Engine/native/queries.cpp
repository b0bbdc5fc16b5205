// Peers, files and trackers of a torrent, copied out into owned lists.
#include "common.hpp"

#include <libtorrent/announce_entry.hpp>
#include <libtorrent/peer_info.hpp>
#include <libtorrent/torrent_info.hpp>

#include <chrono>
#include <ctime>

struct tc_peer_list {
    std::vector<tc_peer_info> items;
    tc::string_arena strings;
};

struct tc_file_list {
    std::vector<tc_file_entry> items;
    tc::string_arena strings;
};

struct tc_tracker_list {
    std::vector<tc_tracker_entry> items;
    std::vector<tc_tracker_announce> announces;
    tc::string_arena strings;
};

namespace {

lt::torrent_handle& valid(tc_torrent* torrent) {
    tc::require(torrent != nullptr, "torrent is null");
    // is_valid() stays true for a moment after removal, while libtorrent tears the torrent down;
    // in_session() is false from the removal on.
    if (!torrent->handle.is_valid() || !torrent->handle.in_session())
        throw tc::failure{TC_E_INVALID_HANDLE, "the torrent is not in the session (removed)"};
    return torrent->handle;
}

// libtorrent's clock is monotonic; callers want wall-clock seconds.
int64_t to_unix(lt::time_point32 when) {
    if (when == (lt::time_point32::min)()) return 0;
    auto delta = std::chrono::duration_cast<std::chrono::seconds>(when - lt::time_point_cast<lt::seconds32>(lt::clock_type::now()));
    return static_cast<int64_t>(std::time(nullptr)) + delta.count();
}

} // namespace

extern "C" {

TC_API tc_status tc_torrent_get_peers(tc_torrent* torrent, tc_peer_list** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = nullptr;
        std::vector<lt::peer_info> peers;
        valid(torrent).get_peer_info(peers);
        auto* list = new tc_peer_list();
        list->items.resize(peers.size());
        for (std::size_t i = 0; i < peers.size(); ++i) {
            const lt::peer_info& p = peers[i];
            tc_peer_info& to = list->items[i];
            to = tc_peer_info{};
            to.client = list->strings.keep(p.client);
            to.ip = list->strings.keep(p.ip.address().to_string());
            to.local_ip = list->strings.keep(p.local_endpoint.address().to_string());
            to.total_download = p.total_download;
            to.total_upload = p.total_upload;
            to.last_request = lt::total_seconds(p.last_request);
            to.last_active = lt::total_seconds(p.last_active);
            to.download_queue_time = lt::total_seconds(p.download_queue_time);
            to.progress = p.progress;
            to.port = p.ip.port();
            to.local_port = p.local_endpoint.port();
            to.flags = static_cast<uint32_t>(p.flags);
            to.source = static_cast<int32_t>(static_cast<std::uint8_t>(p.source));
            to.connection_type = static_cast<int32_t>(static_cast<std::uint8_t>(p.connection_type));
            to.up_speed = p.up_speed;
            to.down_speed = p.down_speed;
            to.payload_up_speed = p.payload_up_speed;
            to.payload_down_speed = p.payload_down_speed;
            to.busy_requests = p.busy_requests;
            to.download_queue_length = p.download_queue_length;
            to.upload_queue_length = p.upload_queue_length;
            to.rtt = p.rtt;
            to.num_pieces = p.num_pieces;
            to.num_hashfails = p.num_hashfails;
            to.failcount = p.failcount;
        }
        *out = list;
    });
}

TC_API int32_t tc_peer_list_count(const tc_peer_list* list) { return list != nullptr ? static_cast<int32_t>(list->items.size()) : 0; }
TC_API const tc_peer_info* tc_peer_list_items(const tc_peer_list* list) { return list != nullptr ? list->items.data() : nullptr; }
TC_API void tc_peer_list_free(tc_peer_list* list) { delete list; }

TC_API tc_status tc_torrent_get_files(tc_torrent* torrent, tc_file_list** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = nullptr;
        auto& handle = valid(torrent);
        auto* list = new tc_file_list();
        std::shared_ptr<const lt::torrent_info> info = handle.torrent_file();
        if (info) {
            const lt::file_storage& files = info->files();
            std::vector<std::int64_t> progress;
            handle.file_progress(progress, lt::torrent_handle::piece_granularity);
            std::vector<lt::download_priority_t> priorities = handle.get_file_priorities();
            list->items.resize(static_cast<std::size_t>(files.num_files()));
            for (lt::file_index_t index : files.file_range()) {
                auto i = static_cast<std::size_t>(static_cast<int>(index));
                tc_file_entry& to = list->items[i];
                to = tc_file_entry{};
                to.path = list->strings.keep(files.file_path(index));
                to.size = files.file_size(index);
                to.offset = files.file_offset(index);
                to.downloaded = i < progress.size() ? progress[i] : 0;
                to.index = static_cast<int32_t>(static_cast<int>(index));
                to.priority = i < priorities.size() ? static_cast<int32_t>(static_cast<std::uint8_t>(priorities[i])) : 4;
                auto flags = files.file_flags(index);
                to.flags = ((flags & lt::file_storage::flag_pad_file) ? 1 : 0) | ((flags & lt::file_storage::flag_hidden) ? 2 : 0)
                    | ((flags & lt::file_storage::flag_executable) ? 4 : 0) | ((flags & lt::file_storage::flag_symlink) ? 8 : 0);
                to.num_pieces = files.file_num_pieces(index);
                to.num_blocks = files.file_num_blocks(index);
                to.first_piece_node = info->v2() ? files.file_first_piece_node(index) : 0;
                to.first_block_node = info->v2() ? files.file_first_block_node(index) : 0;
                to.absolute_path = files.file_absolute_path(index) ? 1 : 0;
            }
        }
        *out = list;
    });
}

TC_API int32_t tc_file_list_count(const tc_file_list* list) { return list != nullptr ? static_cast<int32_t>(list->items.size()) : 0; }
TC_API const tc_file_entry* tc_file_list_items(const tc_file_list* list) { return list != nullptr ? list->items.data() : nullptr; }
TC_API void tc_file_list_free(tc_file_list* list) { delete list; }

TC_API tc_status tc_torrent_get_trackers(tc_torrent* torrent, tc_tracker_list** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = nullptr;
        auto& handle = valid(torrent);
        // Report the v1 announce when the torrent has a v1 hash, else the v2 one.
        auto protocol = handle.info_hashes().has_v1() ? lt::protocol_version::V1 : lt::protocol_version::V2;
        std::vector<lt::announce_entry> trackers = handle.trackers();
        auto* list = new tc_tracker_list();
        list->items.resize(trackers.size());
        for (std::size_t i = 0; i < trackers.size(); ++i) {
            const lt::announce_entry& t = trackers[i];
            tc_tracker_entry& to = list->items[i];
            to = tc_tracker_entry{};
            to.url = list->strings.keep(t.url);
            to.tier = t.tier;
            to.source = t.source;
            to.verified = t.verified ? 1 : 0;
            to.scrape_complete = -1;
            to.scrape_incomplete = -1;
            to.scrape_downloaded = -1;
            std::string message;
            std::string last_error;
            // The endpoint that announced most recently speaks for the tracker.
            const lt::announce_infohash* best = nullptr;
            for (const auto& endpoint : t.endpoints) {
                const lt::announce_infohash& ih = endpoint.info_hashes[protocol];
                if (best == nullptr || ih.start_sent || ih.updating) best = &ih;
            }
            if (best != nullptr) {
                message = best->message;
                last_error = best->last_error ? best->last_error.message() : std::string();
                to.next_announce = to_unix(best->next_announce);
                to.min_announce = to_unix(best->min_announce);
                to.fails = best->fails;
                to.updating = best->updating ? 1 : 0;
                to.scrape_complete = best->scrape_complete;
                to.scrape_incomplete = best->scrape_incomplete;
                to.scrape_downloaded = best->scrape_downloaded;
            }
            to.message = list->strings.keep(message);
            to.last_error = list->strings.keep(last_error);
            to.trackerid = list->strings.keep(t.trackerid);
            to.fail_limit = t.fail_limit;
            to.announce_first = static_cast<int32_t>(list->announces.size());
            for (const auto& endpoint : t.endpoints) {
                for (int version = 1; version <= 2; ++version) {
                    const lt::announce_infohash& ih = endpoint.info_hashes[version == 1 ? lt::protocol_version::V1 : lt::protocol_version::V2];
                    tc_tracker_announce a{};
                    a.local_address = list->strings.keep(endpoint.local_endpoint.address().to_string());
                    a.local_port = endpoint.local_endpoint.port();
                    a.enabled = endpoint.enabled ? 1 : 0;
                    a.version = version;
                    a.message = list->strings.keep(ih.message);
                    a.last_error = list->strings.keep(ih.last_error ? ih.last_error.message() : std::string());
                    a.next_announce = to_unix(ih.next_announce);
                    a.min_announce = to_unix(ih.min_announce);
                    a.fails = ih.fails;
                    a.updating = ih.updating ? 1 : 0;
                    a.start_sent = ih.start_sent ? 1 : 0;
                    a.complete_sent = ih.complete_sent ? 1 : 0;
                    a.scrape_complete = ih.scrape_complete;
                    a.scrape_incomplete = ih.scrape_incomplete;
                    a.scrape_downloaded = ih.scrape_downloaded;
                    list->announces.push_back(a);
                }
            }
            to.announce_count = static_cast<int32_t>(list->announces.size()) - to.announce_first;
        }
        *out = list;
    });
}

TC_API int32_t tc_tracker_list_count(const tc_tracker_list* list) { return list != nullptr ? static_cast<int32_t>(list->items.size()) : 0; }
TC_API const tc_tracker_entry* tc_tracker_list_items(const tc_tracker_list* list) { return list != nullptr ? list->items.data() : nullptr; }
TC_API void tc_tracker_list_free(tc_tracker_list* list) { delete list; }
TC_API int32_t tc_tracker_list_announce_count(const tc_tracker_list* list) { return list != nullptr ? static_cast<int32_t>(list->announces.size()) : 0; }
TC_API const tc_tracker_announce* tc_tracker_list_announces(const tc_tracker_list* list) { return list != nullptr ? list->announces.data() : nullptr; }

} // extern "C"
