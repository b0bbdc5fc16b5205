/*
 * tc_engine.h: the flat C ABI between TorrentCluster's C# engine wrapper and libtorrent-rasterbar 2.0.
 *
 * Rules of this boundary (see docs/engine.md):
 *  - Only plain C types cross it: opaque handles, fixed-layout structs, UTF-8 strings, byte buffers.
 *  - No C++ exception ever crosses it. Every function that can fail returns a tc_status and, on failure,
 *    writes a human-readable message into the caller's tc_error.
 *  - Everything handed out is a copy owned by a "list" or "buffer" object that the caller frees with the
 *    matching *_free function. Pointers inside a list stay valid until that list is freed.
 *  - All functions are safe to call from any thread. Handles must not be used after their *_free call.
 *  - Layout: pointers and 64-bit fields first, then 32-bit ones, so Interop/NativeStructs.cs mirrors each
 *    struct field for field with LayoutKind.Sequential and no packing surprises.
 */
#ifndef TC_ENGINE_H
#define TC_ENGINE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define TC_API __attribute__((visibility("default")))
#else
#define TC_API
#endif

/* ---- errors ------------------------------------------------------------------------------------- */

typedef enum tc_status {
    TC_OK = 0,
    TC_E_INVALID_ARGUMENT = 1,  /* null pointer, empty required string, out-of-range value */
    TC_E_INVALID_TORRENT = 2,   /* .torrent bytes that do not parse or are not a valid torrent */
    TC_E_INVALID_MAGNET = 3,    /* a magnet link that does not parse */
    TC_E_DUPLICATE = 4,         /* the torrent is already in this session */
    TC_E_INVALID_HANDLE = 5,    /* the torrent was removed from its session */
    TC_E_INVALID_RESUME = 6,    /* resume data that does not parse */
    TC_E_UNKNOWN_SETTING = 7,   /* a settings name libtorrent does not know, or a value of the wrong type */
    TC_E_IO = 8,                /* a file system error (creating torrents, moving storage) */
    TC_E_NO_METADATA = 9,       /* the call needs metadata the torrent does not have yet (magnet) */
    TC_E_INTERNAL = 100         /* anything else libtorrent threw */
} tc_status;

typedef struct tc_error {
    int32_t code;          /* a tc_status */
    int32_t reserved;
    char message[1024];    /* NUL-terminated UTF-8, truncated if longer */
} tc_error;

/* ---- opaque handles ----------------------------------------------------------------------------- */

typedef struct tc_session tc_session;          /* one lt::session */
typedef struct tc_torrent tc_torrent;          /* one lt::torrent_handle (a weak reference) */
typedef struct tc_buffer tc_buffer;            /* owned bytes: .torrent files, resume data */
typedef struct tc_status_list tc_status_list;  /* owned array of tc_torrent_status */
typedef struct tc_peer_list tc_peer_list;      /* owned array of tc_peer_info */
typedef struct tc_file_list tc_file_list;      /* owned array of tc_file_entry */
typedef struct tc_tracker_list tc_tracker_list;/* owned array of tc_tracker_entry */
typedef struct tc_alert_list tc_alert_list;    /* owned array of tc_alert (+ statuses of state updates) */

TC_API const char* tc_version(void);  /* libtorrent's version string, static */

/* sizeof of each struct of this header, so the C# mirrors can be checked against the compiler's layout.
 * which: 0 tc_error, 1 tc_add_params, 2 tc_torrent_status, 3 tc_peer_info, 4 tc_file_entry, 5 tc_tracker_entry,
 * 6 tc_session_stats, 7 tc_alert, 8 tc_torrent_meta, 9 tc_create_params, 10 tc_torrent_limits, 11 tc_setting,
 * 12 tc_tracker_announce.
 * Returns -1 for an unknown index. */
TC_API int32_t tc_struct_size(int32_t which);

/* ---- buffers ------------------------------------------------------------------------------------ */

TC_API const uint8_t* tc_buffer_data(const tc_buffer* buffer);
TC_API int64_t tc_buffer_size(const tc_buffer* buffer);
TC_API void tc_buffer_free(tc_buffer* buffer);

/* ---- session ------------------------------------------------------------------------------------ */

