// tests/unit/temp_dir.h — a fresh folder under /tmp for one test, removed afterwards.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ssmix::testing {

struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name = "ssmix-test") {
        std::string pattern = "/tmp/" + name + "-XXXXXX";
        path = mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace ssmix::testing
