#pragma once
// Serves the built web app (build/web/site) with the headers an offline
// web app needs: the right MIME types, and no HTTP caching of the files that
// decide which build runs (the service worker and the page), so a new build
// is found at once; versioned assets may be cached for long.
#include <string>

namespace httplib { class Server; }

namespace server {

void mount_static_site(httplib::Server& http, const std::string& site_dir);

}  // namespace server
