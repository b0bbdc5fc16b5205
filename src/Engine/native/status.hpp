// Copying lt::torrent_status into tc_torrent_status; shared by direct status calls and state-update alerts.
#pragma once

#include "common.hpp"

#include <libtorrent/torrent_status.hpp>

namespace tc {

void fill_status(const lt::torrent_status& from, tc_torrent_status& to, string_arena& strings);

} // namespace tc

struct tc_status_list {
    std::vector<tc_torrent_status> items;
    tc::string_arena strings;
};
