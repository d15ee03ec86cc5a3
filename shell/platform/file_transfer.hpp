#pragma once
// Files in and out of the browser: a download of bytes, and a file the butler
// picks, delivered to whoever asked for it.
#include <functional>
#include <string>

namespace shell {

void download_file(const std::string& name, const std::string& bytes);

// Opens the file chooser; `done` gets the bytes, or ok=false if reading failed.
void pick_file(std::function<void(bool ok, std::string bytes)> done);

}  // namespace shell
