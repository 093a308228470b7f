#pragma once

#include <memory>
#include <vector>

namespace roofline {

// An immutable list whose copies share one storage, so that a session copied into every undo step holds
// its pins, notes and measured kernels once, however many steps there are. Reading is a vector's; a change
// makes a new list (`modify` copies, edits, and replaces), leaving every other copy as it was.
template<typename T>
class SharedList
{
public:
    using value_type = T;
    using const_iterator = typename std::vector<T>::const_iterator;

    SharedList() = default;
    SharedList(std::vector<T> items) // NOLINT(google-explicit-constructor): a list is its items
        : m_items(items.empty() ? nullptr : std::make_shared<const std::vector<T>>(std::move(items)))
    {
    }
    SharedList(std::initializer_list<T> items)
        : SharedList(std::vector<T>(items))
    {
    }

    const std::vector<T> &items() const
    {
        static const std::vector<T> none;
        return m_items ? *m_items : none;
    }
    const_iterator begin() const { return items().begin(); }
    const_iterator end() const { return items().end(); }
    std::size_t size() const { return m_items ? m_items->size() : 0; }
    bool empty() const { return size() == 0; }
    const T &operator[](std::size_t index) const { return (*m_items)[index]; }
    const T &front() const { return m_items->front(); }
    const T &back() const { return m_items->back(); }

    // Copies the items, lets `edit` change the copy, and makes it this list's storage.
    template<typename Edit>
    void modify(Edit &&edit)
    {
        std::vector<T> copy = items();
        edit(copy);
        *this = SharedList(std::move(copy));
    }

    // The same storage, or equal items.
    bool operator==(const SharedList &other) const { return m_items == other.m_items || items() == other.items(); }
    bool sharesStorageWith(const SharedList &other) const { return m_items == other.m_items; }

private:
    std::shared_ptr<const std::vector<T>> m_items;
};

} // namespace roofline
