#include "jsonreader.h"

#include "inputerror.h"
#include "text.h"
#include "units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace roofline {

using nlohmann::json;

std::string readInputFile(const std::string &path, std::uintmax_t maxBytes)
{
    namespace fs = std::filesystem;
    if (path.empty())
        throw InputError(path, {}, "no file path given");
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    // A missing file, or a link to nothing, is "no such file"; anything else says what the system says (a
    // link that loops: "too many levels of symbolic links", not "no such file").
    if (ec && ec != std::errc::no_such_file_or_directory) {
        std::string reason = ec.message();
        if (!reason.empty())
            reason[0] = char(std::tolower(static_cast<unsigned char>(reason[0])));
        throw InputError(path, {}, reason);
    }
    if (ec || !fs::exists(status))
        throw InputError(path, {}, "no such file");
    if (fs::is_directory(status))
        throw InputError(path, {}, "is a directory, not a file");
    if (!fs::is_regular_file(status))
        throw InputError(path, {}, "is not a regular file");
    const auto tooLarge = [&](const std::string &size) {
        return InputError(path, {}, "file is " + size + " bytes; the limit is " + std::to_string(maxBytes));
    };
    const std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > maxBytes)
        throw tooLarge(std::to_string(size));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, {}, "cannot open the file for reading");
    // Read to the end rather than trusting the size: files under /proc and /sys say 0 and still hold text,
    // and a file can grow between the two calls.
    std::string text;
    if (!ec)
        text.reserve(static_cast<std::size_t>(size));
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes)
            throw tooLarge("more than " + std::to_string(maxBytes));
    }
    if (in.bad())
        throw InputError(path, {}, "could not read the whole file");
    return text;
}

namespace {

// Builds the document in one pass over nlohmann's SAX events, so parsing stays linear in the size of the
// text. nlohmann keeps the last of duplicate keys silently; a config with two different "hidden_size"
// values is ambiguous, so a key already present in its object is refused. Nesting is limited, because
// nlohmann's dump(), destructor and comparisons recurse and a 100k-deep array would overflow the stack. The
// number of values is limited too (MaxJsonValues): parsing stops at the first one over, before the document
// grows to 35 times the size of the text.
class StrictDomBuilder
{
public:
    explicit StrictDomBuilder(json &root)
        : m_root(root)
    {
    }

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(json::number_integer_t value) { return add(value); }
    bool number_unsigned(json::number_unsigned_t value) { return add(value); }
    bool number_float(json::number_float_t value, const json::string_t &) { return add(value); }
    bool string(json::string_t &value) { return add(std::move(value)); }
    bool binary(json::binary_t &value) { return add(json::binary(std::move(value))); }

    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t &name)
    {
        auto [it, added] = m_stack.back().value->get_ref<json::object_t &>().try_emplace(name);
        if (!added) {
            m_duplicate = pathTo(name);
            return false;
        }
        m_pending = &it->second;
        m_pendingKey = &it->first;
        return true;
    }

    // Malformed text (parse_error) or a number beyond a double ("1e999", out_of_range): the message is kept and
    // parsing stops, without throwing nlohmann's exception only to catch it and throw ours.
    template<class Exception>
    bool parse_error(std::size_t, const std::string &, const Exception &error)
    {
        m_error = error.what();
        return false;
    }
    const std::string &error() const { return m_error; }

    const std::string &duplicate() const { return m_duplicate; }
    bool tooDeep() const { return m_tooDeep; }
    bool tooManyValues() const { return m_values > MaxJsonValues; }

private:
    // An open array or object and where its parent holds it: under a key, or at an index.
    struct Level {
        json *value;
        const std::string *key;
        std::size_t index;
    };

    json *slot()
    {
        if (m_stack.empty())
            return &m_root;
        json &parent = *m_stack.back().value;
        if (parent.is_array()) {
            parent.emplace_back();
            return &parent.back();
        }
        return m_pending;
    }

