#pragma once
// What the browser says about our storage: persistence granted, space used and
// available, and whether this tab is the one writing tab. Reported
// asynchronously by web/store_lib.js.
#include "shell/host/host.hpp"  // StorageStatus

namespace shell {

const StorageStatus& storage_status();

// Starts the probes (persist + estimate, writer lock). Call once at start-up.
void probe_storage();

}  // namespace shell
