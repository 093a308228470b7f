#include "text.h"

#include <algorithm>

namespace roofline {

namespace {

constexpr char32_t Replacement = 0xFFFD;

// Decodes one code point at `pos` and advances past it; an ill-formed sequence yields U+FFFD and advances
// by one byte, so a Latin-1 "é" (0xE9) becomes one replacement character.
char32_t decode(std::string_view text, std::size_t &pos)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    int length = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1F;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0F;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07;
        minimum = 0x10000;
    } else {
        ++pos;
        return Replacement;
    }
    if (pos + std::size_t(length) > text.size()) {
        ++pos;
        return Replacement;
    }
    for (int i = 1; i < length; ++i) {
        const unsigned char next = byte(pos + std::size_t(i));
        if ((next & 0xC0) != 0x80) {
            ++pos;
            return Replacement;
        }
        code = (code << 6) | (next & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        ++pos;
        return Replacement;
    }
    pos += std::size_t(length);
    return code;
}

void encode(char32_t code, std::string &out)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

// Controls, noncharacters, the bidirectional marks (ALM, LRM, RLM), embeddings, overrides and isolates, and
// the deprecated format controls U+206A..U+206F: a name holding U+202E would otherwise reverse the figures
// drawn after it in a title ("003 TFLOP/s" for 300), and a mark reorders the neutral characters around it.
// They become U+FFFD, so that the reader sees something was there.
bool isControl(char32_t code)
{
    return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F) || code == 0xFFFE || code == 0xFFFF
        || code == 0x061C || code == 0x200E || code == 0x200F || (code >= 0x202A && code <= 0x202E)
        || (code >= 0x2066 && code <= 0x206F);
}

// Characters that draw nothing: soft hyphen, Mongolian vowel separator, zero-width space, word joiner, the
// invisible operators, a byte-order mark inside text, and the tag characters (which can carry a whole hidden
// ASCII text). "q_\u200Bproj" would look like "q_proj" and be another name; they are dropped.
bool isInvisible(char32_t code)
{
    return code == 0xAD || code == 0x180E || code == 0x200B || (code >= 0x2060 && code <= 0x2064) || code == 0xFEFF
        || (code >= 0xE0000 && code <= 0xE007F);
}

// The zero-width non-joiner and joiner shape the letters beside them: Persian and Indic words need them, and
// emoji sequences (a family, a profession) are joined by U+200D. Between two characters that are not ASCII
// they stay; next to ASCII, where they only hide, or at an end, they are dropped.
bool isJoiner(char32_t code)
{
    return code == 0x200C || code == 0x200D;
}

// A character a joiner may stand beside: not ASCII, and kept as it is.
bool joins(char32_t code)
{
    return code >= 0x80 && code != Replacement && !isControl(code) && !isInvisible(code) && !isJoiner(code)
        && code != 0x2028 && code != 0x2029;
}

} // namespace

std::string cleanText(std::string_view text, TextLines lines, std::size_t maxBytes)
{
    // Most text is printable ASCII and short enough: return it as it is.
    if (text.size() <= maxBytes && std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
        return std::string(text);
    std::string out;
    out.reserve(text.size() < maxBytes ? text.size() : maxBytes);
    std::size_t pos = 0;
    char32_t last = 0; // the last character written
    while (pos < text.size()) {
        char32_t code = decode(text, pos);
        if (isInvisible(code))
            continue;
        if (isJoiner(code)) {
            std::size_t next = pos;
            if (!joins(last) || next >= text.size() || !joins(decode(text, next)))
                continue;
        }
        if (code == '\r') {
            if (pos < text.size() && text[pos] == '\n')
                ++pos;
            code = '\n';
        }
        if (code == 0x2028 || code == 0x2029) // line and paragraph separators
            code = '\n';
        if (code == '\n' || code == '\t')
            code = lines == TextLines::Multi ? code : U' ';
        else if (isControl(code))
            code = Replacement;
        const std::size_t before = out.size();
        encode(code, out);
        last = code;
        if (out.size() > maxBytes) {
            // Cut back to whole characters that leave room for "...", and never end on a joiner: before the
            // ASCII dots, cleaning the text again would drop it.
            out.resize(before);
            const std::size_t room = maxBytes >= 3 ? maxBytes - 3 : 0;
            std::size_t end = out.size();
            while (end > room) {
                --end;
                while (end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80)
                    --end;
            }
            while (end >= 3 && out.compare(end - 3, 2, "\xE2\x80") == 0 && (out[end - 1] == '\x8C' || out[end - 1] == '\x8D'))
                end -= 3;
            out.resize(end);
            out.append(std::min<std::size_t>(3, maxBytes - out.size()), '.');
            return out;
        }
    }
    return out;
}

std::string_view utf8Prefix(std::string_view text, std::size_t bytes)
{
    if (text.size() <= bytes)
        return text;
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::string messageLine(std::string_view text)
{
    constexpr std::size_t HeadBytes = 1200;
    constexpr std::size_t TailBytes = 700;
    static_assert(HeadBytes + 3 + TailBytes <= MaxMessageBytes);
    std::string line = cleanText(text, TextLines::Single);
    if (line.size() <= MaxMessageBytes)
        return line;
    const auto continuation = [&](std::size_t at) { return (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80; };
    // A joiner beside the ASCII dots would be dropped by cleaning the message again: it goes now.
    const auto joinerAt = [&](std::size_t at) {
        return line.compare(at, 2, "\xE2\x80") == 0 && (line[at + 2] == '\x8C' || line[at + 2] == '\x8D');
    };
    std::size_t head = utf8Prefix(line, HeadBytes).size();
    while (head >= 3 && joinerAt(head - 3))
        head -= 3;
    std::size_t tail = line.size() - TailBytes;
    while (tail < line.size() && continuation(tail))
        ++tail;
    while (tail + 3 <= line.size() && joinerAt(tail))
        tail += 3;
    return line.substr(0, head) + "..." + line.substr(tail);
}

std::size_t invalidUtf8Offset(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t before = pos;
        if (decode(text, pos) == Replacement && !(pos - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD"))
            return before;
    }
    return std::string_view::npos;
}

bool isValidUtf8(std::string_view text)
{
    return invalidUtf8Offset(text) == std::string_view::npos;
}

std::string choiceList(const std::vector<std::string_view> &names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            list += i + 1 == names.size() ? " or " : ", ";
        list += names[i];
    }
    return list;
}

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return out;
}

std::string_view trimSpace(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

} // namespace roofline