/* One libtorrent setting by its libtorrent name (settings_pack names, e.g. "listen_interfaces",
 * "enable_dht", "download_rate_limit"). The value is text: "true"/"false" for bools, decimal for ints. */
typedef struct tc_setting {
    const char* name;
    const char* value;
} tc_setting;

/* Creates a session. The alert mask is set by the shim (status, error, storage, tracker, performance
 * warnings); the settings given here are applied on top of libtorrent's defaults. */
TC_API tc_status tc_session_create(const tc_setting* settings, int32_t count, tc_session** out, tc_error* err);

/* Destroys the session: libtorrent's abort, waiting for trackers up to "stop_tracker_timeout". */
TC_API void tc_session_free(tc_session* session);

TC_API tc_status tc_session_apply_settings(tc_session* session, const tc_setting* settings, int32_t count, tc_error* err);

/* Reads one setting back as text. *out is a buffer holding the NUL-terminated value. */
TC_API tc_status tc_session_get_setting(tc_session* session, const char* name, tc_buffer** out, tc_error* err);

TC_API tc_status tc_session_pause(tc_session* session, tc_error* err);
TC_API tc_status tc_session_resume(tc_session* session, tc_error* err);
TC_API int32_t tc_session_is_paused(tc_session* session);
TC_API int32_t tc_session_is_dht_running(tc_session* session);

/* Every libtorrent setting as NUL-terminated triples: name, type ('b' bool, 'i' int, 's' string), value. */
TC_API tc_status tc_session_list_settings(tc_session* session, tc_buffer** out, tc_error* err);

/* The TCP port the session listens on (0 when not listening). */
TC_API int32_t tc_session_listen_port(tc_session* session);

/* Asks libtorrent to post a state_update alert (changed torrents only) and a session_stats alert. */
TC_API void tc_session_post_updates(tc_session* session);

/* ---- adding and removing torrents ---------------------------------------------------------------- */

typedef struct tc_add_params {
    const uint8_t* torrent_data;   /* bencoded .torrent bytes, or NULL */
    int64_t torrent_size;
    const uint8_t* resume_data;    /* libtorrent resume data (write_resume_data_buf), or NULL */
    int64_t resume_size;
    const char* magnet_uri;        /* or NULL; one of torrent_data, magnet_uri, resume_data is required */
    const char* save_path;         /* required, UTF-8 */
    const char* name;              /* or NULL: display name for magnets before metadata arrives */
    const char* const* trackers;   /* extra tracker URLs, or NULL */
    const char* const* url_seeds;  /* BEP 19 web seeds, or NULL */
    const char* const* http_seeds; /* BEP 17 web seeds, or NULL */
    int32_t tracker_count;
    int32_t paused;                /* non-zero: added paused */
    int32_t upload_limit;          /* bytes/s, 0 or negative = unlimited */
    int32_t download_limit;
    int32_t max_connections;       /* <= 0: session default */
    int32_t max_uploads;
    int32_t seed_mode;             /* non-zero: trust that the files are complete, skip the check */
    int32_t url_seed_count;
    int32_t http_seed_count;
    int32_t storage_mode;          /* 0: sparse files (libtorrent's default), 1: every file allocated in full */
} tc_add_params;

/* Adds a torrent without waiting for libtorrent's network thread. What does not parse (.torrent bytes, magnet
 * link, resume data) fails here; otherwise exactly one alert answers, carrying request_id in its value:
 * TC_ALERT_TORRENT_ADDED with the torrent, or TC_ALERT_ADD_FAILED with a tc_status in value2 (TC_E_DUPLICATE
 * when the torrent is in the session already: duplicates are an error, never a second copy). */
TC_API tc_status tc_session_async_add_torrent(tc_session* session, const tc_add_params* params, uint64_t request_id, tc_error* err);

/* Finds a torrent by hex info-hash (40 chars v1 or 64 chars v2). Returns TC_E_INVALID_HANDLE if absent. */
TC_API tc_status tc_session_find_torrent(tc_session* session, const char* info_hash_hex, tc_torrent** out, tc_error* err);

/* Removes the torrent from the session, deleting its files when delete_files is non-zero. Asynchronous:
 * TC_ALERT_TORRENT_REMOVED (and TC_ALERT_FILES_DELETED) follow. */
