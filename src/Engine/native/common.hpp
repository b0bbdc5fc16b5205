// Shared helpers of the shim: error reporting, string arenas, hex, and the one try/catch wrapper every exported
// function goes through so that no C++ exception crosses the C boundary.
#pragma once

#include "tc_engine.h"

#include <libtorrent/client_data.hpp>
#include <libtorrent/error_code.hpp>
#include <libtorrent/info_hash.hpp>
#include <libtorrent/session.hpp>
#include <libtorrent/torrent_handle.hpp>

#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <new>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

struct tc_session { lt::session session; explicit tc_session(lt::session_params params) : session(std::move(params)) {} };
struct tc_torrent { lt::torrent_handle handle; };
struct tc_buffer { std::vector<uint8_t> bytes; };

namespace tc {

// Strings copied out of libtorrent live here until their list is freed. A deque never moves its elements, so
// the c_str() pointers handed to C# stay valid as more strings are added.
class string_arena {
public:
    const char* keep(std::string text) { _strings.push_back(std::move(text)); return _strings.back().c_str(); }
private:
    std::deque<std::string> _strings;
};

// Thrown inside the shim to fail with a chosen status; caught by guard().
struct failure {
    tc_status status;
    std::string message;
};

inline void set_error(tc_error* err, tc_status status, const std::string& message) {
    if (err == nullptr) return;
    err->code = status;
    std::size_t n = std::min(message.size(), sizeof(err->message) - 1);
    std::memcpy(err->message, message.data(), n);
    err->message[n] = '\0';
}

inline void clear_error(tc_error* err) {
    if (err == nullptr) return;
    err->code = TC_OK;
    err->message[0] = '\0';
}

// Maps libtorrent's error codes to ours; the message keeps libtorrent's words.
inline tc_status status_of(const lt::error_code& ec) {
    if (ec.category() == lt::libtorrent_category()) {
        switch (ec.value()) {
        case lt::errors::duplicate_torrent: return TC_E_DUPLICATE;
        case lt::errors::invalid_torrent_handle: return TC_E_INVALID_HANDLE;
        case lt::errors::invalid_session_handle: return TC_E_INVALID_HANDLE;
        case lt::errors::torrent_missing_info: return TC_E_NO_METADATA;
        default: break;
        }
        if (ec.value() >= lt::errors::torrent_is_no_dict && ec.value() <= lt::errors::torrent_invalid_piece_layer)
            return TC_E_INVALID_TORRENT;
    }
    if (ec.category() == lt::bdecode_category()) return TC_E_INVALID_TORRENT;
    if (ec.category() == lt::system_category() || ec.category() == lt::generic_category()) return TC_E_IO;
    return TC_E_INTERNAL;
}

// Runs f, turning every exception into a status and message: the only exit from the shim besides TC_OK.
template <typename F>
tc_status guard(tc_error* err, F&& f) {
    clear_error(err);
    try {
        f();
        return TC_OK;
    } catch (const failure& e) {
        set_error(err, e.status, e.message);
        return e.status;
    } catch (const lt::system_error& e) {
        tc_status s = status_of(e.code());
        set_error(err, s, e.code().message());
        return s;
    } catch (const std::bad_alloc&) {
        set_error(err, TC_E_INTERNAL, "out of memory");
        return TC_E_INTERNAL;
    } catch (const std::exception& e) {
        set_error(err, TC_E_INTERNAL, e.what());
        return TC_E_INTERNAL;
    } catch (...) {
        set_error(err, TC_E_INTERNAL, "unknown error");
        return TC_E_INTERNAL;
    }
}

inline void require(bool condition, const char* message) {
    if (!condition) throw failure{TC_E_INVALID_ARGUMENT, message};
}

template <typename Hash>
std::string to_hex(const Hash& hash) {
    std::ostringstream out;
    out << hash;
    return out.str();
}

inline std::string v1_hex(const lt::info_hash_t& ih) { return ih.has_v1() ? to_hex(ih.v1) : std::string(); }
inline std::string v2_hex(const lt::info_hash_t& ih) { return ih.has_v2() ? to_hex(ih.v2) : std::string(); }

// An async add's request id rides in add_torrent_params::userdata as a pointer-sized number, never dereferenced:
// add_torrent_alert copies userdata, so the answer finds its caller even when two requests name the same torrent.
// The tag type has external linkage so that client_data_t's type check agrees across the shim's files.
struct add_request_tag {};

inline lt::client_data_t add_request_data(uint64_t request_id) {
    return lt::client_data_t(reinterpret_cast<add_request_tag*>(static_cast<std::uintptr_t>(request_id)));
}

inline uint64_t add_request_id(const lt::client_data_t& data) {
    return static_cast<uint64_t>(reinterpret_cast<std::uintptr_t>(data.get<add_request_tag>()));
}

// Parses 40 (v1) or 64 (v2) hex characters; false when the text is neither.
bool parse_hex_hash(const char* text, lt::info_hash_t& out);

} // namespace tc
