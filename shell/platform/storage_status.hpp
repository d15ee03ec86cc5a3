#pragma once
// What the browser says about our storage: persistence granted, space used and
// available, and whether this tab is the one writing tab. Reported
// asynchronously by web/store_lib.js.
namespace shell {

struct StorageStatus {
  bool estimate_known = false;
  double usage_bytes = 0;
  double quota_bytes = 0;
  bool persisted = false;
  bool writer_known = false;
  bool writer = true;  // until told otherwise: a lone tab writes
};

const StorageStatus& storage_status();

// Starts the probes (persist + estimate, writer lock). Call once at start-up.
void probe_storage();

}  // namespace shell