TC_API tc_status tc_session_remove_torrent(tc_session* session, tc_torrent* torrent, int32_t delete_files, tc_error* err);

TC_API void tc_torrent_free(tc_torrent* torrent);

/* A handle of the caller's own to the same torrent (e.g. of an alert's torrent, which its list owns). */
TC_API tc_torrent* tc_torrent_copy(const tc_torrent* torrent);

/* ---- torrent control ---------------------------------------------------------------------------- */

TC_API tc_status tc_torrent_pause(tc_torrent* torrent, tc_error* err);
TC_API tc_status tc_torrent_resume(tc_torrent* torrent, tc_error* err);
TC_API tc_status tc_torrent_force_recheck(tc_torrent* torrent, tc_error* err);
TC_API tc_status tc_torrent_force_reannounce(tc_torrent* torrent, tc_error* err);
/* Moves the files to save_path. flags: 0 always replace files there, 1 fail if a file exists, 2 keep the files
 * already there (libtorrent's move_flags_t, in its order). */
TC_API tc_status tc_torrent_move_storage(tc_torrent* torrent, const char* save_path, int32_t flags, tc_error* err);
TC_API tc_status tc_torrent_connect_peer(tc_torrent* torrent, const char* ip, int32_t port, tc_error* err);
/* Requests resume data; TC_ALERT_RESUME_DATA (with bytes) or TC_ALERT_RESUME_DATA_FAILED follows.
 * only_if_modified non-zero: skip torrents whose state did not change since the last save. */
TC_API tc_status tc_torrent_save_resume_data(tc_torrent* torrent, int32_t only_if_modified, tc_error* err);
TC_API tc_status tc_torrent_add_tracker(tc_torrent* torrent, const char* url, int32_t tier, tc_error* err);
/* Adds a web seed: BEP 19 (url seed) when http_seed is zero, BEP 17 (http seed) otherwise. */
TC_API tc_status tc_torrent_add_web_seed(tc_torrent* torrent, const char* url, int32_t http_seed, tc_error* err);

/* The bit of libtorrent's torrent_flags_t with this name (seed_mode, sequential_download, ...), 0 if unknown. */
TC_API uint64_t tc_torrent_flag_bit(const char* name);
TC_API tc_status tc_torrent_get_flags(tc_torrent* torrent, uint64_t* out, tc_error* err);
/* Sets the bits of mask to their values in flags; other bits are left alone. */
TC_API tc_status tc_torrent_set_flags(tc_torrent* torrent, uint64_t flags, uint64_t mask, tc_error* err);

/* One byte per piece, 1 where the piece is downloaded and checked; empty before metadata. */
TC_API tc_status tc_torrent_get_pieces(tc_torrent* torrent, tc_buffer** out, tc_error* err);

typedef struct tc_torrent_limits {
    int32_t upload_limit;      /* bytes/s, -1 or 0 = unlimited */
    int32_t download_limit;
    int32_t max_connections;   /* -1 = unlimited */
    int32_t max_uploads;
} tc_torrent_limits;

TC_API tc_status tc_torrent_set_limits(tc_torrent* torrent, const tc_torrent_limits* limits, tc_error* err);
TC_API tc_status tc_torrent_get_limits(tc_torrent* torrent, tc_torrent_limits* out, tc_error* err);

/* Sets file priorities (0..7), one per file in file order. */
TC_API tc_status tc_torrent_set_file_priorities(tc_torrent* torrent, const int32_t* priorities, int32_t count, tc_error* err);

/* The .torrent file of this torrent (metadata), bencoded. TC_E_NO_METADATA before metadata arrives. */
TC_API tc_status tc_torrent_get_torrent_file(tc_torrent* torrent, tc_buffer** out, tc_error* err);

/* ---- status ------------------------------------------------------------------------------------- */

/* Mirrors lt::torrent_status::state_t. */
typedef enum tc_torrent_state {
    TC_STATE_CHECKING_FILES = 1,
    TC_STATE_DOWNLOADING_METADATA = 2,
    TC_STATE_DOWNLOADING = 3,
    TC_STATE_FINISHED = 4,
    TC_STATE_SEEDING = 5,
    TC_STATE_CHECKING_RESUME_DATA = 7
} tc_torrent_state;

