#pragma once
// The handover form's sources (handover_sources.cpp), added by the Session.
namespace app {

class Session;
class HandoverService;

void add_handover_sources(const Session& session, HandoverService& handover);

}  // namespace app
