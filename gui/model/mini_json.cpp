#include "gui/model/mini_json.hpp"

#include <charconv>
#include <cstdlib>

#include "core/common/error.hpp"

namespace deelstroom::gui {

const JsonValue* JsonValue::member(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  JsonValue document() {
    JsonValue value = parse_value();
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the JSON value");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    // Chart data the program wrote itself: a broken file is a bug, so the detail stays English.
    throw InputError({"", 1, static_cast<int>(pos_) + 1, "json"}, fill("ongeldige JSON: {}", "invalid JSON: {}", {message}));
  }
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }
  bool take(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!take(c)) fail(std::string("expected '") + c + "'");
  }
  bool take_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) == word) {
      pos_ += word.size();
      return true;
    }
    return false;
  }

  /// Nesting deeper than this is refused before it can exhaust the stack (docs/input-limits.md).
  static constexpr int kMaxDepth = 64;

  JsonValue parse_value() {
    skip_space();
    if (pos_ >= text_.size()) fail("unexpected end of the JSON text");
    JsonValue value;
    const char c = text_[pos_];
    if ((c == '{' || c == '[') && ++depth_ > kMaxDepth) {
      fail("JSON nested more than " + std::to_string(kMaxDepth) + " levels deep");
    }
    if (c == '{') {
      value.type = JsonValue::Type::object;
      ++pos_;
      if (take('}')) {
        --depth_;
        return value;
      }
      do {
        skip_space();
        std::string key = parse_string();
        expect(':');
        value.members.emplace_back(std::move(key), parse_value());
      } while (take(','));
      expect('}');
      --depth_;
    } else if (c == '[') {
      value.type = JsonValue::Type::array;
      ++pos_;
      if (take(']')) {
        --depth_;
        return value;
      }
      do {
        value.items.push_back(parse_value());
      } while (take(','));
      expect(']');
      --depth_;
    } else if (c == '"') {
      value.type = JsonValue::Type::string;
      value.text = parse_string();
    } else if (take_word("true")) {
      value.type = JsonValue::Type::boolean;
      value.flag = true;
    } else if (take_word("false")) {
      value.type = JsonValue::Type::boolean;
    } else if (take_word("null")) {
      value.type = JsonValue::Type::null;
    } else {
      value.type = JsonValue::Type::number;
      value.number = parse_number();
    }
    return value;
  }

  double parse_number() {
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    double number = 0.0;
    const auto [stop, ec] = std::from_chars(begin, end, number);
    if (ec != std::errc() || stop == begin) fail("expected a value");
    pos_ += static_cast<std::size_t>(stop - begin);
    return number;
  }

  std::string parse_string() {
    if (pos_ >= text_.size() || text_[pos_] != '"') fail("expected a string");
    ++pos_;
    std::string out;
    while (pos_ < text_.size() && text_[pos_] != '"') {
      char c = text_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      const char escape = text_[pos_++];
      switch (escape) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          if (pos_ + 4 > text_.size()) fail("short \\u escape");
          const unsigned code = static_cast<unsigned>(std::strtoul(std::string(text_.substr(pos_, 4)).c_str(), nullptr, 16));
          pos_ += 4;
          // Basic plane only (the writer escapes control characters only).
          if (code < 0x80) {
            out += static_cast<char>(code);
          } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
          } else {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
          }
          break;
        }
        default: out += escape;
      }
    }
    if (pos_ >= text_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }

  std::string_view text_;
  int depth_ = 0;
  std::size_t pos_ = 0;
};

}  // namespace

JsonValue parse_json(std::string_view text) { return Parser(text).document(); }

const JsonValue* find_json(const JsonValue& root, std::string_view path) {
  const JsonValue* node = &root;
  std::size_t pos = 0;
  while (pos < path.size() && node != nullptr) {
    if (path[pos] == '.') {
      ++pos;
      continue;
    }
    if (path[pos] == '[') {
      const std::size_t close = path.find(']', pos);
      if (close == std::string_view::npos || node->type != JsonValue::Type::array) return nullptr;
      std::size_t index = 0;
      const auto [stop, ec] = std::from_chars(path.data() + pos + 1, path.data() + close, index);
      if (ec != std::errc() || stop != path.data() + close || index >= node->items.size()) return nullptr;
      node = &node->items[index];
      pos = close + 1;
      continue;
    }
    std::size_t end = path.find_first_of(".[", pos);
    if (end == std::string_view::npos) end = path.size();
    node = node->member(path.substr(pos, end - pos));
    pos = end;
  }
  return node;
}

}  // namespace deelstroom::gui
