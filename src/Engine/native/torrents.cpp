// Adding, finding, removing and controlling torrents.
#include "common.hpp"

#include <libtorrent/add_torrent_params.hpp>
#include <libtorrent/bdecode.hpp>
#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>
#include <libtorrent/magnet_uri.hpp>
#include <libtorrent/read_resume_data.hpp>
#include <libtorrent/torrent_info.hpp>

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// libtorrent's own from_hex is not exported from the shared library in every build.
bool decode_hex(const char* text, std::size_t length, char* out) {
    for (std::size_t i = 0; i < length / 2; ++i) {
        int high = hex_value(text[2 * i]);
        int low = hex_value(text[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        out[i] = static_cast<char>((high << 4) | low);
    }
    return true;
}

} // namespace

namespace tc {

bool parse_hex_hash(const char* text, lt::info_hash_t& out) {
    if (text == nullptr) return false;
    std::size_t length = std::strlen(text);
    if (length == 40) {
        lt::sha1_hash hash;
        if (!decode_hex(text, 40, hash.data())) return false;
        out = lt::info_hash_t(hash);
        return true;
    }
    if (length == 64) {
        lt::sha256_hash hash;
        if (!decode_hex(text, 64, hash.data())) return false;
        out = lt::info_hash_t(hash);
        return true;
    }
    return false;
}

} // namespace tc

namespace {

lt::torrent_handle& handle_of(tc_torrent* torrent) {
    tc::require(torrent != nullptr, "torrent is null");
    // is_valid() stays true for a moment after removal, while libtorrent tears the torrent down;
    // in_session() is false from the removal on.
    if (!torrent->handle.is_valid() || !torrent->handle.in_session())
        throw tc::failure{TC_E_INVALID_HANDLE, "the torrent is not in the session (removed)"};
    return torrent->handle;
}

std::shared_ptr<lt::torrent_info> parse_torrent(const uint8_t* data, int64_t size) {
    lt::error_code ec;
    lt::bdecode_node node = lt::bdecode({reinterpret_cast<const char*>(data), static_cast<std::ptrdiff_t>(size)}, ec);
    if (ec) throw tc::failure{TC_E_INVALID_TORRENT, "not bencoded data: " + ec.message()};
    auto info = std::make_shared<lt::torrent_info>(node, ec);
    if (ec) throw tc::failure{TC_E_INVALID_TORRENT, ec.message()};
    return info;
}

// The add_torrent_params of an add request; throws for a .torrent file, magnet link or resume data that does not
// parse, so those fail at the call, before anything reaches libtorrent.
lt::add_torrent_params build_params(const tc_add_params* p) {
    tc::require(p->save_path != nullptr && p->save_path[0] != '\0', "save_path is required");
    bool has_torrent = p->torrent_data != nullptr && p->torrent_size > 0;
    bool has_resume = p->resume_data != nullptr && p->resume_size > 0;
    bool has_magnet = p->magnet_uri != nullptr && p->magnet_uri[0] != '\0';
    tc::require(has_torrent || has_resume || has_magnet, "a .torrent file, a magnet link or resume data is required");

    lt::add_torrent_params params;
    if (has_resume) {
        lt::error_code ec;
        params = lt::read_resume_data({reinterpret_cast<const char*>(p->resume_data), static_cast<int>(p->resume_size)}, ec);
        if (ec) throw tc::failure{TC_E_INVALID_RESUME, "resume data does not parse: " + ec.message()};
    }
    if (has_torrent) {
        params.ti = parse_torrent(p->torrent_data, p->torrent_size);
        params.info_hashes = params.ti->info_hashes();
    } else if (has_magnet) {
        lt::error_code ec;
        lt::add_torrent_params magnet = lt::parse_magnet_uri(p->magnet_uri, ec);
        if (ec) throw tc::failure{TC_E_INVALID_MAGNET, "not a magnet link: " + ec.message()};
        if (!params.ti) {
            params.info_hashes = magnet.info_hashes;
            if (params.name.empty()) params.name = magnet.name;
        }
        for (const auto& tracker : magnet.trackers) params.trackers.push_back(tracker);
        for (const auto& seed : magnet.url_seeds) params.url_seeds.push_back(seed);
        for (const auto& peer : magnet.peers) params.peers.push_back(peer);
    }

    params.save_path = p->save_path;
    if (p->name != nullptr && p->name[0] != '\0') params.name = p->name;
    for (int32_t i = 0; i < p->tracker_count; ++i) {
        tc::require(p->trackers != nullptr && p->trackers[i] != nullptr, "a tracker URL is null");
        params.trackers.emplace_back(p->trackers[i]);
    }
    for (int32_t i = 0; i < p->url_seed_count; ++i) {
        tc::require(p->url_seeds != nullptr && p->url_seeds[i] != nullptr && p->url_seeds[i][0] != '\0', "a url seed is empty");
        params.url_seeds.emplace_back(p->url_seeds[i]);
    }
    for (int32_t i = 0; i < p->http_seed_count; ++i) {
        tc::require(p->http_seeds != nullptr && p->http_seeds[i] != nullptr && p->http_seeds[i][0] != '\0', "an http seed is empty");
        params.http_seeds.emplace_back(p->http_seeds[i]);
    }
    // The cluster, not libtorrent's queue, decides what runs: no torrent is auto-managed, and adding one
    // that is there already is an error rather than a silent second handle.
    params.flags |= lt::torrent_flags::duplicate_is_error;
    params.flags &= ~lt::torrent_flags::auto_managed;
    if (p->paused) params.flags |= lt::torrent_flags::paused;
    else params.flags &= ~lt::torrent_flags::paused;
    if (p->seed_mode) params.flags |= lt::torrent_flags::seed_mode;
    // Only an explicit "allocate" overrides: resume data carries the mode the torrent was first added with.
    if (p->storage_mode == 1) params.storage_mode = lt::storage_mode_allocate;
    // libtorrent flags every torrent as needing a save when it is added without resume data, and one added from
    // resume data as not: yet a torrent added without it has nothing a save would keep (its metainfo and add
    // settings are the caller's to keep), only its first change does, which libtorrent flags. So a session of
    // 100,000 fresh torrents does not save them all again at shutdown. Seed mode is the exception: the trust it
    // places in the files lives in resume data alone.
    if (!p->seed_mode) params.flags &= ~lt::torrent_flags::need_save_resume;
    if (p->upload_limit > 0) params.upload_limit = p->upload_limit;
    if (p->download_limit > 0) params.download_limit = p->download_limit;
    if (p->max_connections > 0) params.max_connections = p->max_connections;
    if (p->max_uploads > 0) params.max_uploads = p->max_uploads;
    return params;
}

} // namespace

extern "C" {

TC_API tc_status tc_session_async_add_torrent(tc_session* session, const tc_add_params* p, uint64_t request_id, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr && p != nullptr, "session and params are required");
        lt::add_torrent_params params = build_params(p);
        params.userdata = tc::add_request_data(request_id);
        session->session.async_add_torrent(std::move(params));
    });
}

