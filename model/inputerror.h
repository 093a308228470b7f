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
    {
    }

private:
    static std::string compose(const std::string &source, const std::string &field, const std::string &problem)
    {
        std::string text = source;
        if (!field.empty())
            text += (text.empty() ? "" : ": ") + std::string("field '") + field + "'";
        return messageLine(text + (text.empty() ? "" : ": ") + problem);
    }
};

} // namespace roofline