/* Bits of tc_torrent_status.flags. */
#define TC_STATUS_PAUSED            0x0001
#define TC_STATUS_AUTO_MANAGED      0x0002
#define TC_STATUS_IS_SEEDING        0x0004
#define TC_STATUS_IS_FINISHED       0x0008
#define TC_STATUS_HAS_METADATA      0x0010
#define TC_STATUS_MOVING_STORAGE    0x0020
#define TC_STATUS_NEED_SAVE_RESUME  0x0040
#define TC_STATUS_SEED_MODE         0x0080
#define TC_STATUS_UPLOAD_MODE       0x0100
#define TC_STATUS_SEQUENTIAL        0x0200
#define TC_STATUS_SUPER_SEEDING     0x0400

typedef struct tc_torrent_status {
    const char* info_hash_v1;      /* 40 lowercase hex chars, or "" when the torrent has no v1 hash */
    const char* info_hash_v2;      /* 64 lowercase hex chars, or "" */
    const char* name;
    const char* save_path;
    const char* error;             /* "" when no error */
    const char* error_file;        /* the file the error is about, or "" */
    int64_t total_size;            /* total size of the torrent's files (0 before metadata) */
    int64_t total_wanted;
    int64_t total_done;            /* bytes of verified pieces, all files */
    int64_t total_wanted_done;
    int64_t total;                 /* bytes to download, pad files left out (libtorrent's "total") */
    int64_t total_download;        /* payload and protocol, this session */
    int64_t total_upload;
    int64_t total_payload_download;
    int64_t total_payload_upload;
    int64_t all_time_download;     /* payload, across sessions (from resume data) */
    int64_t all_time_upload;
    int64_t added_time;            /* unix seconds */
    int64_t completed_time;        /* unix seconds, 0 if never */
    int64_t last_download;         /* seconds since the last payload download, -1 if never */
    int64_t last_upload;
    int64_t active_duration;       /* seconds */
    int64_t finished_duration;
    int64_t seeding_duration;
    int64_t handle_id;             /* stable per torrent within a session; not meaningful across sessions */
    float progress;                /* [0, 1] */
    int32_t state;                 /* tc_torrent_state */
    int32_t flags;                 /* TC_STATUS_* */
    int32_t download_rate;         /* bytes/s, payload and protocol */
    int32_t upload_rate;
    int32_t download_payload_rate;
    int32_t upload_payload_rate;
    int32_t num_peers;             /* connected peers, seeds included */
    int32_t num_seeds;
    int32_t num_complete;          /* from the tracker's scrape, -1 if unknown */
    int32_t num_incomplete;
    int32_t list_peers;            /* known peers, connected or not */
    int32_t list_seeds;
    int32_t connections;
    int32_t queue_position;        /* -1 when not queued */
    int32_t num_pieces;            /* pieces we have */
    int32_t torrent_pieces;        /* pieces in the torrent (0 before metadata) */
    int32_t piece_length;
    int32_t error_code;            /* libtorrent error value, 0 when no error */
    int32_t reserved;
    uint64_t torrent_flags;        /* lt::torrent_flags_t: every flag, by the bits tc_torrent_flag_bit names */
} tc_torrent_status;

TC_API tc_status tc_torrent_get_status(tc_torrent* torrent, tc_status_list** out, tc_error* err);

/* Every torrent in the session, in one call. */
TC_API tc_status tc_session_get_all_status(tc_session* session, tc_status_list** out, tc_error* err);

TC_API int32_t tc_status_list_count(const tc_status_list* list);
TC_API const tc_torrent_status* tc_status_list_items(const tc_status_list* list);
TC_API void tc_status_list_free(tc_status_list* list);

/* ---- peers -------------------------------------------------------------------------------------- */

