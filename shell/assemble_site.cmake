# Copies the web app into SITE_DIR with one build id stamped into index.html,
# loader and service worker: the id is a hash of everything that ships, so the
# service worker's cache (and every asset URL) changes exactly when the build does.
set(shipped "${BIN_DIR}/butler.js" "${BIN_DIR}/butler.wasm" "${FONT}" "${FONT_MORE}")
file(GLOB web_files "${WEB_DIR}/*")
list(SORT web_files)
set(digest "")
foreach(f IN LISTS shipped web_files)
  file(SHA256 "${f}" h)
  string(APPEND digest "${h}")
endforeach()
string(SHA256 build_id "${digest}")
string(SUBSTRING "${build_id}" 0 12 build_id)

file(MAKE_DIRECTORY "${SITE_DIR}")
foreach(f IN LISTS web_files)
  get_filename_component(name "${f}" NAME)
  if(name MATCHES "\\.(html|js|webmanifest)$")
    file(READ "${f}" text)
    string(REPLACE "@BUILD_ID@" "${build_id}" text "${text}")
    file(WRITE "${SITE_DIR}/${name}.tmp" "${text}")
    file(COPY_FILE "${SITE_DIR}/${name}.tmp" "${SITE_DIR}/${name}" ONLY_IF_DIFFERENT)
    file(REMOVE "${SITE_DIR}/${name}.tmp")
  else()
    file(COPY_FILE "${f}" "${SITE_DIR}/${name}" ONLY_IF_DIFFERENT)
  endif()
endforeach()
foreach(f IN LISTS shipped)
  get_filename_component(name "${f}" NAME)
  file(COPY_FILE "${f}" "${SITE_DIR}/${name}" ONLY_IF_DIFFERENT)
endforeach()
# The --js-library files are linked into butler.js; they are not served on their own.
file(GLOB js_libraries "${SITE_DIR}/*_lib.js")
if(js_libraries)
  file(REMOVE ${js_libraries})
endif()

# The bare ImGui baseline for scripts/bench startup: same loader, same font,
# no service worker. Not part of the app.
file(READ "${WEB_DIR}/index.html" hello_html)
string(REPLACE "@BUILD_ID@" "${build_id}" hello_html "${hello_html}")
string(REPLACE "<meta name=\"butler-build\"" "<meta name=\"butler-entry\" content=\"hello\">\n<meta name=\"butler-no-sw\" content=\"1\">\n<meta name=\"butler-build\"" hello_html "${hello_html}")
string(REPLACE "<link rel=\"manifest\" href=\"manifest.webmanifest\">" "" hello_html "${hello_html}")
string(REPLACE "href=\"butler.wasm?v=" "href=\"hello.wasm?v=" hello_html "${hello_html}")
string(REPLACE "href=\"butler.js?v=" "href=\"hello.js?v=" hello_html "${hello_html}")
file(WRITE "${SITE_DIR}/bench-hello.html" "${hello_html}")
file(COPY_FILE "${BIN_DIR}/hello.js" "${SITE_DIR}/hello.js" ONLY_IF_DIFFERENT)
file(COPY_FILE "${BIN_DIR}/hello.wasm" "${SITE_DIR}/hello.wasm" ONLY_IF_DIFFERENT)
file(WRITE "${SITE_DIR}/build-id.txt" "${build_id}\n")
message(STATUS "site ${SITE_DIR}: build ${build_id}")

# Compressed once here, served by the server to a browser that accepts them
# (app/server/static_site.cpp): Brotli (Debian's brotli, quality 11) and gzip
# beside each file, redone only when the file is newer. A first visit on a
# slow line is mostly the program and the font: compressing at build time
# costs no server CPU per request and gets the best ratio.
file(GLOB compressible "${SITE_DIR}/*.html" "${SITE_DIR}/*.js" "${SITE_DIR}/*.wasm" "${SITE_DIR}/*.otf"
     "${SITE_DIR}/*.svg" "${SITE_DIR}/*.webmanifest")
foreach(f IN LISTS compressible)
  if(NOT EXISTS "${f}.br" OR "${f}" IS_NEWER_THAN "${f}.br")
    execute_process(COMMAND brotli -q 11 -f -o "${f}.br" "${f}" RESULT_VARIABLE br_failed)
    if(br_failed)
      message(FATAL_ERROR "brotli failed on ${f} (scripts/setup installs Debian's brotli)")
    endif()
    # brotli gives its output the input's time cut to whole seconds: older than
    # the file by a fraction, which the server reads as a stale copy and then
    # sends gzip instead. The copy is as new as the moment it was made.
    file(TOUCH_NOCREATE "${f}.br")
  endif()
  if(NOT EXISTS "${f}.gz" OR "${f}" IS_NEWER_THAN "${f}.gz")
    execute_process(COMMAND gzip -9 -n -c "${f}" OUTPUT_FILE "${f}.gz" RESULT_VARIABLE gz_failed)
    if(gz_failed)
      message(FATAL_ERROR "gzip failed on ${f}")
    endif()
  endif()
endforeach()
