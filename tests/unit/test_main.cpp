// tests/unit/test_main.cpp — doctest's main, once for every unit test binary.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
