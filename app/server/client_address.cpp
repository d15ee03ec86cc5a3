#include "app/server/client_address.hpp"

#include <arpa/inet.h>

#include <array>
#include <optional>

namespace server {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The 16 bytes of an IPv6 address, or of an IPv4 one mapped into IPv6; nothing for anything else.
std::optional<std::string> binary(std::string_view text) {
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  const std::string s(text);
  std::array<unsigned char, 16> v6{};
  if (inet_pton(AF_INET6, s.c_str(), v6.data()) == 1) return std::string(v6.begin(), v6.end());
  std::array<unsigned char, 4> v4{};
  if (inet_pton(AF_INET, s.c_str(), v4.data()) != 1) return std::nullopt;
  std::string out(10, '\0');
  out += "\xff\xff";
  out.append(v4.begin(), v4.end());
  return out;
}

}  // namespace

bool TrustedProxies::add(std::string_view list) {
  std::vector<std::string> found;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const auto entry = binary(trim(list.substr(0, comma)));
    if (!entry) return false;
    found.push_back(*entry);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  if (found.empty()) return false;
  addresses_.insert(addresses_.end(), found.begin(), found.end());
  return true;
}

bool TrustedProxies::contains(std::string_view address) const {
  const auto b = binary(address);
  if (!b) return false;
  for (const std::string& a : addresses_) if (a == *b) return true;
  return false;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for, const TrustedProxies& trusted) {
  if (forwarded_for.empty() || !trusted.contains(peer)) return std::string(peer);
  const std::size_t comma = forwarded_for.rfind(',');
  const std::string_view last = trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
  // What the trusted proxy appended is an address; anything else is not
  // believed, and the request counts as the proxy's own.
  return binary(last) ? std::string(last) : std::string(peer);
}

}  // namespace server