TC_API tc_status tc_session_find_torrent(tc_session* session, const char* info_hash_hex, tc_torrent** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr && out != nullptr, "session and out are required");
        *out = nullptr;
        lt::info_hash_t wanted;
        if (!tc::parse_hex_hash(info_hash_hex, wanted))
            throw tc::failure{TC_E_INVALID_ARGUMENT, "an info-hash is 40 (v1) or 64 (v2) hex characters"};
        lt::torrent_handle found;
        if (wanted.has_v1()) {
            found = session->session.find_torrent(wanted.v1);
        } else {
            // find_torrent takes a v1-sized key; a v2 hash is matched on the torrents' own info-hashes.
            for (const auto& handle : session->session.get_torrents())
                if (handle.info_hashes().v2 == wanted.v2) { found = handle; break; }
        }
        if (!found.is_valid()) throw tc::failure{TC_E_INVALID_HANDLE, std::string("no torrent ") + info_hash_hex + " in the session"};
        *out = new tc_torrent{found};
    });
}

TC_API tc_status tc_session_remove_torrent(tc_session* session, tc_torrent* torrent, int32_t delete_files, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr, "session is null");
        auto& handle = handle_of(torrent);
        session->session.remove_torrent(handle, delete_files ? lt::session::delete_files : lt::remove_flags_t{});
    });
}

