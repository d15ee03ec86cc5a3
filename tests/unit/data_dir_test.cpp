// The data folder holds every community's records and the PIN and token
// hashes: only the server's own user may read it (app/server/data_dir.hpp).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "app/server/data_dir.hpp"

namespace {

unsigned mode_of(const std::filesystem::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

}  // namespace

TEST_CASE("the data folder is made 0700 and the database, its -wal and -shm 0600, whatever the umask") {
  const auto base = std::filesystem::temp_directory_path() / ("butler-data-" + std::to_string(::getpid()));
  std::filesystem::remove_all(base);
  const auto dir = base / "data";
  const mode_t old = ::umask(022);  // a usual umask: files 0644, folders 0755
  {
    auto store = server::open_data_dir(dir.string());
    REQUIRE(store.ok());
    // A write, so that SQLite has made its -wal and -shm files.
    REQUIRE(store.value()->create_community(app::Id{1, 2}, "翠苑", "宁波市").ok());
    CHECK(mode_of(dir) == 0700);
    for (const char* name : {"butler.sqlite", "butler.sqlite-wal", "butler.sqlite-shm"}) {
      INFO(name);
      REQUIRE(std::filesystem::exists(dir / name));
      CHECK(mode_of(dir / name) == 0600);
    }
  }
  CHECK(::umask(022) == 022);  // opening left the process's umask as it was

  // A database made before, readable by all: tightened when opened again.
  for (const char* name : {"butler.sqlite", "butler.sqlite-wal", "butler.sqlite-shm"}) {
    if (std::filesystem::exists(dir / name)) ::chmod((dir / name).c_str(), 0644);
  }
  {
    auto again = server::open_data_dir(dir.string());
    REQUIRE(again.ok());
    CHECK(again.value()->communities().size() == 1);
    CHECK(mode_of(dir / "butler.sqlite") == 0600);
    REQUIRE(again.value()->create_community(app::Id{1, 3}, "幸福里", "杭州市").ok());
    for (const char* name : {"butler.sqlite-wal", "butler.sqlite-shm"}) {
      if (std::filesystem::exists(dir / name)) CHECK(mode_of(dir / name) == 0600);
    }
  }
  ::umask(old);
  std::filesystem::remove_all(base);
}
