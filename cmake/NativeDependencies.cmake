# Native dependencies: Debian 12 packages (scripts/setup-debian.sh installs them).
find_package(DCMTK REQUIRED CONFIG)
find_package(ZLIB REQUIRED)
find_package(pugixml REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)   # the referral letter file (packager only)
find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBISOFS REQUIRED IMPORTED_TARGET libisofs-1)
pkg_check_modules(LIBBURN REQUIRED IMPORTED_TARGET libburn-1)
find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED)
find_path(ASIO_INCLUDE_DIR asio.hpp REQUIRED)

# The parts of DCMTK the core uses, the same list the wasm build compiles.
add_library(ssmix_dcmtk INTERFACE)
target_link_libraries(ssmix_dcmtk INTERFACE
  DCMTK::dcmjpls DCMTK::dcmjpeg DCMTK::dcmsr DCMTK::dcmimage DCMTK::dcmimgle DCMTK::dcmdata DCMTK::oflog DCMTK::ofstd)

pkg_check_modules(OPENJPEG REQUIRED IMPORTED_TARGET libopenjp2)
add_library(ssmix_openjpeg INTERFACE)
target_link_libraries(ssmix_openjpeg INTERFACE PkgConfig::OPENJPEG)

add_library(ssmix_zlib INTERFACE)
target_link_libraries(ssmix_zlib INTERFACE ZLIB::ZLIB)

add_library(ssmix_json INTERFACE)
target_link_libraries(ssmix_json INTERFACE nlohmann_json::nlohmann_json)
