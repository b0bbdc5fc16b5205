// Session creation and libtorrent settings by name.
#include "common.hpp"

#include <libtorrent/alert.hpp>
#include <libtorrent/session_params.hpp>
#include <libtorrent/settings_pack.hpp>
#include <libtorrent/version.hpp>

#include <cstdlib>

namespace {

bool parse_bool(const std::string& text, bool& out) {
    if (text == "true" || text == "1") { out = true; return true; }
    if (text == "false" || text == "0") { out = false; return true; }
    return false;
}

bool parse_int(const std::string& text, int& out) {
    if (text.empty()) return false;
    char* end = nullptr;
    errno = 0;
    long value = std::strtol(text.c_str(), &end, 10);
    if (errno != 0 || end == nullptr || *end != '\0' || value < INT32_MIN || value > INT32_MAX) return false;
    out = static_cast<int>(value);
    return true;
}

void apply(lt::settings_pack& pack, const tc_setting* settings, int32_t count) {
    tc::require(count == 0 || settings != nullptr, "settings is null");
    for (int32_t i = 0; i < count; ++i) {
        tc::require(settings[i].name != nullptr && settings[i].value != nullptr, "a setting's name or value is null");
        std::string name = settings[i].name;
        std::string value = settings[i].value;
        int index = lt::setting_by_name(name);
        if (index < 0) throw tc::failure{TC_E_UNKNOWN_SETTING, "unknown libtorrent setting '" + name + "'"};
        switch (index & lt::settings_pack::type_mask) {
        case lt::settings_pack::string_type_base:
            pack.set_str(index, value);
            break;
        case lt::settings_pack::int_type_base: {
            int parsed = 0;
            if (!parse_int(value, parsed))
                throw tc::failure{TC_E_UNKNOWN_SETTING, "setting '" + name + "' takes an integer, got '" + value + "'"};
            pack.set_int(index, parsed);
            break;
        }
        case lt::settings_pack::bool_type_base: {
            bool parsed = false;
            if (!parse_bool(value, parsed))
                throw tc::failure{TC_E_UNKNOWN_SETTING, "setting '" + name + "' takes true or false, got '" + value + "'"};
            pack.set_bool(index, parsed);
            break;
        }
        default:
            throw tc::failure{TC_E_UNKNOWN_SETTING, "setting '" + name + "' has a type the shim does not know"};
        }
    }
}

} // namespace

extern "C" {

TC_API const char* tc_version(void) { return lt::version(); }

TC_API int32_t tc_struct_size(int32_t which) {
    switch (which) {
    case 0: return sizeof(tc_error);
    case 1: return sizeof(tc_add_params);
    case 2: return sizeof(tc_torrent_status);
    case 3: return sizeof(tc_peer_info);
    case 4: return sizeof(tc_file_entry);
    case 5: return sizeof(tc_tracker_entry);
    case 6: return sizeof(tc_session_stats);
    case 7: return sizeof(tc_alert);
    case 8: return sizeof(tc_torrent_meta);
    case 9: return sizeof(tc_create_params);
    case 10: return sizeof(tc_torrent_limits);
    case 11: return sizeof(tc_setting);
    case 12: return sizeof(tc_tracker_announce);
    default: return -1;
    }
}

TC_API tc_status tc_session_create(const tc_setting* settings, int32_t count, tc_session** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(out != nullptr, "out is null");
        *out = nullptr;
        lt::settings_pack pack;
        // The settings below are the shim's own: ReservedSettings.cs keeps callers from changing them.
        // Status, errors, storage and trackers: what the C# pump turns into events. No peer or block
        // categories: at 100,000 torrents they would flood the queue.
        pack.set_int(lt::settings_pack::alert_mask,
            static_cast<int>(static_cast<std::uint32_t>(lt::alert_category::status | lt::alert_category::error
                | lt::alert_category::storage | lt::alert_category::tracker | lt::alert_category::performance_warning)));
        // Shutting down waits for trackers' "stopped" announces; one second is enough for a healthy tracker.
        pack.set_int(lt::settings_pack::stop_tracker_timeout, 1);
        pack.set_int(lt::settings_pack::alert_queue_size, 100000);
        apply(pack, settings, count);
        lt::session_params params(std::move(pack));
        *out = new tc_session(std::move(params));
    });
}