TC_API void tc_torrent_free(tc_torrent* torrent) { delete torrent; }

TC_API tc_torrent* tc_torrent_copy(const tc_torrent* torrent) { return torrent != nullptr ? new tc_torrent{torrent->handle} : nullptr; }

TC_API tc_status tc_torrent_pause(tc_torrent* torrent, tc_error* err) {
    return tc::guard(err, [&] {
        auto& handle = handle_of(torrent);
        handle.unset_flags(lt::torrent_flags::auto_managed);
        handle.pause();
    });
}

TC_API tc_status tc_torrent_resume(tc_torrent* torrent, tc_error* err) {
    return tc::guard(err, [&] {
        auto& handle = handle_of(torrent);
        handle.unset_flags(lt::torrent_flags::auto_managed);
        handle.resume();
    });
}

TC_API tc_status tc_torrent_force_recheck(tc_torrent* torrent, tc_error* err) {
    return tc::guard(err, [&] { handle_of(torrent).force_recheck(); });
}

TC_API tc_status tc_torrent_force_reannounce(tc_torrent* torrent, tc_error* err) {
    return tc::guard(err, [&] { handle_of(torrent).force_reannounce(); });
}

TC_API tc_status tc_torrent_move_storage(tc_torrent* torrent, const char* save_path, int32_t flags, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(save_path != nullptr && save_path[0] != '\0', "save_path is required");
        tc::require(flags >= 0 && flags <= 2, "flags must be 0 (always replace), 1 (fail if exist) or 2 (don't replace)");
        handle_of(torrent).move_storage(save_path, static_cast<lt::move_flags_t>(flags));
    });
}

TC_API tc_status tc_torrent_add_web_seed(tc_torrent* torrent, const char* url, int32_t http_seed, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(url != nullptr && url[0] != '\0', "url is required");
        if (http_seed != 0) handle_of(torrent).add_http_seed(url);
        else handle_of(torrent).add_url_seed(url);
    });
}

TC_API uint64_t tc_torrent_flag_bit(const char* name) {
    if (name == nullptr) return 0;
    static const std::pair<const char*, lt::torrent_flags_t> flags[] = {
        {"seed_mode", lt::torrent_flags::seed_mode}, {"upload_mode", lt::torrent_flags::upload_mode},
        {"share_mode", lt::torrent_flags::share_mode}, {"apply_ip_filter", lt::torrent_flags::apply_ip_filter},
        {"paused", lt::torrent_flags::paused}, {"auto_managed", lt::torrent_flags::auto_managed},
        {"duplicate_is_error", lt::torrent_flags::duplicate_is_error}, {"update_subscribe", lt::torrent_flags::update_subscribe},
        {"super_seeding", lt::torrent_flags::super_seeding}, {"sequential_download", lt::torrent_flags::sequential_download},
        {"stop_when_ready", lt::torrent_flags::stop_when_ready}, {"override_trackers", lt::torrent_flags::override_trackers},
        {"override_web_seeds", lt::torrent_flags::override_web_seeds}, {"need_save_resume", lt::torrent_flags::need_save_resume},
        {"disable_dht", lt::torrent_flags::disable_dht}, {"disable_lsd", lt::torrent_flags::disable_lsd},
        {"disable_pex", lt::torrent_flags::disable_pex}, {"no_verify_files", lt::torrent_flags::no_verify_files},
        {"default_dont_download", lt::torrent_flags::default_dont_download},
        // i2p_torrent arrived in libtorrent 2.0.9; Debian's 2.0.8 has no such flag, so it reads as unknown (0).
    };
    for (const auto& [flag, bit] : flags)
        if (std::strcmp(flag, name) == 0) return static_cast<uint64_t>(bit);
    return 0;
}

TC_API tc_status tc_torrent_get_flags(tc_torrent* torrent, uint64_t* out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = static_cast<uint64_t>(handle_of(torrent).flags());
    });
}

TC_API tc_status tc_torrent_set_flags(tc_torrent* torrent, uint64_t flags, uint64_t mask, tc_error* err) {
    return tc::guard(err, [&] {
        handle_of(torrent).set_flags(lt::torrent_flags_t(flags), lt::torrent_flags_t(mask));
    });
}