/* Every field Porla's torrents.peers.list returns, with its libtorrent meaning; durations in seconds. */
typedef struct tc_peer_info {
    const char* client;            /* UTF-8 */
    const char* ip;                /* remote address, text */
    const char* local_ip;          /* local address of the socket, text */
    int64_t total_download;        /* payload bytes */
    int64_t total_upload;
    int64_t last_request;          /* seconds since we last sent a request to this peer */
    int64_t last_active;           /* seconds since any transfer with this peer */
    int64_t download_queue_time;   /* seconds until the request queue is downloaded */
    float progress;                /* [0, 1] */
    int32_t port;
    int32_t local_port;
    uint32_t flags;                /* lt::peer_info::peer_flags_t */
    int32_t source;                /* lt::peer_source_flags_t */
    int32_t connection_type;       /* lt::peer_info::connection_type_t: 1 bittorrent, 2 web seed, 4 http seed */
    int32_t up_speed;              /* bytes/s including protocol */
    int32_t down_speed;
    int32_t payload_up_speed;
    int32_t payload_down_speed;
    int32_t busy_requests;
    int32_t download_queue_length;
    int32_t upload_queue_length;
    int32_t rtt;                   /* milliseconds */
    int32_t num_pieces;
    int32_t num_hashfails;
    int32_t failcount;
    int32_t reserved;
} tc_peer_info;

TC_API tc_status tc_torrent_get_peers(tc_torrent* torrent, tc_peer_list** out, tc_error* err);
TC_API int32_t tc_peer_list_count(const tc_peer_list* list);
TC_API const tc_peer_info* tc_peer_list_items(const tc_peer_list* list);
TC_API void tc_peer_list_free(tc_peer_list* list);

/* ---- files -------------------------------------------------------------------------------------- */

typedef struct tc_file_entry {
    const char* path;              /* relative to the save path, '/'-separated */
    int64_t size;
    int64_t offset;                /* within the torrent's byte stream */
    int64_t downloaded;            /* bytes of this file we have (piece granularity) */
    int32_t index;
    int32_t priority;              /* 0 (skip) .. 7 (top) */
    int32_t flags;                 /* 1 pad file, 2 hidden, 4 executable, 8 symlink */
    int32_t num_pieces;            /* pieces the file touches */
    int32_t num_blocks;            /* 16 KiB blocks of the file */
    int32_t first_piece_node;      /* v2 merkle tree index of its first piece (0 for v1-only torrents) */
    int32_t first_block_node;      /* v2 merkle tree index of its first block (0 for v1-only torrents) */
    int32_t absolute_path;         /* non-zero: the path is absolute, outside the save path */
    int32_t reserved;
} tc_file_entry;

/* Empty list (count 0) before metadata arrives. */
TC_API tc_status tc_torrent_get_files(tc_torrent* torrent, tc_file_list** out, tc_error* err);
TC_API int32_t tc_file_list_count(const tc_file_list* list);
TC_API const tc_file_entry* tc_file_list_items(const tc_file_list* list);
TC_API void tc_file_list_free(tc_file_list* list);

/* ---- trackers ----------------------------------------------------------------------------------- */

typedef struct tc_tracker_entry {
    const char* url;
    const char* message;           /* the tracker's last warning or message, or "" */
    const char* last_error;        /* the last announce error, or "" */
    int64_t next_announce;         /* unix seconds, 0 if not scheduled */
    int64_t min_announce;
    int32_t tier;
    int32_t fails;                 /* consecutive failures */
    int32_t source;                /* lt::announce_entry source bits: 1 torrent, 2 client, 4 magnet, 8 tex */
    int32_t verified;              /* non-zero once an announce succeeded */
    int32_t updating;              /* non-zero while an announce is in flight */
    int32_t scrape_complete;       /* -1 if unknown */
    int32_t scrape_incomplete;
    int32_t scrape_downloaded;
    const char* trackerid;         /* the id the tracker gave us, or "" */
    int32_t fail_limit;            /* failures in a row before giving up, 0 for never */
    int32_t announce_first;        /* its announces: announce_count of the list's announces from this index */
    int32_t announce_count;
    int32_t reserved;
} tc_tracker_entry;

/* One announce of a tracker as libtorrent keeps it: per local endpoint (listen socket) and per info-hash version,
 * v1 then v2 for each endpoint. The fields of tc_tracker_entry above fold these into one line. */
