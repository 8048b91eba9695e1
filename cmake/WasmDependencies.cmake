# WebAssembly dependencies, built by scripts/build-wasm-deps.sh from Debian source packages
# into a cache; SSMIX_WASM_DEPS is that cache's prefix.
set(SSMIX_WASM_DEPS "" CACHE PATH "prefix printed by scripts/build-wasm-deps.sh")
if(NOT EXISTS "${SSMIX_WASM_DEPS}/.complete")
  message(FATAL_ERROR "SSMIX_WASM_DEPS='${SSMIX_WASM_DEPS}' is not a finished wasm dependency build; run scripts/build-wasm-deps.sh")
endif()

# One exception policy for all wasm code, the same the dependencies were built with.
add_compile_options(-fexceptions)
add_link_options(-fexceptions)

add_library(ssmix_zlib INTERFACE)
target_include_directories(ssmix_zlib SYSTEM INTERFACE ${SSMIX_WASM_DEPS}/include)
target_link_libraries(ssmix_zlib INTERFACE ${SSMIX_WASM_DEPS}/lib/libz.a)

add_library(pugixml::pugixml INTERFACE IMPORTED)
target_include_directories(pugixml::pugixml SYSTEM INTERFACE ${SSMIX_WASM_DEPS}/include)
target_link_libraries(pugixml::pugixml INTERFACE ${SSMIX_WASM_DEPS}/lib/libpugixml.a)

add_library(ssmix_openjpeg INTERFACE)
target_include_directories(ssmix_openjpeg SYSTEM INTERFACE ${SSMIX_WASM_DEPS}/include/openjpeg-2.5)
target_link_libraries(ssmix_openjpeg INTERFACE ${SSMIX_WASM_DEPS}/lib/libopenjp2.a)

add_library(ssmix_dcmtk INTERFACE)
target_include_directories(ssmix_dcmtk SYSTEM INTERFACE ${SSMIX_WASM_DEPS}/include)
foreach(lib dcmjpls dcmtkcharls dcmjpeg ijg8 ijg12 ijg16 dcmsr dcmimage dcmimgle dcmdata oflog ofstd)
  target_link_libraries(ssmix_dcmtk INTERFACE ${SSMIX_WASM_DEPS}/lib/lib${lib}.a)
endforeach()
target_link_libraries(ssmix_dcmtk INTERFACE ssmix_zlib)

# nlohmann/json is header-only: use Debian's copy, without exposing the rest of /usr/include.
set(json_shim ${CMAKE_BINARY_DIR}/json-include)
file(MAKE_DIRECTORY ${json_shim})
file(CREATE_LINK /usr/include/nlohmann ${json_shim}/nlohmann SYMBOLIC)
add_library(ssmix_json INTERFACE)
target_include_directories(ssmix_json SYSTEM INTERFACE ${json_shim})

set(SSMIX_IMGUI_DIR ${SSMIX_WASM_DEPS}/src/imgui)
