// tests/unit/ssmix2/transaction_log_test.cpp — tests core/ssmix2/transaction_log.cpp.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/ssmix2/transaction_log.h"

using namespace ssmix;
using namespace ssmix::ssmix2;
namespace fs = std::filesystem;

namespace {

StoragePlan plan(Action action) {
    StoragePlan p;
    p.name = {"9999013", "20110701", "OMP-01", "000000011000185", "20110701224603984", "01", Flag::current};
    p.action = action;
    return p;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("transaction log: header line then the message, INS and DEL") {
    char pattern[] = "/tmp/ssmix-tr-XXXXXX";
    const fs::path root = mkdtemp(pattern);
    TransactionLog log(root, "1234567890");
    log.append(plan(Action::store), as_bytes("MSH|a\r"), "20240315101010123");
    log.append(plan(Action::cancel), as_bytes("MSH|b\r"), "20240315111111000");
    const fs::path file = root / "2024" / "TR_20240315101010123_00001.DAT";
    REQUIRE(fs::exists(file));
    CHECK(read(file) ==
          "#SSMIX,2.00,1234567890,9999013,20110701,OMP-01,000000011000185,INS,01,20110701224603984\rMSH|a\r"
          "#SSMIX,2.00,1234567890,9999013,20110701,OMP-01,000000011000185,DEL,01,20110701224603984\rMSH|b\r");
    fs::remove_all(root);
}

TEST_CASE("transaction log: a new file for a new day and when the size limit is reached") {
    char pattern[] = "/tmp/ssmix-tr-XXXXXX";
    const fs::path root = mkdtemp(pattern);
    TransactionLog log(root, "1234567890", 200);
    log.append(plan(Action::store), as_bytes("MSH|1\r"), "20240315090000000");
    log.append(plan(Action::store), as_bytes("MSH|2\r"), "20240315090001000");   // 2 x ~96 bytes fit in 200
    log.append(plan(Action::store), as_bytes("MSH|3\r"), "20240315090002000");   // would exceed: file 2
    log.append(plan(Action::store), as_bytes("MSH|4\r"), "20240316000000000");   // next day: file 3
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(root / "2024")) names.insert(e.path().filename().string());
    CHECK(names == std::set<std::string>{"TR_20240315090000000_00001.DAT", "TR_20240315090002000_00002.DAT",
                                         "TR_20240316000000000_00001.DAT"});
    fs::remove_all(root);
}
