#pragma once
// Photos in the browser (web/photo_lib.js): the camera, the 'blobs' and
// 'uploads' stores in IndexedDB, and thumbnails as WebGL textures. Every call
// is asynchronous; its answer arrives between frames.
#include <functional>
#include <string>
#include <vector>

namespace shell {

// Opens the camera or gallery (within a tap). `done` gets the photo as JPEG,
// at most 1600 px on its long side, or ok=false when it could not be read.
void pick_photo(std::function<void(bool ok, std::string jpeg)> done);

// Stores a blob and, if `owed` (taken here), marks it as owed to the server,
// in one strict transaction; `done` hears only once it is committed (or refused).
void put_blob(const std::string& sha256, const std::string& bytes, bool owed,
              std::function<void(bool ok, std::string message)> done);
// The names storage still owes the server.
void list_uploads(std::function<void(std::vector<std::string> names)> done);
// A stored blob's bytes; found=false when it is not on this tablet.
void read_blob(const std::string& sha256, std::function<void(bool found, std::string bytes)> done);
// The server has it: forget that it is owed.
void mark_uploaded(const std::string& sha256);

// Decodes a stored photo into GL texture `texture` (at most `side` px);
// `done` gets its size, or 0×0 when the photo is not stored here.
void load_thumbnail(const std::string& sha256, int side, unsigned texture, std::function<void(int w, int h)> done);

}  // namespace shell
