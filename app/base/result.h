#pragma once
// A value or an error message. Library code returns these; only cli/ and ui/ print or show them.
#include <optional>
#include <string>
#include <utility>

namespace chronoatlas {

struct Error {
  std::string message;  // one line, naming the file or value and what is wrong
};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Error error) : error_(std::move(error.message)) {}

  explicit operator bool() const { return value_.has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  const std::string& error() const { return error_; }

 private:
  std::optional<T> value_;
  std::string error_;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

}  // namespace chronoatlas