TC_API tc_status tc_torrent_get_pieces(tc_torrent* torrent, tc_buffer** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = nullptr;
        lt::torrent_status status = handle_of(torrent).status(lt::torrent_handle::query_pieces);
        auto* buffer = new tc_buffer();
        buffer->bytes.reserve(static_cast<std::size_t>(status.pieces.size()));
        for (int i = 0; i < status.pieces.size(); ++i)
            buffer->bytes.push_back(status.pieces.get_bit(lt::piece_index_t(i)) ? 1 : 0);
        *out = buffer;
    });
}

TC_API tc_status tc_torrent_connect_peer(tc_torrent* torrent, const char* ip, int32_t port, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(ip != nullptr, "ip is null");
        tc::require(port >= 1 && port <= 65535, "port must be 1-65535");
        lt::error_code ec;
        auto address = lt::make_address(ip, ec);
        if (ec) throw tc::failure{TC_E_INVALID_ARGUMENT, std::string("'") + ip + "' is not an IP address"};
        handle_of(torrent).connect_peer(lt::tcp::endpoint(address, static_cast<std::uint16_t>(port)));
    });
}

TC_API tc_status tc_torrent_save_resume_data(tc_torrent* torrent, int32_t only_if_modified, tc_error* err) {
    return tc::guard(err, [&] {
        // The info dictionary goes along so resume data alone can bring a torrent back, magnets included.
        lt::resume_data_flags_t flags = lt::torrent_handle::save_info_dict;
        if (only_if_modified) flags |= lt::torrent_handle::only_if_modified;
        handle_of(torrent).save_resume_data(flags);
    });
}

TC_API tc_status tc_torrent_add_tracker(tc_torrent* torrent, const char* url, int32_t tier, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(url != nullptr && url[0] != '\0', "url is required");
        lt::announce_entry entry(url);
        entry.tier = static_cast<std::uint8_t>(std::max(0, std::min(tier, 255)));
        handle_of(torrent).add_tracker(entry);
    });
}

TC_API tc_status tc_torrent_set_limits(tc_torrent* torrent, const tc_torrent_limits* limits, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(limits != nullptr, "limits is null");
        auto& handle = handle_of(torrent);
        handle.set_upload_limit(limits->upload_limit > 0 ? limits->upload_limit : -1);
        handle.set_download_limit(limits->download_limit > 0 ? limits->download_limit : -1);
        handle.set_max_connections(limits->max_connections > 0 ? limits->max_connections : -1);
        handle.set_max_uploads(limits->max_uploads > 0 ? limits->max_uploads : -1);
    });
}

TC_API tc_status tc_torrent_get_limits(tc_torrent* torrent, tc_torrent_limits* out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        auto& handle = handle_of(torrent);
        out->upload_limit = handle.upload_limit();
        out->download_limit = handle.download_limit();
        out->max_connections = handle.max_connections();
        out->max_uploads = handle.max_uploads();
    });
}

TC_API tc_status tc_torrent_set_file_priorities(tc_torrent* torrent, const int32_t* priorities, int32_t count, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(count == 0 || priorities != nullptr, "priorities is null");
        std::vector<lt::download_priority_t> values;
        values.reserve(static_cast<std::size_t>(count));
        for (int32_t i = 0; i < count; ++i) {
            tc::require(priorities[i] >= 0 && priorities[i] <= 7, "a file priority is 0 (skip) to 7 (top)");
            values.emplace_back(static_cast<std::uint8_t>(priorities[i]));
        }
        handle_of(torrent).prioritize_files(values);
    });
}

TC_API tc_status tc_torrent_get_torrent_file(tc_torrent* torrent, tc_buffer** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = nullptr;
        // With hashes, so a v2 torrent's piece layers are part of the file.
        std::shared_ptr<lt::torrent_info> info = handle_of(torrent).torrent_file_with_hashes();
        if (!info) throw tc::failure{TC_E_NO_METADATA, "the torrent has no metadata yet"};
        lt::create_torrent creator(*info);
        auto* buffer = new tc_buffer();
        lt::bencode(std::back_inserter(buffer->bytes), creator.generate());
        *out = buffer;
    });
}

} // extern "C"
