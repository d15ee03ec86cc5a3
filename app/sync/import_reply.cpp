#include "app/sync/import_reply.hpp"

#include "app/sync/sync_json.hpp"

namespace app::sync {

ImportReply parse_import_reply(int status, std::string_view body) {
  ImportReply r;
  if (status == 0) {
    r.summary = std::string(body);
    return r;
  }
  auto doc = json::parse(body);
  if (!doc.ok() || !doc.value().is_object()) {
    r.summary = "HTTP " + std::to_string(status);
    return r;
  }
  const json::Value& v = doc.value();
  if (status != 200) {
    // The refusal: its first line, then one line per bad cell.
    const json::Value* m = v.get("message");
    std::string text = m && m->is_string() ? m->s : "HTTP " + std::to_string(status);
    std::size_t at = text.find('\n');
    r.summary = text.substr(0, at);
    while (at != std::string::npos) {
      const std::size_t next = text.find('\n', at + 1);
      std::string line = text.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
      while (!line.empty() && line.front() == ' ') line.erase(0, 1);
      if (!line.empty()) r.lines.push_back(std::move(line));
      at = next;
    }
    return r;
  }
  r.ok = true;
  if (const json::Value* d = v.get("dry_run")) r.dry_run = d->b;
  if (const json::Value* s = v.get("summary"); s && s->is_string()) r.summary = s->s;
  if (const json::Value* c = v.get("changes"); c && c->is_array()) {
    for (const json::Value& line : c->items) {
      if (line.is_string()) r.lines.push_back(line.s);
    }
  }
  if (const json::Value* l = v.get("logins"); l && l->is_array()) {
    for (const json::Value& one : l->items) {
      const json::Value* code = one.get("code");
      const json::Value* name = one.get("name");
      const json::Value* pin = one.get("pin");
      if (!code || !name) continue;
      r.logins.push_back(code->s + " " + name->s + (pin && pin->is_string() ? " PIN " + pin->s : ""));
    }
  }
  return r;
}

}  // namespace app::sync
