#pragma once
namespace app { class Session; }
namespace shell {
// Lets scripts/bench store time commits through the app (see bench_hooks.cpp).
void install_bench_hooks(app::Session* session);
}  // namespace shell
