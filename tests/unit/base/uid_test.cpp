// tests/unit/base/uid_test.cpp — tests core/base/uid.cpp. Expected values computed outside the
// program (Python: hashlib, int.from_bytes, uuid.UUID).
#include <doctest/doctest.h>

#include <set>

#include "core/base/uid.h"

using namespace ssmix;

TEST_CASE("uid: a name-based UID is SHA-256's first 128 bits with version 8 and the RFC variant, in decimal under 2.25") {
    CHECK(name_uuid_oid("abc") == "2.25.247859944228867097191300499870369849891");
    CHECK(uuid_urn(name_uuid("abc")) == "urn:uuid:ba7816bf-8f01-8fea-8141-40de5dae2223");
    CHECK(name_uuid_oid("abc") == name_uuid_oid("abc"));
    CHECK(name_uuid_oid("abc") != name_uuid_oid("abd"));
}

TEST_CASE("uid: random UIDs are version 4, differ, and stay within DICOM's 64 characters") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const Uuid u = random_uuid();
        CHECK((u[6] >> 4) == 4);
        CHECK((u[8] & 0xC0) == 0x80);
        const std::string oid = uuid_oid(u);
        CHECK(oid.size() <= 64);
        CHECK(oid.starts_with("2.25."));
        CHECK(oid.find_first_not_of("0123456789.") == std::string::npos);
        seen.insert(oid);
    }
    CHECK(seen.size() == 100);
    CHECK(uuid_oid(Uuid{}) == "2.25.0");
}