TC_API void tc_session_free(tc_session* session) {
    try { delete session; } catch (...) { /* a destructor failing at shutdown has nowhere to report to */ }
}

TC_API tc_status tc_session_apply_settings(tc_session* session, const tc_setting* settings, int32_t count, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr, "session is null");
        lt::settings_pack pack;
        apply(pack, settings, count);
        session->session.apply_settings(std::move(pack));
    });
}

TC_API tc_status tc_session_get_setting(tc_session* session, const char* name, tc_buffer** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr && name != nullptr && out != nullptr, "session, name and out are required");
        *out = nullptr;
        int index = lt::setting_by_name(name);
        if (index < 0) throw tc::failure{TC_E_UNKNOWN_SETTING, std::string("unknown libtorrent setting '") + name + "'"};
        lt::settings_pack current = session->session.get_settings();
        std::string text;
        switch (index & lt::settings_pack::type_mask) {
        case lt::settings_pack::string_type_base: text = current.get_str(index); break;
        case lt::settings_pack::int_type_base: text = std::to_string(current.get_int(index)); break;
        case lt::settings_pack::bool_type_base: text = current.get_bool(index) ? "true" : "false"; break;
        default: throw tc::failure{TC_E_UNKNOWN_SETTING, std::string("setting '") + name + "' has an unknown type"};
        }
        auto* buffer = new tc_buffer();
        buffer->bytes.assign(text.begin(), text.end());
        buffer->bytes.push_back(0);
        *out = buffer;
    });
}

TC_API tc_status tc_session_pause(tc_session* session, tc_error* err) {
    return tc::guard(err, [&] { tc::require(session != nullptr, "session is null"); session->session.pause(); });
}

TC_API tc_status tc_session_resume(tc_session* session, tc_error* err) {
    return tc::guard(err, [&] { tc::require(session != nullptr, "session is null"); session->session.resume(); });
}

TC_API int32_t tc_session_is_paused(tc_session* session) {
    try { return session != nullptr && session->session.is_paused() ? 1 : 0; } catch (...) { return 0; }
}

TC_API int32_t tc_session_is_dht_running(tc_session* session) {
    try { return session != nullptr && session->session.is_dht_running() ? 1 : 0; } catch (...) { return 0; }
}

TC_API tc_status tc_session_list_settings(tc_session* session, tc_buffer** out, tc_error* err) {
    return tc::guard(err, [&] {
        tc::require(session != nullptr && out != nullptr, "session and out are required");
        *out = nullptr;
        lt::settings_pack current = session->session.get_settings();
        auto* buffer = new tc_buffer();
        auto put = [buffer](const std::string& text) {
            buffer->bytes.insert(buffer->bytes.end(), text.begin(), text.end());
            buffer->bytes.push_back(0);
        };
        auto each = [&](int first, int end, char type) {
            for (int index = first; index < end; ++index) {
                const char* name = lt::name_for_setting(index);
                if (name == nullptr || name[0] == '\0') continue;  // retired settings keep their slot, not a name
                put(name);
                put(std::string(1, type));
                if (type == 'b') put(current.get_bool(index) ? "true" : "false");
                else if (type == 'i') put(std::to_string(current.get_int(index)));
                else put(current.get_str(index));
            }
        };
        each(lt::settings_pack::bool_type_base, lt::settings_pack::max_bool_setting_internal, 'b');
        each(lt::settings_pack::int_type_base, lt::settings_pack::max_int_setting_internal, 'i');
        each(lt::settings_pack::string_type_base, lt::settings_pack::max_string_setting_internal, 's');
        *out = buffer;
    });
}

TC_API int32_t tc_session_listen_port(tc_session* session) {
    try { return session != nullptr ? session->session.listen_port() : 0; } catch (...) { return 0; }
}

TC_API void tc_session_post_updates(tc_session* session) {
    if (session == nullptr) return;
    try {
        session->session.post_torrent_updates();
        session->session.post_session_stats();
    } catch (...) { /* the next tick asks again */ }
}

TC_API const uint8_t* tc_buffer_data(const tc_buffer* buffer) { return buffer != nullptr ? buffer->bytes.data() : nullptr; }
TC_API int64_t tc_buffer_size(const tc_buffer* buffer) { return buffer != nullptr ? static_cast<int64_t>(buffer->bytes.size()) : 0; }
TC_API void tc_buffer_free(tc_buffer* buffer) { delete buffer; }

} // extern "C"
