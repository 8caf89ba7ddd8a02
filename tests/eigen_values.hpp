#pragma once
// A short Eigen array written out in a test: values({1.0, 2.0, 3.0}).
#include <initializer_list>

#include <Eigen/Core>

namespace deelstroom::test {

inline Eigen::ArrayXd values(std::initializer_list<double> list) {
  Eigen::ArrayXd a(static_cast<Eigen::Index>(list.size()));
  Eigen::Index i = 0;
  for (double v : list) a[i++] = v;
  return a;
}

}  // namespace deelstroom::test
