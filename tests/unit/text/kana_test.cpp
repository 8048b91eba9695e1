// tests/unit/text/kana_test.cpp — tests core/text/kana.cpp.
#include <doctest/doctest.h>

#include "core/text/kana.h"

using ssmix::text::to_fullwidth_katakana;

TEST_CASE("kana: every half-width form and the voicing rules") {
    CHECK(to_fullwidth_katakana("ｱｲｳｴｵ") == "アイウエオ");
    CHECK(to_fullwidth_katakana("ｶﾞｷﾞｸﾞｹﾞｺﾞ") == "ガギグゲゴ");
    CHECK(to_fullwidth_katakana("ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ") == "ダヂヅデド");   // after ッ the code points shift parity
    CHECK(to_fullwidth_katakana("ﾊﾞﾋﾟﾌﾞﾍﾟﾎﾞ") == "バピブペボ");
    CHECK(to_fullwidth_katakana("ｳﾞｧｲｵﾘﾝ") == "ヴァイオリン");
    CHECK(to_fullwidth_katakana("｡｢｣､･ｰ") == "。「」、・ー");
}

TEST_CASE("kana: marks that cannot join stay as full-width marks") {
    CHECK(to_fullwidth_katakana("ｱﾞ") == "ア゛");
    CHECK(to_fullwidth_katakana("ﾟ") == "゜");
    CHECK(to_fullwidth_katakana("ｶﾟ") == "カ゜");
}

TEST_CASE("kana: other text is unchanged") {
    CHECK(to_fullwidth_katakana("患者 太郎 ABC ガ") == "患者 太郎 ABC ガ");
}
