# The layers of app/, lowest first: a file may use its own layer and those
# below it. app/CMakeLists.txt builds one library per layer from this
# table (so a call upward fails to link: see the layer link checks there),
# and tests/check_layers.cmake checks every #include against it (so an
# include upward fails a test even when it only uses inline code).
#
#   core      app/core, app/i18n               plain helpers, the string catalogue
#   ops       app/ops                          op kinds, fields, codec, op specs
#   estate    app/domain/estate.hpp            places and people (types only)
#   workflow  app/<workflow>/ except below     each workflow's data, rules, fold, op table
#   domain    app/domain (rest)                the projection, op registry, replica, views, estate service
#   service   app/<workflow>/*_index.*, *_service.*, *_exports.*, route.*, incident_report.*, import_*.*,
#             app/schedule
#                                              read models and commands over the whole projection
#   pipeline  app/store, app/sync, app/demo, app/session
#   server    app/server
#
# Workflows are siblings: one reads another's data only through the domain,
# except the handover, which hands keys over, and the set-up imports, which file
# keys and the price list, and the visitors register, whose visit becomes a
# ticket (BUTLER_SIBLING_INCLUDES).
include("${CMAKE_CURRENT_LIST_DIR}/../app/workflows.cmake")  # BUTLER_WORKFLOWS
set(BUTLER_LAYERS core ops estate workflow domain service pipeline server)
set(BUTLER_SIBLING_INCLUDES "handover>keys" "setup>keys" "setup>tickets" "visitors>tickets")

# butler_layer_of(<path relative to app/> <out var>): the layer of one file.
function(butler_layer_of rel out)
  string(REGEX MATCH "^[^/]+" folder "${rel}")
  get_filename_component(name "${rel}" NAME)
  if(folder STREQUAL "core" OR folder STREQUAL "i18n")
    set(l core)
  elseif(folder STREQUAL "ops")
    set(l ops)
  elseif(rel STREQUAL "domain/estate.hpp")
    set(l estate)
  elseif(folder STREQUAL "domain")
    set(l domain)
  elseif(folder IN_LIST BUTLER_WORKFLOWS)
    if(name MATCHES "_index\\.|_service\\.|_exports\\.|^route\\.|^incident_report\\.|^import_")
      set(l service)
    else()
      set(l workflow)
    endif()
  elseif(folder STREQUAL "schedule")
    set(l service)
  elseif(folder STREQUAL "server")
    set(l server)
  elseif(folder MATCHES "^(store|sync|demo|session)$")
    set(l pipeline)
  else()
    set(l unknown)
  endif()
  set(${out} ${l} PARENT_SCOPE)
endfunction()
