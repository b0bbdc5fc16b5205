// Torrents without a session: reading .torrent files and magnet links, and creating torrents from files.
#include "common.hpp"

#include <libtorrent/bdecode.hpp>
#include <libtorrent/bencode.hpp>
#include <libtorrent/create_torrent.hpp>
#include <libtorrent/magnet_uri.hpp>
#include <libtorrent/torrent_info.hpp>

#include <filesystem>

struct tc_meta_holder {
    tc::string_arena strings;
};

namespace {

void fill_meta(const lt::info_hash_t& hashes, const std::string& name, tc_torrent_meta* out, tc_meta_holder* holder) {
    *out = tc_torrent_meta{};
    out->info_hash_v1 = holder->strings.keep(tc::v1_hex(hashes));
    out->info_hash_v2 = holder->strings.keep(tc::v2_hex(hashes));
    out->name = holder->strings.keep(name);
}

// A .torrent file as libtorrent reads it, or TC_E_INVALID_TORRENT with what is wrong with it.
lt::torrent_info parse_torrent_file(const uint8_t* data, int64_t size) {
    if (data == nullptr || size <= 0) throw tc::failure{TC_E_INVALID_TORRENT, "the .torrent file is empty"};
    lt::error_code ec;
    lt::bdecode_node node = lt::bdecode({reinterpret_cast<const char*>(data), static_cast<std::ptrdiff_t>(size)}, ec);
    if (ec) throw tc::failure{TC_E_INVALID_TORRENT, "not bencoded data: " + ec.message()};
    lt::torrent_info info(node, ec);
    if (ec) throw tc::failure{TC_E_INVALID_TORRENT, ec.message()};
    return info;
}

} // namespace

extern "C" {

TC_API tc_status tc_parse_torrent(const uint8_t* data, int64_t size, tc_torrent_meta* out, tc_meta_holder** holder, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr && holder != nullptr, "out and holder are required");
        *holder = nullptr;
        lt::torrent_info info = parse_torrent_file(data, size);
        auto owned = std::make_unique<tc_meta_holder>();
        fill_meta(info.info_hashes(), info.name(), out, owned.get());
        out->total_size = info.total_size();
        out->num_files = info.num_files();
        out->num_pieces = info.num_pieces();
        out->piece_length = info.piece_length();
        out->is_private = info.priv() ? 1 : 0;
        *holder = owned.release();
    });
}

TC_API tc_status tc_parse_magnet(const char* uri, tc_torrent_meta* out, tc_meta_holder** holder, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr && holder != nullptr, "out and holder are required");
        *holder = nullptr;
        if (uri == nullptr || uri[0] == '\0') throw tc::failure{TC_E_INVALID_MAGNET, "the magnet link is empty"};
        lt::error_code ec;
        lt::add_torrent_params params = lt::parse_magnet_uri(uri, ec);
        if (ec) throw tc::failure{TC_E_INVALID_MAGNET, ec.message()};
        if (!params.info_hashes.has_v1() && !params.info_hashes.has_v2())
            throw tc::failure{TC_E_INVALID_MAGNET, "the magnet link has no info-hash"};
        auto owned = std::make_unique<tc_meta_holder>();
        fill_meta(params.info_hashes, params.name, out, owned.get());
        *holder = owned.release();
    });
}

TC_API void tc_meta_holder_free(tc_meta_holder* holder) { delete holder; }

TC_API tc_status tc_torrent_file_magnet_uri(const uint8_t* data, int64_t size, tc_buffer** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is required");
        *out = nullptr;
        lt::torrent_info info = parse_torrent_file(data, size);
        std::string magnet = lt::make_magnet_uri(info);
        auto* buffer = new tc_buffer();
        buffer->bytes.assign(magnet.begin(), magnet.end());
        *out = buffer;
    });
}

TC_API tc_status tc_create_torrent(const tc_create_params* p, tc_buffer** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(p != nullptr && out != nullptr, "params and out are required");
        *out = nullptr;
        tc::require(p->path != nullptr && p->path[0] != '\0', "path is required");
        std::error_code fs_error;
        std::filesystem::path path = std::filesystem::absolute(p->path, fs_error);
        if (fs_error || !std::filesystem::exists(path, fs_error))
            throw tc::failure{TC_E_IO, std::string("no such file or folder: ") + p->path};

        lt::file_storage files;
        lt::add_files(files, path.string());
        if (files.num_files() == 0) throw tc::failure{TC_E_IO, std::string("nothing to share in ") + p->path};

        lt::create_flags_t flags{};
        if (p->version == TC_TORRENT_V1) flags |= lt::create_torrent::v1_only;
        else if (p->version == TC_TORRENT_V2) flags |= lt::create_torrent::v2_only;
        lt::create_torrent creator(files, p->piece_size > 0 ? p->piece_size : 0, flags);
        for (int32_t i = 0; i < p->tracker_count; ++i) {
            tc::require(p->trackers != nullptr && p->trackers[i] != nullptr, "a tracker URL is null");
            creator.add_tracker(p->trackers[i], i);
        }
        for (int32_t i = 0; i < p->web_seed_count; ++i) {
            tc::require(p->web_seeds != nullptr && p->web_seeds[i] != nullptr, "a web seed URL is null");
            creator.add_url_seed(p->web_seeds[i]);
        }
        if (p->comment != nullptr) creator.set_comment(p->comment);
        if (p->creator != nullptr) creator.set_creator(p->creator);
        creator.set_priv(p->is_private != 0);

        lt::error_code ec;
        lt::set_piece_hashes(creator, path.parent_path().string(), ec);
        if (ec) throw tc::failure{TC_E_IO, "hashing " + path.string() + " failed: " + ec.message()};

        auto* buffer = new tc_buffer();
        lt::bencode(std::back_inserter(buffer->bytes), creator.generate());
        *out = buffer;
    });
}

} // extern "C"
