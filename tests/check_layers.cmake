# The layers of app/, enforced: each file may include only its own layer and
# the layers below it. Upward includes (a workflow's data reading the whole
# projection, the projection reading the store) are how folder cycles grew.
#
#   core      app/core, app/i18n               plain helpers, the string catalogue
#   ops       app/ops                          op kinds, fields, codec, op specs
#   estate    app/domain/estate.hpp            places and people (types only)
#   workflow  app/<workflow>/ except below     each workflow's data, rules, fold, op table
#   domain    app/domain (rest)                the projection, op registry, replica, views
#   service   app/<workflow>/*_index.*, *_service.*, *_exports.*, route.*, incident_report.*, app/schedule
#                                              read models and commands over the whole projection
#   pipeline  app/store, app/sync, app/demo, app/session
#   server    app/server
#
# Run: cmake -DAPP_DIR=… -P check_layers.cmake
cmake_policy(SET CMP0057 NEW)
set(layers core ops estate workflow domain service pipeline server)
set(workflows rounds tickets keys handover incidents renovation)

function(layer_of path out)
  file(RELATIVE_PATH rel "${APP_DIR}" "${path}")
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
  elseif(folder IN_LIST workflows)
    if(name MATCHES "_index\\.|_service\\.|_exports\\.|^route\\.|^incident_report\\.")
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

file(GLOB_RECURSE files "${APP_DIR}/*.hpp" "${APP_DIR}/*.cpp" "${APP_DIR}/*.inc")
set(bad "")
set(checked 0)
foreach(f IN LISTS files)
  layer_of("${f}" from)
  if(from STREQUAL "unknown")
    list(APPEND bad "${f}: in no layer (add its folder to tests/check_layers.cmake)")
    continue()
  endif()
  list(FIND layers ${from} from_rank)
  file(STRINGS "${f}" lines REGEX "^#[ \t]*include[ \t]*\"app/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^#[ \t]*include[ \t]*\"(app/[^\"]+)\".*" "\\1" target "${line}")
    # workflow_ops.inc lists every workflow's declarations (data, not code): the ops layer reads them.
    if(target MATCHES "_ops\\.inc$")
      continue()
    endif()
    get_filename_component(root "${APP_DIR}" DIRECTORY)
    layer_of("${root}/${target}" to)
    list(FIND layers ${to} to_rank)
    math(EXPR checked "${checked} + 1")
    if(to_rank GREATER from_rank)
      file(RELATIVE_PATH rel "${APP_DIR}" "${f}")
      list(APPEND bad "app/${rel} (${from}) includes ${target} (${to})")
    endif()
    # Workflows are siblings: one reads another's data only through the domain,
    # except the handover, which hands keys over.
    if(from STREQUAL "workflow" AND to STREQUAL "workflow")
      file(RELATIVE_PATH rel "${APP_DIR}" "${f}")
      string(REGEX MATCH "^[^/]+" from_folder "${rel}")
      string(REGEX MATCH "^app/([^/]+)" _ "${target}")
      set(to_folder "${CMAKE_MATCH_1}")
      if(NOT from_folder STREQUAL to_folder AND NOT (from_folder STREQUAL "handover" AND to_folder STREQUAL "keys"))
        list(APPEND bad "app/${rel} (workflow ${from_folder}) includes ${target} (workflow ${to_folder})")
      endif()
    endif()
  endforeach()
endforeach()
if(bad)
  list(JOIN bad "\n" text)
  message(FATAL_ERROR "layering broken:\n${text}")
endif()
message(STATUS "app/ layers hold: ${checked} includes checked")