typedef struct tc_tracker_announce {
    const char* local_address;     /* the listen socket's address */
    const char* message;           /* the tracker's last warning or message, or "" */
    const char* last_error;        /* the last announce error, or "" */
    int64_t next_announce;         /* unix seconds, 0 if not scheduled */
    int64_t min_announce;
    int32_t local_port;
    int32_t enabled;               /* non-zero while announces go out of this endpoint */
    int32_t version;               /* 1 or 2: the info-hash announced */
    int32_t fails;
    int32_t updating;
    int32_t start_sent;
    int32_t complete_sent;
    int32_t scrape_complete;       /* -1 if unknown */
    int32_t scrape_incomplete;
    int32_t scrape_downloaded;
} tc_tracker_announce;

TC_API tc_status tc_torrent_get_trackers(tc_torrent* torrent, tc_tracker_list** out, tc_error* err);
TC_API int32_t tc_tracker_list_count(const tc_tracker_list* list);
TC_API const tc_tracker_entry* tc_tracker_list_items(const tc_tracker_list* list);
TC_API void tc_tracker_list_free(tc_tracker_list* list);
TC_API int32_t tc_tracker_list_announce_count(const tc_tracker_list* list);
TC_API const tc_tracker_announce* tc_tracker_list_announces(const tc_tracker_list* list);

/* ---- alerts ------------------------------------------------------------------------------------- */

typedef enum tc_alert_type {
    TC_ALERT_OTHER = 0,              /* logged, nothing else */
    TC_ALERT_TORRENT_ADDED = 1,      /* value = the add's request id, torrent = the added torrent */
    TC_ALERT_TORRENT_REMOVED = 2,
    TC_ALERT_TORRENT_FINISHED = 3,
    TC_ALERT_TORRENT_ERROR = 4,      /* the torrent stopped with an error (disk, etc.) */
    TC_ALERT_RESUME_DATA = 5,        /* data/data_size hold write_resume_data_buf bytes */
    TC_ALERT_RESUME_DATA_FAILED = 6,
    TC_ALERT_METADATA_RECEIVED = 7,
    TC_ALERT_STATE_CHANGED = 8,      /* value = new tc_torrent_state, value2 = previous */
    TC_ALERT_TORRENT_PAUSED = 9,
    TC_ALERT_TORRENT_RESUMED = 10,
    TC_ALERT_STORAGE_MOVED = 11,     /* message = new path */
    TC_ALERT_STORAGE_MOVED_FAILED = 12,
    TC_ALERT_FILES_DELETED = 13,
    TC_ALERT_HASH_FAILED = 14,       /* value = piece index */
    TC_ALERT_TRACKER_ERROR = 15,     /* message = url + error */
    TC_ALERT_LISTEN_SUCCEEDED = 16,  /* message = address, value = port */
    TC_ALERT_LISTEN_FAILED = 17,
    TC_ALERT_FILE_ERROR = 18,
    TC_ALERT_SESSION_STATS = 19,     /* stats holds the counters */
    TC_ALERT_STATE_UPDATE = 20,      /* statuses of the alert list hold the changed torrents */
    TC_ALERT_CHECKED = 21,           /* torrent_checked_alert */
    TC_ALERT_PERFORMANCE = 22,       /* a performance warning; message says which */
    TC_ALERT_ADD_FAILED = 23         /* value = the add's request id, value2 = a tc_status, message = why */
} tc_alert_type;

typedef struct tc_session_stats {
    int64_t bytes_received;          /* net.recv_bytes */
    int64_t bytes_sent;              /* net.sent_bytes */
    int64_t payload_received;        /* net.recv_payload_bytes */
    int64_t payload_sent;            /* net.sent_payload_bytes */
    int64_t ip_overhead_received;
    int64_t ip_overhead_sent;
    int64_t redundant_bytes;         /* net.recv_redundant_bytes */
    int64_t failed_bytes;            /* net.recv_failed_bytes */
    int64_t num_peers_connected;     /* peer.num_peers_connected */
    int64_t num_peers_half_open;
    int64_t dht_nodes;               /* dht.dht_nodes */
    int64_t disk_read_bytes;         /* disk.num_blocks_read * 16 KiB */
    int64_t disk_write_bytes;
    int64_t num_checking_torrents;
    int64_t num_downloading_torrents;
    int64_t num_seeding_torrents;
    int64_t num_stopped_torrents;
    int64_t num_error_torrents;
    int64_t timestamp_us;            /* microseconds since the session clock's epoch */
} tc_session_stats;

