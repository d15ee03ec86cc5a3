#pragma once
// Result<T>: how every app:: command reports success or a failure a user can
// read. No exception ever leaves app/; callers branch on ok().
#include <string>
#include <utility>
#include <variant>

namespace app {

// A failure: a stable machine code (for tests and logs) and a message already
// in the user's language (commands take the catalogue's current language).
struct Error {
  std::string code;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(v_); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For commands that return nothing but may fail.
struct Void {};
using Status = Result<Void>;
inline Status ok_status() { return Void{}; }

}  // namespace app