    // The place of `name` in the document as the loaders name fields: "kernels[3].time_s".
    std::string pathTo(const std::string &name) const
    {
        std::string path;
        const auto member = [&path](const std::string &key) {
            if (!path.empty())
                path.push_back('.');
            path.append(key);
        };
        for (std::size_t i = 1; i < m_stack.size(); ++i) {
            if (m_stack[i].key) {
                member(*m_stack[i].key);
            } else {
                path.push_back('[');
                path.append(std::to_string(m_stack[i].index));
                path.push_back(']');
            }
        }
        member(name);
        return path;
    }

    template<class Value>
    bool add(Value &&value)
    {
        if (++m_values > MaxJsonValues)
            return false;
        *slot() = json(std::forward<Value>(value));
        return true;
    }

    bool open(json::value_t type)
    {
        if (++m_values > MaxJsonValues)
            return false;
        if (m_stack.size() >= static_cast<std::size_t>(MaxJsonDepth)) {
            m_tooDeep = true;
            return false;
        }
        const bool inArray = !m_stack.empty() && m_stack.back().value->is_array();
        json *target = slot();
        *target = json(type);
        if (inArray)
            m_stack.push_back({ target, nullptr, m_stack.back().value->size() - 1 });
        else
            m_stack.push_back({ target, m_stack.empty() ? nullptr : m_pendingKey, 0 });
        return true;
    }

    bool close()
    {
        m_stack.pop_back();
        return true;
    }

    json &m_root;
    std::vector<Level> m_stack;
    json *m_pending = nullptr;
    const std::string *m_pendingKey = nullptr;
    std::string m_duplicate;
    std::string m_error;
    bool m_tooDeep = false;
    std::size_t m_values = 0;
};

// What follows "invalid JSON" in a message: nlohmann's parse error in plain words. "parse error at line 1,
// column 1: syntax error while parsing value - invalid literal; last read: 'h'" says where, what was expected
// and what was found; the rest is the parser's vocabulary. Other messages (a number beyond a double) are kept.
std::string plainParseError(const std::string &what)
{
    static constexpr std::string_view Head = "parse error at ";
    static constexpr std::string_view Context = "syntax error while parsing ";
    static constexpr std::string_view LastRead = "; last read: '";
    const auto colon = what.find(": ");
    const auto context = what.find(Context);
    const auto dash = what.find(" - ", context == std::string::npos ? 0 : context);
    if (!what.starts_with(Head) || colon == std::string::npos || context == std::string::npos || dash == std::string::npos)
        return ": " + what;
    const std::string where = what.substr(Head.size(), colon - Head.size()); // "line 1, column 1"
    const std::string parsing = what.substr(context + Context.size(), dash - context - Context.size());
    const auto lastRead = what.rfind(LastRead);
    const std::string problem = what.substr(dash + 3, lastRead == std::string::npos ? std::string::npos : lastRead - dash - 3);
    std::string found;
    if (lastRead != std::string::npos) {
        found = what.substr(lastRead + LastRead.size());
        if (!found.empty() && found.back() == '\'')
            found.pop_back();
        // The parser quotes all it read of the token it gave up on; what stopped it is the last word of that.
        if (const auto space = found.find_last_of(" \t"); space != std::string::npos && space + 1 < found.size())
            found.erase(0, space + 1);
        if (found.size() > 24)
            found = found.substr(0, 24) + "...";
    }
    static constexpr std::pair<std::string_view, std::string_view> Expected[] = {
        { "value", "a value (an object, array, string, number, true, false or null)" },
        { "object key", "a key in double quotes" },
        { "object separator", "':' after the key" },
        { "object", "',' or '}'" },
        { "array", "',' or ']'" },
    };
    std::string expected = parsing;
    for (const auto &[name, plain] : Expected)
        if (parsing == name)
            expected = plain;
    if (problem.ends_with("; expected end of input"))
        expected = "nothing after the top-level value";
    const std::string at = " at " + where + ": ";
    if (problem.starts_with("unexpected end of input"))
        return at + "expected " + expected + ", but the text ends there (is the file cut short?)";
    if (problem == "invalid string: missing closing quote")
        return at + "a string has no closing quote (is the file cut short?)";
    if (problem.starts_with("invalid string: ") || problem.starts_with("invalid number"))
        return at + problem;
    if (problem.starts_with("unexpected '")) // "unexpected '}'; expected end of input"
        found = problem.substr(12, problem.find('\'', 12) == std::string::npos ? std::string::npos : problem.find('\'', 12) - 12);
    return at + "expected " + expected + (found.empty() ? std::string() : ", found '" + found + "'");
}

} // namespace