typedef struct tc_alert {
    const char* info_hash_v1;        /* "" when the alert is not about a torrent or it has no v1 */
    const char* info_hash_v2;
    const char* message;             /* alert->message(), UTF-8 */
    const uint8_t* data;             /* resume data bytes for TC_ALERT_RESUME_DATA, else NULL */
    const tc_torrent* torrent;       /* TC_ALERT_TORRENT_ADDED's torrent, owned by the list (tc_torrent_copy), else NULL */
    int64_t data_size;
    int64_t value;
    int64_t value2;
    int32_t type;                    /* tc_alert_type */
    int32_t error_code;              /* error value for failure alerts, else 0 */
} tc_alert;

/* Waits up to timeout_ms for alerts and pops all that are queued. *out may hold zero alerts. */
TC_API tc_status tc_session_pop_alerts(tc_session* session, int32_t timeout_ms, tc_alert_list** out, tc_error* err);
TC_API int32_t tc_alert_list_count(const tc_alert_list* list);
TC_API const tc_alert* tc_alert_list_items(const tc_alert_list* list);
/* Statuses carried by TC_ALERT_STATE_UPDATE alerts in this list, all concatenated. */
TC_API int32_t tc_alert_list_status_count(const tc_alert_list* list);
TC_API const tc_torrent_status* tc_alert_list_statuses(const tc_alert_list* list);
/* The latest TC_ALERT_SESSION_STATS in this list; returns 0 if the list holds none. */
TC_API int32_t tc_alert_list_session_stats(const tc_alert_list* list, tc_session_stats* out);
TC_API void tc_alert_list_free(tc_alert_list* list);

/* ---- metadata without a session ----------------------------------------------------------------- */

typedef struct tc_torrent_meta {
    const char* info_hash_v1;        /* "" if absent */
    const char* info_hash_v2;
    const char* name;
    int64_t total_size;              /* 0 for magnets */
    int32_t num_files;               /* 0 for magnets */
    int32_t num_pieces;
    int32_t piece_length;
    int32_t is_private;
} tc_torrent_meta;

typedef struct tc_meta_holder tc_meta_holder;  /* owns the strings of a tc_torrent_meta */

/* Parses .torrent bytes without adding them anywhere. */
TC_API tc_status tc_parse_torrent(const uint8_t* data, int64_t size, tc_torrent_meta* out, tc_meta_holder** holder, tc_error* err);
/* Parses a magnet link without adding it anywhere. */
TC_API tc_status tc_parse_magnet(const char* uri, tc_torrent_meta* out, tc_meta_holder** holder, tc_error* err);
TC_API void tc_meta_holder_free(tc_meta_holder* holder);
/* The magnet link of a .torrent file: both info-hashes (btih, btmh), its name, trackers and web seeds
 * (libtorrent's make_magnet_uri), as text in *out (not NUL-terminated). */
TC_API tc_status tc_torrent_file_magnet_uri(const uint8_t* data, int64_t size, tc_buffer** out, tc_error* err);

/* ---- creating torrents -------------------------------------------------------------------------- */

typedef enum tc_torrent_version {
    TC_TORRENT_HYBRID = 0,
    TC_TORRENT_V1 = 1,
    TC_TORRENT_V2 = 2
} tc_torrent_version;

typedef struct tc_create_params {
    const char* path;                /* a file or a folder */
    const char* const* trackers;     /* announce URLs, one tier each, or NULL */
    const char* const* web_seeds;    /* or NULL */
    const char* comment;             /* or NULL */
    const char* creator;             /* or NULL */
    int32_t tracker_count;
    int32_t web_seed_count;
    int32_t version;                 /* tc_torrent_version */
    int32_t piece_size;              /* 0: libtorrent chooses */
    int32_t is_private;
    int32_t reserved;
} tc_create_params;

/* Hashes the file or folder and returns the bencoded .torrent. */
TC_API tc_status tc_create_torrent(const tc_create_params* params, tc_buffer** out, tc_error* err);

#ifdef __cplusplus
}
#endif

#endif /* TC_ENGINE_H */
