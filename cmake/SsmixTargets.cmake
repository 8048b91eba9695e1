# Helpers every SS-MIX Carry target uses: our warnings are errors, third-party warnings are
# left alone, and -DSSMIX_SANITIZE=ON instruments our native code with ASan + UBSan.
option(SSMIX_SANITIZE "Build native code with AddressSanitizer and UBSan" OFF)

function(ssmix_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
  if(SSMIX_SANITIZE AND NOT EMSCRIPTEN)
    target_compile_options(${target} PRIVATE
      -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# A core module: core/<name>/*.cpp as library ssmix_<name>, namespace ssmix::<name>.
# Headers are included as "core/<name>/<file>.h" from the repository root.
function(ssmix_core_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPENDS" ${ARGN})
  add_library(ssmix_${name} STATIC ${ARG_SOURCES})
  target_include_directories(ssmix_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(ssmix_${name} PUBLIC ${ARG_DEPENDS})
  ssmix_target_defaults(ssmix_${name})
endfunction()