void refuseUtf16(std::string_view text, const std::string &source)
{
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF"
        || (text.size() >= 2 && (text[0] == '\0') != (text[1] == '\0')))
        throw InputError(source, {}, "is UTF-16 text; save it as UTF-8");
}

json parseJsonObject(std::string_view text, const std::string &source)
{
    if (text.empty())
        throw InputError(source, {}, "the file is empty; expected a JSON object");
    // Said as it is, not as "a NUL byte at offset 1".
    refuseUtf16(text, source);
    // nlohmann's reader stops at a NUL byte as at the end of the text, so "{...}\0garbage" would pass.
    // Text in another encoding, or a binary file (an image renamed .json), is named by the byte's value and
    // place, never quoted raw.
    if (const auto bad = invalidUtf8Offset(text); bad != std::string_view::npos) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
        const auto lineStart = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        const std::size_t line = 1 + std::size_t(std::count(text.begin(), text.begin() + std::ptrdiff_t(bad), '\n'));
        const std::size_t column = lineStart == std::string_view::npos || bad == 0 ? bad + 1 : bad - lineStart;
        throw InputError(source, {}, "is not UTF-8 text: byte " + std::string(hex) + " at line " + std::to_string(line) + ", column "
                                         + std::to_string(column) + "; expected JSON saved as UTF-8");
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw InputError(source, {}, "invalid JSON: a NUL byte at offset " + std::to_string(nul));
    // Text that cannot begin any JSON value (prose, a CSV, a log) is named by how it begins, not by a column.
    const std::string_view body = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text; // a byte-order mark is read
    if (const auto first = body.find_first_not_of(" \t\r\n"); first != std::string_view::npos
        && std::string_view("{[\"-0123456789tfn").find(body[first]) == std::string_view::npos) {
        if (body.substr(first).starts_with("//") || body.substr(first).starts_with("/*"))
            throw InputError(source, {}, "begins with a comment; JSON has none (remove it)");
        std::string begins(utf8Prefix(body.substr(first), 40));
        std::replace_if(begins.begin(), begins.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }, ' '); // never a control character in a message
        throw InputError(source, {}, "is not JSON: it begins \"" + begins + (body.size() - first > begins.size() ? "...\"" : "\"")
                                         + "; a session, model or GPU file is a JSON object, starting with '{'");
    }
    json document;
    StrictDomBuilder builder(document);
    std::string what;
    try {
        json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, true, false);
        what = builder.error();
    } catch (const json::exception &error) {
        what = error.what();
    }
    if (!what.empty()) {
        // "[json.exception.parse_error.101] parse error at line 1, column 5: ..." -> keep the readable part.
        if (const auto pos = what.find("] "); pos != std::string::npos)
            what.erase(0, pos + 2);
        throw InputError(source, {}, "invalid JSON" + plainParseError(what));
    }
    if (builder.tooManyValues())
        throw InputError(source, {},
                         "holds more than " + std::to_string(MaxJsonValues)
                             + " JSON values (numbers, strings, arrays and objects); the limit is "
                             + std::to_string(MaxJsonValues));
    if (builder.tooDeep())
        throw InputError(source, {},
                         "invalid JSON: nested deeper than " + std::to_string(MaxJsonDepth)
                             + " levels of arrays and objects");
    if (!builder.duplicate().empty())
        throw InputError(source, builder.duplicate(), "appears twice in the same object");
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

