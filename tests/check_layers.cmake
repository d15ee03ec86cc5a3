# Every #include under app/ checked against the layers of
# cmake/app_layers.cmake: a file may include only its own layer and the
# layers below it. Upward includes (a workflow's data reading the whole
# projection, the projection reading the store) are how folder cycles grew.
#
# Run: cmake -DAPP_DIR=… -P check_layers.cmake
cmake_policy(SET CMP0057 NEW)  # IN_LIST
get_filename_component(_root "${APP_DIR}" DIRECTORY)
include("${_root}/cmake/app_layers.cmake")
set(layers ${BUTLER_LAYERS})

function(layer_of path out)
  file(RELATIVE_PATH rel "${APP_DIR}" "${path}")
  butler_layer_of("${rel}" l)
  set(${out} ${l} PARENT_SCOPE)
endfunction()

# The generated registry's include lists, by the layer of what they include.
set(generated_layer_op_tables.hpp workflow)
set(generated_layer_data.hpp workflow)
set(generated_layer_services.hpp service)
set(generated_layer_exports.hpp service)

file(GLOB_RECURSE files "${APP_DIR}/*.hpp" "${APP_DIR}/*.cpp" "${APP_DIR}/*.inc")
set(bad "")
set(checked 0)
foreach(f IN LISTS files)
  layer_of("${f}" from)
  if(from STREQUAL "unknown")
    list(APPEND bad "${f}: in no layer (add its folder to cmake/app_layers.cmake)")
    continue()
  endif()
  list(FIND layers ${from} from_rank)
  file(STRINGS "${f}" lines REGEX "^#[ \t]*include[ \t]*\"(app|butler_workflows)/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^#[ \t]*include[ \t]*\"((app|butler_workflows)/[^\"]+)\".*" "\\1" target "${line}")
    # *_ops.inc and *_strings.inc are declarations and strings (data, not code):
    # the ops layer and the catalogue read every workflow's.
    if(target MATCHES "_(ops|strings)\\.inc$")
      continue()
    endif()
    if(target MATCHES "^butler_workflows/")
      # The generated registry (cmake/workflow_registry.cmake) includes every
      # workflow's file of one kind: its layer is that kind's.
      get_filename_component(kind "${target}" NAME)
      if(kind MATCHES "^(ops|strings|list)\\.inc$")
        continue()  # declarations and strings again, and the X-macro list
      endif()
      set(to "${generated_layer_${kind}}")
      set(to_folder "every workflow")
    else()
      get_filename_component(root "${APP_DIR}" DIRECTORY)
      layer_of("${root}/${target}" to)
      string(REGEX MATCH "^app/([^/]+)" _ "${target}")
      set(to_folder "${CMAKE_MATCH_1}")
    endif()
    file(RELATIVE_PATH rel "${APP_DIR}" "${f}")
    list(FIND layers "${to}" to_rank)
    math(EXPR checked "${checked} + 1")
    if(to_rank EQUAL -1)
      list(APPEND bad "app/${rel} includes ${target}, which is in no layer")
    elseif(to_rank GREATER from_rank)
      list(APPEND bad "app/${rel} (${from}) includes ${target} (${to})")
    endif()
    # Workflows are siblings: one reads another's data only through the domain,
    # except the handover, which hands keys over.
    if(from STREQUAL "workflow" AND to STREQUAL "workflow")
      string(REGEX MATCH "^[^/]+" from_folder "${rel}")
      if(NOT from_folder STREQUAL to_folder AND NOT "${from_folder}>${to_folder}" IN_LIST BUTLER_SIBLING_INCLUDES)
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
