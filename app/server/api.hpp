#pragma once
// The /api/v1 routes over HTTP: a thin wrapper that hands request bytes to
// SyncService and writes its Reply. Exceptions from httplib stop here and
// become a JSON 500; nothing below ever sees a socket.
#include <cstdio>

#include "app/server/client_address.hpp"

namespace httplib { class Server; }

namespace server {

class SyncService;

// Mount before the static site: httplib matches routes in registration order.
// `trusted`: proxies whose X-Forwarded-For names the client (app/server/client_address.hpp).
void mount_api(httplib::Server& http, SyncService& service, const TrustedProxies& trusted = {});
// One JSON line per request on `log` (the access log).
void log_requests(httplib::Server& http, std::FILE* log);

}  // namespace server
