#pragma once
// The InputError a piece of work throws (the test fails when it throws none).
#include <catch2/catch.hpp>

#include <functional>

#include "core/common/error.hpp"

namespace deelstroom::test {

inline InputError error_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError");
  return InputError({}, Text{});
}

}  // namespace deelstroom::test
