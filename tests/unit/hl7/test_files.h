// tests/unit/hl7/test_files.h — reads the NHO sample messages copied into tests/data.
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/base/bytes.h"

inline std::filesystem::path sample_root() {
    return std::filesystem::path(SSMIX_TEST_DATA_DIR) / "ssmix2/nhoHQ-SSMIX2DataTestingTool/sampleData";
}

inline ssmix::Bytes read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return ssmix::Bytes(std::istreambuf_iterator<char>(in), {});
}

inline ssmix::Bytes sample(const std::string& relative) { return read_bytes(sample_root() / relative); }

inline const char* adt00_sample = "999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1";
