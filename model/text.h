#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <iterator>
#include <vector>

namespace roofline {

enum class TextLines { Single, Multi };

// Text from a file made safe to show, save as JSON and write into XML: bytes that are not UTF-8 (a Latin-1
// kernel name from a profiler's CSV), control characters and the bidirectional controls (marks, embeddings,
// overrides, isolates) become U+FFFD, so the name stays visible and the substitution shows. Characters that
// draw nothing (zero-width space, word joiner, soft hyphen, tags, a byte-order mark) are dropped, and so are
// the zero-width joiner and non-joiner unless both neighbours are non-ASCII characters (emoji sequences,
// Persian and Indic words keep them). Line breaks (also U+2028, U+2029) and tabs become spaces in
// single-line text (names, labels); in multi-line text (notes) tabs and line breaks stay, CRLF and CR
// become LF. Text longer than `maxBytes`
// is cut at a character boundary and ends with "...".
std::string cleanText(std::string_view text, TextLines lines = TextLines::Single,
                      std::size_t maxBytes = std::string::npos);

// Bytes of UTF-8 in one message: an error (InputError) or a warning.
inline constexpr std::size_t MaxMessageBytes = 2000;

// A message, errors and warnings alike, made one printable line of at most MaxMessageBytes: values quoted
// from a file may hold bytes that are not UTF-8, control characters or line breaks (see cleanText). A longer
// message keeps its first 1,200 and last 700 bytes (whole characters) with "..." between: the source comes
// first and the cause last ("<a long path>: cannot write: File name too long"), a long value in between.
std::string messageLine(std::string_view text);

// Letters A to Z made a to z, nothing else: the C library's tolower follows the locale, and Turkish maps
// 'I' to a dotless i.
std::string asciiLower(std::string_view text);
// `text` without the spaces, tabs and line breaks around it.
std::string_view trimSpace(std::string_view text);

// The names a message offers: "a", "a or b", "a, b or c". Every list of choices in an error is written so.
std::string choiceList(const std::vector<std::string_view> &names);
// The same for every value of `values`, each named by `name`.
template <typename Values, typename Name>
std::string choiceListOf(const Values &values, Name name)
{
    std::vector<std::string_view> names;
    names.reserve(std::size(values));
    for (const auto &value : values)
        names.push_back(name(value));
    return choiceList(names);
}

// The longest start of `text` of at most `bytes` bytes that does not split a UTF-8 sequence.
std::string_view utf8Prefix(std::string_view text, std::size_t bytes);

// Where the first byte that is not well-formed UTF-8 is, or npos.
std::size_t invalidUtf8Offset(std::string_view text);
// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view text);

} // namespace roofline
