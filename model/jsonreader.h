#pragma once

#include "inputlimits.h"
#include "text.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <initializer_list>
#include <string>
#include <string_view>

namespace roofline {

// Reads a whole file as text for one of the loaders. Throws InputError naming the path when it is missing,
// a directory, unreadable or larger than `maxBytes`.
std::string readInputFile(const std::string &path, std::uintmax_t maxBytes = MaxInputFileBytes);

// Throws InputError naming `source` when `text` is UTF-16, as some Windows tools save JSON and CSV: it starts
// with a UTF-16 byte-order mark, or one of its first two bytes is NUL.
void refuseUtf16(std::string_view text, const std::string &source);

// Parses JSON strictly: no comments, no duplicate keys, a top-level object. Errors name the source.
nlohmann::json parseJsonObject(std::string_view text, const std::string &source);

// Typed, range-checked access to the fields of one JSON object. `path` is the object's place in the file
// ("gpus[3]"), used in error messages together with the source.
class JsonFields
{
public:
    JsonFields(const nlohmann::json &object, std::string source, std::string path = {});

    bool has(std::string_view key) const;
    // Whether the key is there with the value null (has() is false for it, as for a key that is absent).
    bool isNull(std::string_view key) const;
    // A string, cleaned for display and saving (see cleanText): invalid UTF-8 and control characters
    // become U+FFFD, text over `maxBytes` is shortened with "...".
    std::string string(std::string_view key, TextLines lines = TextLines::Single,
                       std::size_t maxBytes = std::string::npos) const;
    std::optional<std::string> optionalString(std::string_view key, TextLines lines = TextLines::Single,
                                              std::size_t maxBytes = std::string::npos) const;
    // A finite number in [range.min, range.max].
    double number(std::string_view key, FigureRange range) const;
    std::optional<double> optionalNumber(std::string_view key, FigureRange range) const;
    // A whole number in [range.min, range.max]; 4096.0 is accepted, 4096.5 is not.
    std::int64_t integer(std::string_view key, CountRange range) const;
    std::optional<std::int64_t> optionalInteger(std::string_view key, CountRange range) const;
    std::optional<bool> optionalBool(std::string_view key) const;
    const nlohmann::json &object(std::string_view key) const;
    const nlohmann::json &array(std::string_view key) const;

    std::string fieldName(std::string_view key) const;
    [[noreturn]] void fail(std::string_view key, const std::string &problem) const;
    // Fails on the first key not in `known` (a misspelt "bandwith_unit" would otherwise be read as absent), naming
    // it and the fields the format has.
    void rejectUnknown(std::initializer_list<std::string_view> known) const;
private:
    // The value of a field that must be there and not null; `expected` names its type for the message.
    const nlohmann::json &require(std::string_view key, const char *expected) const;

    const nlohmann::json &m_object;
    std::string m_source;
    std::string m_path;
};

// A short printable rendering of a JSON value for error messages (long strings are cut).
std::string describeJsonValue(const nlohmann::json &value);

} // namespace roofline
