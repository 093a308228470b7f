#include "jsonreader.h"

#include "inputerror.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

namespace roofline {

using nlohmann::json;

std::string readInputFile(const std::string &path, std::uintmax_t maxBytes)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        throw InputError(path, {}, "no such file");
    if (fs::is_directory(status))
        throw InputError(path, {}, "is a directory, not a file");
    if (!fs::is_regular_file(status))
        throw InputError(path, {}, "is not a regular file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
        throw InputError(path, {}, "cannot read its size: " + ec.message());
    if (size > maxBytes)
        throw InputError(path, {}, "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(maxBytes));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, {}, "cannot open the file for reading");
    std::string text;
    text.resize(static_cast<std::size_t>(size));
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size))
        throw InputError(path, {}, "could not read the whole file");
    return text;
}

json parseJsonObject(std::string_view text, const std::string &source)
{
    if (text.empty())
        throw InputError(source, {}, "the file is empty; expected a JSON object");
    // nlohmann keeps the last of duplicate keys silently; a config with two different "hidden_size"
    // values is ambiguous, so reject it. The callback sees every key with its depth.
    std::vector<std::set<std::string>> keysPerObject;
    std::string duplicate;
    const json::parser_callback_t callback = [&](int, json::parse_event_t event, json &parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
            keysPerObject.emplace_back();
            break;
        case json::parse_event_t::object_end:
            if (!keysPerObject.empty())
                keysPerObject.pop_back();
            break;
        case json::parse_event_t::key:
            if (!keysPerObject.empty() && !keysPerObject.back().insert(parsed.get<std::string>()).second
                && duplicate.empty())
                duplicate = parsed.get<std::string>();
            break;
        default:
            break;
        }
        return true;
    };
    json document;
    try {
        document = json::parse(text.begin(), text.end(), callback, true, false);
    } catch (const json::exception &error) {
        // parse_error for malformed text, out_of_range for a number too large for a double ("1e999").
        std::string what = error.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> keep the readable part.
        if (const auto pos = what.find("] "); pos != std::string::npos)
            what = what.substr(pos + 2);
        throw InputError(source, {}, "invalid JSON: " + what);
    }
    if (!duplicate.empty())
        throw InputError(source, duplicate, "appears twice in the same object");
    if (!document.is_object())
        throw InputError(source, {}, std::string("expected a JSON object at the top level, found ") + document.type_name());
    return document;
}

std::string describeJsonValue(const json &value)
{
    std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return text;
}

JsonFields::JsonFields(const json &object, std::string source, std::string path)
    : m_object(object)
    , m_source(std::move(source))
    , m_path(std::move(path))
{
}

bool JsonFields::has(std::string_view key) const
{
    return m_object.contains(key) && !m_object.at(std::string(key)).is_null();
}

std::string JsonFields::fieldName(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void JsonFields::fail(std::string_view key, const std::string &problem) const
{
    throw InputError(m_source, fieldName(key), problem);
}

const json &JsonFields::require(std::string_view key) const
{
    if (!has(key))
        fail(key, "is missing");
    return m_object.at(std::string(key));
}

std::string JsonFields::string(std::string_view key) const
{
    const json &value = require(key);
    if (!value.is_string())
        fail(key, "expected a string, got " + describeJsonValue(value));
    return value.get<std::string>();
}

std::optional<std::string> JsonFields::optionalString(std::string_view key) const
{
    if (!has(key))
        return std::nullopt;
    return string(key);
}

double JsonFields::positiveNumber(std::string_view key, double max) const
{
    const json &value = require(key);
    if (!value.is_number())
        fail(key, "expected a number, got " + describeJsonValue(value));
    const double number = value.get<double>();
    if (!std::isfinite(number))
        fail(key, "must be a finite number, got " + describeJsonValue(value));
    if (number <= 0.0)
        fail(key, "must be greater than 0, got " + describeJsonValue(value));
    if (number > max) {
        std::ostringstream limit;
        limit << max;
        fail(key, "must be at most " + limit.str() + ", got " + describeJsonValue(value));
    }
    return number;
}

std::optional<double> JsonFields::optionalPositiveNumber(std::string_view key, double max) const
{
    if (!has(key))
        return std::nullopt;
    return positiveNumber(key, max);
}

std::int64_t JsonFields::integer(std::string_view key, std::int64_t min, std::int64_t max) const
{
    const json &value = require(key);
    if (!value.is_number())
        fail(key, "expected a whole number, got " + describeJsonValue(value));
    const double number = value.get<double>();
    if (!std::isfinite(number) || std::floor(number) != number)
        fail(key, "expected a whole number, got " + describeJsonValue(value));
    if (number < static_cast<double>(min) || number > static_cast<double>(max))
        fail(key,
             "must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got "
                 + describeJsonValue(value));
    return static_cast<std::int64_t>(number);
}

std::optional<std::int64_t> JsonFields::optionalInteger(std::string_view key, std::int64_t min, std::int64_t max) const
{
    if (!has(key))
        return std::nullopt;
    return integer(key, min, max);
}

std::optional<bool> JsonFields::optionalBool(std::string_view key) const
{
    if (!has(key))
        return std::nullopt;
    const json &value = m_object.at(std::string(key));
    if (!value.is_boolean())
        fail(key, "expected true or false, got " + describeJsonValue(value));
    return value.get<bool>();
}

const json &JsonFields::object(std::string_view key) const
{
    const json &value = require(key);
    if (!value.is_object())
        fail(key, "expected an object, got " + describeJsonValue(value));
    return value;
}

const json &JsonFields::array(std::string_view key) const
{
    const json &value = require(key);
    if (!value.is_array())
        fail(key, "expected an array, got " + describeJsonValue(value));
    return value;
}

} // namespace roofline
