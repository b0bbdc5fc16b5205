#include "status.hpp"

#include <libtorrent/torrent_info.hpp>

#include <chrono>

namespace {

// Seconds since a libtorrent time point; -1 when it never happened (a zero time point).
int64_t seconds_since(lt::time_point when) {
    if (when.time_since_epoch().count() == 0) return -1;
    return std::chrono::duration_cast<std::chrono::seconds>(lt::clock_type::now() - when).count();
}

int32_t flags_of(const lt::torrent_status& s) {
    int32_t flags = 0;
    if (s.flags & lt::torrent_flags::paused) flags |= TC_STATUS_PAUSED;
    if (s.flags & lt::torrent_flags::auto_managed) flags |= TC_STATUS_AUTO_MANAGED;
    if (s.is_seeding) flags |= TC_STATUS_IS_SEEDING;
    if (s.is_finished) flags |= TC_STATUS_IS_FINISHED;
    if (s.has_metadata) flags |= TC_STATUS_HAS_METADATA;
    if (s.moving_storage) flags |= TC_STATUS_MOVING_STORAGE;
    if (s.need_save_resume) flags |= TC_STATUS_NEED_SAVE_RESUME;
    if (s.flags & lt::torrent_flags::seed_mode) flags |= TC_STATUS_SEED_MODE;
    if (s.flags & lt::torrent_flags::upload_mode) flags |= TC_STATUS_UPLOAD_MODE;
    if (s.flags & lt::torrent_flags::sequential_download) flags |= TC_STATUS_SEQUENTIAL;
    if (s.flags & lt::torrent_flags::super_seeding) flags |= TC_STATUS_SUPER_SEEDING;
    return flags;
}

} // namespace

namespace tc {

void fill_status(const lt::torrent_status& s, tc_torrent_status& to, string_arena& strings) {
    to = tc_torrent_status{};
    to.info_hash_v1 = strings.keep(v1_hex(s.info_hashes));
    to.info_hash_v2 = strings.keep(v2_hex(s.info_hashes));
    to.name = strings.keep(s.name);
    to.save_path = strings.keep(s.save_path);
    to.error = strings.keep(s.errc ? s.errc.message() : std::string());
    std::string error_file;
    auto info = s.torrent_file.lock();
    if (s.errc && info && static_cast<int>(s.error_file) >= 0 && static_cast<int>(s.error_file) < info->num_files())
        error_file = info->files().file_path(s.error_file);
    to.error_file = strings.keep(error_file);
    to.total_size = info ? info->total_size() : 0;
    to.total_wanted = s.total_wanted;
    to.total_done = s.total_done;
    to.total_wanted_done = s.total_wanted_done;
    to.total = s.total;
    to.total_download = s.total_download;
    to.total_upload = s.total_upload;
    to.total_payload_download = s.total_payload_download;
    to.total_payload_upload = s.total_payload_upload;
    to.all_time_download = s.all_time_download;
    to.all_time_upload = s.all_time_upload;
    to.added_time = static_cast<int64_t>(s.added_time);
    to.completed_time = static_cast<int64_t>(s.completed_time);
    to.last_download = seconds_since(s.last_download);
    to.last_upload = seconds_since(s.last_upload);
    to.active_duration = s.active_duration.count();
    to.finished_duration = s.finished_duration.count();
    to.seeding_duration = s.seeding_duration.count();
    to.handle_id = static_cast<int64_t>(s.handle.id());
    to.progress = s.progress;
    to.state = static_cast<int32_t>(s.state);
    to.flags = flags_of(s);
    to.download_rate = s.download_rate;
    to.upload_rate = s.upload_rate;
    to.download_payload_rate = s.download_payload_rate;
    to.upload_payload_rate = s.upload_payload_rate;
    to.num_peers = s.num_peers;
    to.num_seeds = s.num_seeds;
    to.num_complete = s.num_complete;
    to.num_incomplete = s.num_incomplete;
    to.list_peers = s.list_peers;
    to.list_seeds = s.list_seeds;
    to.connections = s.num_connections;
    to.queue_position = static_cast<int32_t>(s.queue_position);
    to.num_pieces = s.num_pieces;
    to.torrent_pieces = info ? info->num_pieces() : 0;
    to.piece_length = info ? info->piece_length() : 0;
    to.error_code = s.errc ? s.errc.value() : 0;
    to.torrent_flags = static_cast<uint64_t>(s.flags);
}

} // namespace tc

namespace {

// torrent_file is only filled when asked for; total_size and pieces come from it.
constexpr lt::status_flags_t status_query = lt::torrent_handle::query_torrent_file | lt::torrent_handle::query_name
    | lt::torrent_handle::query_save_path;

} // namespace

extern "C" {

TC_API tc_status tc_torrent_get_status(tc_torrent* torrent, tc_status_list** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(torrent != nullptr && out != nullptr, "torrent and out are required");
        *out = nullptr;
        if (!torrent->handle.is_valid() || !torrent->handle.in_session())
            throw tc::failure{TC_E_INVALID_HANDLE, "the torrent is not in the session (removed)"};
        lt::torrent_status status = torrent->handle.status(status_query);
        auto* list = new tc_status_list();
        list->items.resize(1);
        tc::fill_status(status, list->items[0], list->strings);
        *out = list;
    });
}

TC_API tc_status tc_session_get_all_status(tc_session* session, tc_status_list** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr && out != nullptr, "session and out are required");
        *out = nullptr;
        std::vector<lt::torrent_status> statuses =
            session->session.get_torrent_status([](const lt::torrent_status&) { return true; }, status_query);
        auto* list = new tc_status_list();
        list->items.resize(statuses.size());
        for (std::size_t i = 0; i < statuses.size(); ++i) tc::fill_status(statuses[i], list->items[i], list->strings);
        *out = list;
    });
}

TC_API int32_t tc_status_list_count(const tc_status_list* list) { return list != nullptr ? static_cast<int32_t>(list->items.size()) : 0; }
TC_API const tc_torrent_status* tc_status_list_items(const tc_status_list* list) { return list != nullptr ? list->items.data() : nullptr; }
TC_API void tc_status_list_free(tc_status_list* list) { delete list; }

} // extern "C"
