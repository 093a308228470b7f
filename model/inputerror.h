#pragma once

#include "text.h"

#include <stdexcept>
#include <string>

namespace roofline {

// Every rejected input (file, field, flag) ends up as one of these. The message is a single line that names
// where the value came from, which field it was and what was wrong, so it can be shown as it is.
class InputError : public std::runtime_error
{
public:
    InputError(const std::string &source, const std::string &field, const std::string &problem)
        : std::runtime_error(compose(source, field, problem))
        , m_source(source)
        , m_field(field)
    {
    }

    const std::string &source() const { return m_source; }
    const std::string &field() const { return m_field; }

    static constexpr std::size_t MaxMessageBytes = 2000;

private:
    static std::string compose(const std::string &source, const std::string &field, const std::string &problem)
    {
        std::string text = source;
        if (!field.empty())
            text += (text.empty() ? "" : ": ") + std::string("field '") + field + "'";
        // Values quoted from a file may hold bytes that are not UTF-8, control characters or line breaks:
        // the message stays one printable line of bounded length.
        return cleanText(text + (text.empty() ? "" : ": ") + problem, TextLines::Single, MaxMessageBytes);
    }

    std::string m_source;
    std::string m_field;
};

} // namespace roofline