void JsonFields::rejectUnknown(std::initializer_list<std::string_view> known) const
{
    for (const auto &[key, value] : m_object.items()) {
        if (std::find(known.begin(), known.end(), std::string_view(key)) != known.end())
            continue;
        std::string names;
        for (const std::string_view name : known)
            names += (names.empty() ? "" : ", ") + std::string(name);
        fail(key, "is not a field of this file (a misspelling?); the fields are " + names);
    }
}

bool JsonFields::isNull(std::string_view key) const
{
    return m_object.contains(key) && m_object.at(std::string(key)).is_null();
}

std::string JsonFields::fieldName(std::string_view key) const
{
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void JsonFields::fail(std::string_view key, const std::string &problem) const
{
    throw InputError(m_source, fieldName(key), problem);
}

const json &JsonFields::require(std::string_view key, const char *expected) const
{
    if (!m_object.contains(key))
        fail(key, "is missing");
    const json &value = m_object.at(std::string(key));
    // "name": null is there: "is missing" sent the reader looking for a field the file has.
    if (value.is_null())
        fail(key, std::string("is null; expected ") + expected);
    return value;
}

std::string JsonFields::string(std::string_view key, TextLines lines, std::size_t maxBytes) const
{
    const json &value = require(key, "a string");
    if (!value.is_string())
        fail(key, "expected a string, got " + describeJsonValue(value));
    return cleanText(value.get_ref<const std::string &>(), lines, maxBytes);
}

std::optional<std::string> JsonFields::optionalString(std::string_view key, TextLines lines, std::size_t maxBytes) const
{
    if (!has(key))
        return std::nullopt;
    return string(key, lines, maxBytes);
}

double JsonFields::number(std::string_view key, FigureRange range) const
{
    const json &value = require(key, "a number");
    if (!value.is_number())
        fail(key, "expected a number, got " + describeJsonValue(value));
    const double number = value.get<double>();
    if (!std::isfinite(number) || number < range.min || number > range.max)
        fail(key, "must be between " + formatNumber(range.min) + " and " + formatNumber(range.max) + ", got "
                      + describeJsonValue(value));
    return number;
}

std::optional<double> JsonFields::optionalNumber(std::string_view key, FigureRange range) const
{
    if (!has(key))
        return std::nullopt;
    return number(key, range);
}

std::int64_t JsonFields::integer(std::string_view key, CountRange range) const
{
    const json &value = require(key, "a whole number");
    if (!value.is_number())
        fail(key, "expected a whole number, got " + describeJsonValue(value));
    const double number = value.get<double>();
    if (!std::isfinite(number) || std::floor(number) != number)
        fail(key, "expected a whole number, got " + describeJsonValue(value));
    if (number < static_cast<double>(range.min) || number > static_cast<double>(range.max))
        fail(key,
             "must be between " + std::to_string(range.min) + " and " + std::to_string(range.max) + ", got "
                 + describeJsonValue(value));
    return static_cast<std::int64_t>(number);
}

std::optional<std::int64_t> JsonFields::optionalInteger(std::string_view key, CountRange range) const
{
    if (!has(key))
        return std::nullopt;
    return integer(key, range);
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
    const json &value = require(key, "an object");
    if (!value.is_object())
        fail(key, "expected an object, got " + describeJsonValue(value));
    return value;
}

const json &JsonFields::array(std::string_view key) const
{
    const json &value = require(key, "an array");
    if (!value.is_array())
        fail(key, "expected an array, got " + describeJsonValue(value));
    return value;
}

} // namespace roofline
