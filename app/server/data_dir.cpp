#include "app/server/data_dir.hpp"

#include <sys/stat.h>

#include <filesystem>

namespace server {
namespace {

namespace fs = std::filesystem;

// Files and folders made while it lives are the owner's alone. SQLite makes
// the -wal and -shm files later with the database file's own mode.
class OwnerOnly {
 public:
  OwnerOnly() : old_(::umask(077)) {}
  ~OwnerOnly() { ::umask(old_); }
  OwnerOnly(const OwnerOnly&) = delete;
  OwnerOnly& operator=(const OwnerOnly&) = delete;

 private:
  mode_t old_;
};

}  // namespace

app::Result<std::unique_ptr<ServerStore>> open_data_dir(const std::string& dir) {
  OwnerOnly owner_only;
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return app::Error{"data_dir", "cannot create " + dir + ": " + ec.message()};
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  const fs::path db = fs::path(dir) / kDatabaseFile;
  auto store = ServerStore::open(db.string());
  if (!store.ok()) return store;
  // A database made before its files were kept private.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const fs::path file = db.string() + suffix;
    if (fs::exists(file, ec)) fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace, ec);
  }
  return store;
}

}  // namespace server
