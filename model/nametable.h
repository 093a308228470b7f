#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace roofline {

// An enum's values, each once and in the pickers' order, with the name files, flags and messages use, what
// the window calls it (its name, where no label is given) and another name it is read by too (never written):
// the one table a picker is filled from and names are read and written by.
template<typename Enum, std::size_t N>
struct NameTable {
    struct Entry {
        Enum value;
        std::string_view name;
        std::string_view label = {};
        std::string_view alias = {};
    };
    std::array<Entry, N> entries;

    constexpr std::size_t size() const { return N; }
    constexpr std::array<Enum, N> values() const
    {
        std::array<Enum, N> all {};
        for (std::size_t i = 0; i < N; ++i)
            all[i] = entries[i].value;
        return all;
    }
    // The entry of `value`; the first entry for a value the table lacks (a number cast to the enum).
    constexpr const Entry &entry(Enum value) const
    {
        for (const Entry &e : entries)
            if (e.value == value)
                return e;
        return entries.front();
    }
    constexpr std::string_view name(Enum value) const { return entry(value).name; }
    constexpr std::string_view label(Enum value) const
    {
        const Entry &e = entry(value);
        return e.label.empty() ? e.name : e.label;
    }
    // Exactly as written in the table: a name or an alias.
    constexpr std::optional<Enum> fromName(std::string_view name) const
    {
        for (const Entry &e : entries)
            if (e.name == name || (!e.alias.empty() && e.alias == name))
                return e.value;
        return std::nullopt;
    }
    // Every name fromName reads, in the table's order, each alias after its name.
    template<typename Visit>
    constexpr void forEachReadName(Visit visit) const
    {
        for (const Entry &e : entries) {
            visit(e.name);
            if (!e.alias.empty())
                visit(e.alias);
        }
    }
};

} // namespace roofline
